using System.Net;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Meetings;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using IcalCalendar = Ical.Net.Calendar;

namespace Concord.Tests.Features;

// The iCalendar feeds, read back with Ical.Net as a calendar application reads them: a person's secret feed
// (what that account may see, its meetings and due dates) and the public feed of published meetings.
public abstract class CalendarTests(ConcordFactory factory)
{
    async Task<int> MeetingAsync(string title, DateOnly starts, DatePrecision precision, Visibility visibility, string? restrictedTo = null, DateOnly? ends = null) =>
        await factory.WithDbAsync(async db =>
        {
            var kinds = await ReferenceTerms.IdsAsync(db, Vocabularies.MeetingKind);
            var m = new Meeting
            {
                KindId = kinds["workshop"], Title = new LocalizedText(title), StartsOn = starts, StartsOnPrecision = precision, EndsOn = ends,
                Visibility = visibility, RestrictedTo = restrictedTo, Place = "Viêng Chăn",
            };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });

    // The secret address made on /account/calendar, as the page shows it once.
    static async Task<string> MakeFeedAsync(HttpClient client)
    {
        var page = await ImportFiles.ParseAsync(await client.SubmitFormAsync("/account/calendar", new Dictionary<string, string?>(), "form#make"));
        return new Uri(page.QuerySelector("#new-address")!.GetAttribute("value")!).PathAndQuery;
    }

    static async Task<IcalCalendar> FeedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        return IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task AFocalPointsFeedHoldsTheDueDateOfEachOpenRoundThatAsksTheirDepartmentForReports()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var mine = await world.AddInstrumentAsync($"Biên bản vòng báo cáo {world.Tag}");
        var others = await world.AddInstrumentAsync($"Biên bản khác {world.Tag}");
        await world.AddCommitmentAsync(c => { c.InstrumentId = mine; c.Period = new Period(2030, 2031); }, world.VnDepartment);
        await world.AddCommitmentAsync(c => { c.InstrumentId = others; c.Period = new Period(2030, 2031); }, world.LaDepartment);
        async Task<Concord.Features.Rounds.Round> RoundAsync(int instrument, string name, Concord.Features.Rounds.RoundState state = Concord.Features.Rounds.RoundState.Open) =>
            await factory.WithDbAsync(async db =>
            {
                var round = new Concord.Features.Rounds.Round
                {
                    Name = new LocalizedText($"{name} {world.Tag}", $"{name} {world.Tag}"), Period = new Period(2030, 2031),
                    DueOn = new DateOnly(2031, 1, 31), InstrumentId = instrument, State = state,
                };
                db.Rounds.Add(round);
                await db.SaveChangesAsync();
                return round;
            });
        var asked = await RoundAsync(mine, "Vòng hỏi đơn vị tôi");
        var notAsked = await RoundAsync(others, "Vòng hỏi đơn vị Lào");
        var closed = await RoundAsync(mine, "Vòng đã đóng", Concord.Features.Rounds.RoundState.Closed);

        var account = await factory.CreateAccountAsync(Role.FocalPoint, world.VnDepartment);
        var client = factory.NewClient();
        await client.SignInAsync(account);
        var calendar = await FeedAsync(factory.NewClient(), await MakeFeedAsync(client));

