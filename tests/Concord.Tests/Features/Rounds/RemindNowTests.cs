using System.Net;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Rounds;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Features.Rounds;

// "Send a reminder now" on a round's page: a coordinator who may change the round sends a department that
// still owes reports this round's reminder at once, through the same Reminder rows and send job as the daily
// digest; once an hour per department.
public abstract class RemindNowTests(ConcordFactory factory, SmtpTestServer smtp, ShiftedClock clock)
{
    // A Lao round over two clauses of the world's 9th minutes that its Lao and Vietnamese departments lead, and
    // the focal points: two of the Lao department (one reading Lao, one English), one of the Vietnamese one.
    async Task<(CommitmentsWorld World, int Round, TestAccount LaoReader, TestAccount EnglishReader, TestAccount Vietnamese)> LaoRoundAsync()
    {
        // Today's clock: the coordinators' authenticator codes are today's.
        clock.Shift = TimeSpan.Zero;
        var world = await CommitmentsWorld.CreateAsync(factory);
        var clauses = await world.AddCommitmentsAsync(2, (i, c) => { c.InstrumentId = world.NinthMinutes; c.Period = new Period(2026, 2027); }, world.VnDepartment, world.LaDepartment);
        await world.AddReportAsync(clauses[0], "LA", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));
        var laoReader = await factory.CreateAccountAsync(Role.FocalPoint, world.LaDepartment);
        var englishReader = await factory.CreateAccountAsync(Role.FocalPoint, world.LaDepartment);
        var vietnamese = await factory.CreateAccountAsync(Role.FocalPoint, world.VnDepartment);
        var round = await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(a => a.Id == laoReader.Id)).Language = "lo";
            (await db.Users.SingleAsync(a => a.Id == englishReader.Id)).Language = "en";
            var r = new Round
            {
                Name = new LocalizedText($"Báo cáo {world.Tag}", $"Progress {world.Tag}", $"ລາຍງານ {world.Tag}"), Period = new Period(2026, 2027),
                DueOn = new DateOnly(2099, 3, 31), Side = Sides.Laos, InstrumentId = world.NinthMinutes,
            };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (world, round, laoReader, englishReader, vietnamese);
    }

    static Task<HttpResponseMessage> RemindAsync(HttpClient coordinator, int round, int department, string side) =>
        coordinator.SubmitFormAsync($"/rounds/{round}", new Dictionary<string, string?>(), $"#completeness-departments tr[data-department='{department}'][data-side='{side}'] form.remind-form");

    // Every mail that arrives until none has for a while.
    async Task<List<ReceivedMail>> MailsUntilQuietAsync(TimeSpan quiet)
    {
        var mails = new List<ReceivedMail>();
        while (await smtp.AnyWithinAsync(quiet)) mails.Add(await smtp.NextAsync());
        return mails;
    }

    string Text(string key, IDocument page) =>
        factory.Services.GetRequiredService<StringCatalog>().Find(key, page.DocumentElement.GetAttribute("lang") ?? "vi")!;

    [Fact]
    public async Task ACoordinatorRemindsADepartmentAndOnlyItsFocalPointsGetOneMailEachInTheirLanguageWithALinkToMyWork()
    {
        var (world, round, laoReader, englishReader, vietnamese) = await LaoRoundAsync();
        var coordinator = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);

        var landed = await RemindAsync(coordinator, round, world.LaDepartment, "LA");
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal($"/rounds/{round}", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var page = await Html.ParseAsync(await landed.Content.ReadAsStringAsync());
        Assert.Equal(Text("Flash.ReminderSent", page), page.QuerySelector("#flash.alert-success")!.TextContent.Trim());

        var mails = (await MailsUntilQuietAsync(TimeSpan.FromSeconds(8)))
            .Where(m => m.To.Any(to => to == laoReader.Email || to == englishReader.Email || to == vietnamese.Email)).ToList();
        Assert.Equal(2, mails.Count);
        var lao = Assert.Single(mails, m => m.To.Contains(laoReader.Email));
        Assert.Contains($"ລາຍງານ {world.Tag}", lao.Body);
        Assert.Contains("ຫົວໜ່ວຍຂອງສະຫາຍ", lao.Body);
        Assert.Equal("/my-work", lao.LinkTo("/my-work"));
        var english = Assert.Single(mails, m => m.To.Contains(englishReader.Email));
        Assert.Contains($"Progress {world.Tag}", english.Body);
        Assert.DoesNotContain("ຫົວໜ່ວຍ", english.Body);
        Assert.Equal("/my-work", english.LinkTo("/my-work"));

        // The same rows as the daily digest, marked as sent now by the coordinator, listed on the round's page.
        var reminders = await factory.WithDbAsync(db => db.Reminders.AsNoTracking().Include(r => r.Rounds)
            .Where(r => r.Rounds.Any(x => x.RoundId == round)).ToListAsync());
        Assert.Equal(2, reminders.Count);
        Assert.All(reminders, r => Assert.Equal((ReminderKind.Manual, 1), (r.Kind, r.Rounds.Single().Missing)));
        var listed = await coordinator.GetPageAsync($"/rounds/{round}");
        Assert.Equal(2, listed.QuerySelectorAll("#reminders .reminder-manual").Length);
    }

    [Fact]
    public async Task ASecondClickWithinTheHourIsRefusedWithAMessageAndSendsNothing()
    {
        var (world, round, laoReader, englishReader, _) = await LaoRoundAsync();
        var coordinator = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        var first = await coordinator.GetPageAsync($"/rounds/{round}");
        // Both forms from the same page, as a double click sends them.
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => coordinator.SubmitFormAsync(first, $"/rounds/{round}", new Dictionary<string, string?>(),
            $"#completeness-departments tr[data-department='{world.LaDepartment}'][data-side='LA'] form.remind-form")));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.OK, c.StatusCode));
        var mails = (await MailsUntilQuietAsync(TimeSpan.FromSeconds(8))).Where(m => m.To.Contains(laoReader.Email) || m.To.Contains(englishReader.Email)).ToList();
        Assert.Equal(2, mails.Count);

        // Half an hour later (the last reminder moved back, not the clock: the session would end): refused, with
        // the reason, and nothing more is written or sent.
        await MoveLastReminderBackAsync(round, world.LaDepartment, TimeSpan.FromMinutes(30));
        var again = await RemindAsync(coordinator, round, world.LaDepartment, "LA");
        var page = await Html.ParseAsync(await again.Content.ReadAsStringAsync());
        Assert.Equal(Text("Flash.ReminderTooSoon", page), page.QuerySelector("#flash.alert-warning")!.TextContent.Trim());
        Assert.Equal(2, await factory.WithDbAsync(db => db.ReminderRounds.CountAsync(x => x.RoundId == round)));
        Assert.DoesNotContain((await MailsUntilQuietAsync(TimeSpan.FromSeconds(3))), m => m.To.Contains(laoReader.Email) || m.To.Contains(englishReader.Email));

        // An hour after the last one, the department can be reminded again.
        await MoveLastReminderBackAsync(round, world.LaDepartment, TimeSpan.FromMinutes(31));
        page = await Html.ParseAsync(await (await RemindAsync(coordinator, round, world.LaDepartment, "LA")).Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#flash.alert-success"));
        Assert.Equal(4, await factory.WithDbAsync(db => db.ReminderRounds.CountAsync(x => x.RoundId == round)));
    }

    Task MoveLastReminderBackAsync(int round, int department, TimeSpan by) => factory.WithDbAsync(async db =>
    {
        var request = await db.ReminderRequests.SingleAsync(r => r.RoundId == round && r.OrganisationId == department);
        request.RequestedAt -= by;
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task AReminderSentNowNeitherTakesTheDaysDigestsPlaceNorIsRefusedByIt()
    {
        var (world, round, laoReader, _, _) = await LaoRoundAsync();
        var coordinator = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        await RemindAsync(coordinator, round, world.LaDepartment, "LA");

        // The day's digest, worked out later the same day, is written all the same, and once.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Concord.Data.ConcordDb>();
            var digest = scope.ServiceProvider.GetRequiredService<ReminderDigest>();
            var theRound = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round);
            var person = await ReminderDigest.Recipients(db.Users.Where(a => a.Id == laoReader.Id)).ToListAsync();
            Assert.Equal(1, await digest.WriteAsync(person, [theRound], db.Clock.Today(), ReminderKind.Daily, null, default));
            Assert.Equal(0, await digest.WriteAsync(person, [theRound], db.Clock.Today(), ReminderKind.Daily, null, default));
        }
        var kinds = await factory.WithDbAsync(db => db.Reminders.Where(r => r.AccountId == laoReader.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([ReminderKind.Daily, ReminderKind.Manual], kinds.Order());
        await MailsUntilQuietAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ACoordinatorOfTheOtherSideCannotRemindForASidesOwnRound()
    {
        var (world, round, _, _, _) = await LaoRoundAsync();
        var vietnamese = await factory.CoordinatorAsync(TestAccounts.VietnamCooperation, redirects: false);
        var page = await vietnamese.GetPageAsync($"/rounds/{round}");
        Assert.Empty(page.QuerySelectorAll(".remind-now"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await vietnamese.PostAsync($"/rounds/{round}?handler=Remind", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["department"] = world.LaDepartment.ToString(), ["__RequestVerificationToken"] = token,
        }));
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden || refused.Headers.Location?.ToString().Contains("/error/403") == true,
            $"Expected a refusal, got {(int)refused.StatusCode} {refused.Headers.Location}");
        Assert.Equal(0, await factory.WithDbAsync(db => db.ReminderRounds.CountAsync(x => x.RoundId == round)));
    }

    [Fact]
    public async Task AFocalPointDoesNotSeeTheButtonAndACoordinatorSeesItOnlyWhereReportsAreOwed()
    {
        var (world, round, laoReader, _, _) = await LaoRoundAsync();
        var focalPoint = factory.NewClient();
        await focalPoint.SignInAsync(laoReader);
        Assert.Empty((await focalPoint.GetPageAsync($"/rounds/{round}")).QuerySelectorAll(".remind-now"));

        var coordinator = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        var page = await coordinator.GetPageAsync($"/rounds/{round}");
        Assert.Single(page.QuerySelectorAll($"#completeness-departments tr[data-department='{world.LaDepartment}'] button.remind-now"));
        // Once the department has reported everything, nothing to remind it of.
        var owed = await factory.WithDbAsync(db => db.Commitments.Where(c => c.InstrumentId == world.NinthMinutes && c.Leads.Any(l => l.OrganisationId == world.LaDepartment))
            .Where(c => !db.ProgressReports.Any(r => r.CommitmentId == c.Id && r.Country == "LA")).Select(c => c.Id).ToListAsync());
        foreach (var clause in owed)
            await world.AddReportAsync(clause, "LA", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));
        Assert.Empty((await coordinator.GetPageAsync($"/rounds/{round}")).QuerySelectorAll(".remind-now"));
    }
}

public sealed class RemindNowOnSqlite(RemindersSqliteFactory factory) : RemindNowTests(factory, factory.Smtp, factory.Clock), IClassFixture<RemindersSqliteFactory>;

public sealed class RemindNowOnPostgres(RemindersPostgresFactory factory) : RemindNowTests(factory, factory.Smtp, factory.Clock), IClassFixture<RemindersPostgresFactory>;