        var due = Assert.Single(calendar.Events, e => e.Uid == $"round-{asked.Id}-due@concord");
        Assert.False(due.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2031, 1, 31), due.DtStart.Date);
        Assert.Contains($"Vòng hỏi đơn vị tôi {world.Tag}", due.Summary);
        // A round that asks another department nothing of this one, and a closed round, are not this person's.
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"round-{notAsked.Id}-due@concord");
        Assert.DoesNotContain(calendar.Events, e => e.Uid == $"round-{closed.Id}-due@concord");

        // A moved due date moves the event: the same UID, a later sequence.
        await factory.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == asked.Id);
            round.DueOn = new DateOnly(2031, 2, 15);
            await db.SaveChangesAsync();
        });
        var moved = Assert.Single((await FeedAsync(factory.NewClient(), await MakeFeedAsync(client))).Events, e => e.Uid == $"round-{asked.Id}-due@concord");
        Assert.Equal(new DateOnly(2031, 2, 15), moved.DtStart!.Date);
        Assert.True(moved.Sequence > due.Sequence);
    }

    [Fact]
    public async Task APersonalFeedHoldsWhatTheAccountMaySeeAsAllDayEventsInIndochinaTime()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var tag = world.Tag;
        var workshop = await MeetingAsync($"Hội thảo {tag}", new DateOnly(2026, 6, 10), DatePrecision.Day, Visibility.Partners, ends: new DateOnly(2026, 6, 11));
        var monthOnly = await MeetingAsync($"Hội nghị tháng {tag}", new DateOnly(2026, 9, 1), DatePrecision.Month, Visibility.Partners);
        var laoOnly = await MeetingAsync($"Họp nội bộ Lào {tag}", new DateOnly(2026, 7, 2), DatePrecision.Day, Visibility.Restricted, "LA");
        var due = await world.AddCommitmentAsync(c => c.DueOn = new DateOnly(2026, 12, 31), world.VnDepartment);
        var notMine = await world.AddCommitmentAsync(c => c.DueOn = new DateOnly(2026, 11, 30), world.LaDepartment);

        var account = await factory.CreateAccountAsync(Role.FocalPoint, world.VnDepartment);
        var client = factory.NewClient();
        await client.SignInAsync(account);
        var path = await MakeFeedAsync(client);

        // A calendar application sends no cookie: the address alone opens the feed.
        var calendar = await FeedAsync(factory.NewClient(), path);
        Assert.Equal("Asia/Ho_Chi_Minh", Assert.Single(calendar.TimeZones).TzId);
        var uids = calendar.Events.Select(e => e.Uid).ToList();
        var meeting = calendar.Events.Single(e => e.Uid == $"meeting-{workshop}@concord");
        Assert.Equal($"Hội thảo {tag}", meeting.Summary);
        Assert.False(meeting.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 6, 10), meeting.DtStart.Date);
        // All day over two days: the end is exclusive.
        Assert.Equal(new DateOnly(2026, 6, 12), meeting.DtEnd!.Date);
        var deadline = calendar.Events.Single(e => e.Uid == $"commitment-{due}-due@concord");
        Assert.False(deadline.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2026, 12, 31), deadline.DtStart.Date);
        // Known only to the month: left out, never put on the 1st. Restricted to the other side: absent. Another department's due date: not this person's.
        Assert.DoesNotContain($"meeting-{monthOnly}@concord", uids);
        Assert.DoesNotContain($"meeting-{laoOnly}@concord", uids);
        Assert.DoesNotContain($"commitment-{notMine}-due@concord", uids);

        // A moved meeting keeps its UID, so the calendar moves the event instead of adding one.
        await factory.WithDbAsync(async db =>
        {
            var m = await db.Meetings.SingleAsync(x => x.Id == workshop);
            m.StartsOn = new DateOnly(2026, 6, 17);
            m.EndsOn = null;
            await db.SaveChangesAsync();
        });
        var moved = (await FeedAsync(factory.NewClient(), path)).Events.Where(e => e.Uid == $"meeting-{workshop}@concord").ToList();
        Assert.Equal(new DateOnly(2026, 6, 17), Assert.Single(moved).DtStart!.Date);
        Assert.True(moved[0].Sequence > meeting.Sequence);

        // A Lao account's feed holds the Lao meeting.
        var lao = await factory.CreateAccountAsync(Role.FocalPoint, world.LaDepartment);
        var laoClient = factory.NewClient();
        await laoClient.SignInAsync(lao);
        var laoFeed = await FeedAsync(factory.NewClient(), await MakeFeedAsync(laoClient));
        Assert.Contains(laoFeed.Events, e => e.Uid == $"meeting-{laoOnly}@concord");
        Assert.Contains(laoFeed.Events, e => e.Uid == $"commitment-{notMine}-due@concord");
    }

    [Fact]
    public async Task ARevokedOrReplacedFeedAddressIsRefused()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, "vn-moha");
        var client = factory.NewClient();
        await client.SignInAsync(account);
        var first = await MakeFeedAsync(client);
        await FeedAsync(factory.NewClient(), first);

        var second = await MakeFeedAsync(client);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(first)).StatusCode);
        await FeedAsync(factory.NewClient(), second);

        await client.SubmitFormAsync("/account/calendar", new Dictionary<string, string?>(), "form#revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync(second)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.NewClient().GetAsync("/calendar/feed/not-a-token.ics")).StatusCode);
        // Only the hash is kept.
        var token = second.Split('/').Last()[..^".ics".Length];
        Assert.False(await factory.WithDbAsync(db => db.CalendarFeeds.AnyAsync(f => f.Hash == token)));
    }

    [Fact]
    public async Task ThePublicFeedHoldsOnlyPublishedMeetingsForEveryone()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var published = await MeetingAsync($"Hội nghị công bố {tag}", new DateOnly(2026, 4, 2), DatePrecision.Day, Visibility.Public);
        var shared = await MeetingAsync($"Họp hai bên {tag}", new DateOnly(2026, 4, 3), DatePrecision.Day, Visibility.Partners);
        foreach (var client in new[] { factory.NewClient(), await factory.CoordinatorAsync() })
        {
            var calendar = await FeedAsync(client, "/calendar/public.ics");
            Assert.Contains(calendar.Events, e => e.Uid == $"meeting-{published}@concord" && !e.DtStart!.HasTime);
            Assert.DoesNotContain(calendar.Events, e => e.Uid == $"meeting-{shared}@concord");
            Assert.Equal("Asia/Ho_Chi_Minh", Assert.Single(calendar.TimeZones).TzId);
        }
    }
}

public sealed class CalendarOnSqlite(SqliteFactory factory) : CalendarTests(factory), IClassFixture<SqliteFactory>;
public sealed class CalendarOnPostgres(PostgresFactory factory) : CalendarTests(factory), IClassFixture<PostgresFactory>;
