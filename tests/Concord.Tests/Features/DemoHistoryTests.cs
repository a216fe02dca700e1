using System.Text.Json;
using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Organisations;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// The factories load the demo exactly as a first start does; these tests only read it.
public abstract class DemoHistoryTests(ConcordFactory factory)
{
    [Fact]
    public async Task NinthConferenceWasHeldInNinhBinhOn12November2025AndItsMinutesHoldCommitments()
    {
        var conference = await factory.WithDbAsync(db => db.Meetings.AsNoTracking()
            .Where(m => m.Key == "conf-9")
            .Select(m => new { m.Id, m.Number, m.Place, m.StartsOn, m.StartsOnPrecision, Prepared = m.PreparedBy.Select(p => p.Key).ToList() })
            .SingleAsync());
        Assert.Equal(9, conference.Number);
        Assert.Equal("Ninh Bình", conference.Place);
        Assert.Equal(new DateOnly(2025, 11, 12), conference.StartsOn);
        Assert.Equal(DatePrecision.Day, conference.StartsOnPrecision);
        Assert.Equal(new[] { "som-2025" }, conference.Prepared);

        var minutes = await factory.WithDbAsync(db => db.Instruments.AsNoTracking()
            .Where(i => i.Key == "min-conf-9")
            .Select(i => new { i.MeetingId, Implements = i.LinksFrom.Select(l => l.To.Key).ToList() })
            .SingleAsync());
        Assert.Equal(conference.Id, minutes.MeetingId);
        Assert.Contains("agr-labour-2013", minutes.Implements);

        var clauses = await factory.WithDbAsync(db => db.Commitments.AsNoTracking()
            .Where(c => c.Instrument.Key == "min-conf-9")
            .Select(c => new { c.Text.En, c.PeriodStart, c.PeriodEnd, c.IsIllustrative }).ToListAsync());
        var plan = Assert.Single(clauses, c => !c.IsIllustrative);
        Assert.StartsWith("Cooperation plan 2026-2027", plan.En);
        Assert.All(clauses, c => Assert.Equal(((int?)2026, (int?)2027), (c.PeriodStart, c.PeriodEnd)));
        Assert.InRange(clauses.Count(c => c.IsIllustrative), 10, 15);
    }

    [Fact]
    public async Task The2013AgreementIsKnownToTheYearOnlyAndItsPageShowsNoMadeUpDay()
    {
        var agreement = await factory.WithDbAsync(db => db.Instruments.AsNoTracking()
            .SingleAsync(i => i.Key == "agr-labour-2013"));
        Assert.Equal(DatePrecision.Year, agreement.SignedOnPrecision);
        Assert.Equal(2013, agreement.SignedOn!.Value.Year);

        var client = await factory.CoordinatorAsync();
        var signed = SignedOnPage(await client.GetPageAsync($"/instruments/{agreement.Id}"));
        Assert.Equal("2013", signed);

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        Assert.Equal("2013", SignedOnPage(await client.GetPageAsync($"/instruments/{agreement.Id}")));
    }

    [Fact]
    public async Task SeniorOfficialsMeetingOf28NovemberHasNoInventedYearButKeepsTheNote()
    {
        var meeting = await factory.WithDbAsync(db => db.Meetings.AsNoTracking().SingleAsync(m => m.Key == "som-hrd"));
        Assert.Null(meeting.StartsOn);
        Assert.Contains("28/11", meeting.DateNote);

        // The arrangement signed after it has no date either, and its page says why.
        var arrangement = await factory.WithDbAsync(db => db.Instruments.AsNoTracking().SingleAsync(i => i.Key == "arr-hrd"));
        Assert.Null(arrangement.SignedOn);
        var page = await (await factory.CoordinatorAsync()).GetPageAsync($"/instruments/{arrangement.Id}");
        Assert.Contains("28/11", SignedOnPage(page));
        Assert.DoesNotMatch(@"\d{1,2}/\d{1,2}/\d{4}", SignedOnPage(page));
    }

    [Fact]
    public async Task MinistryOfHomeAffairsSucceededMolisaIn2025AndInheritsItsHistory()
    {
        var (molisa, moha) = await factory.WithDbAsync(async db => (
            await db.Organisations.AsNoTracking().SingleAsync(o => o.Key == "vn-molisa"),
            await db.Organisations.AsNoTracking().SingleAsync(o => o.Key == "vn-moha")));
        Assert.Equal(moha.Id, molisa.SuccessorId);
        Assert.Equal(2025, molisa.SucceededOn!.Value.Year);
        Assert.Equal(DatePrecision.Year, molisa.SucceededOnPrecision);
        Assert.Equal("MOLISA", molisa.Abbreviation);

        var scope = await factory.WithDbAsync(db => OrganisationScope.ExpandAsync(db, moha.Id));
        var icd = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == "vn-molisa-icd").Select(o => o.Id).SingleAsync());
        Assert.Contains(molisa.Id, scope);
        Assert.Contains(icd, scope);
    }

    [Fact]
    public async Task BanKanDonationIsWorthAtLeast3900000000DongToTheMinistryAndTheCentre()
    {
        var donation = await factory.WithDbAsync(db => db.Activities.AsNoTracking()
            .Where(a => a.Kind.Code == "donation" && !a.IsIllustrative)
            .Select(a => new
            {
                a.ValueAmount, a.ValueCurrency, a.ValueIsLowerBound, Meeting = a.Meeting!.Key, a.SearchText, a.Title,
                Organisations = a.Organisations.Select(o => new { o.Organisation.Key, o.Role }).ToList(),
            })
            .SingleAsync());
        Assert.Equal(3_900_000_000m, donation.ValueAmount);
        Assert.Equal("VND", donation.ValueCurrency);
        Assert.True(donation.ValueIsLowerBound);
        Assert.Equal("conf-6", donation.Meeting);
        Assert.Equal(new[] { "la-bankan", "la-mlsw" }, donation.Organisations.Where(o => o.Role == ActivityRole.Recipient).Select(o => o.Key).Order());
        Assert.Equal(new[] { "vn-molisa" }, donation.Organisations.Where(o => o.Role == ActivityRole.Provider).Select(o => o.Key));
        Assert.Contains("Bản Cân", donation.Title.Vi);
        Assert.Contains("Ban Kan", donation.Title.En);
        // Typed without diacritics, the Vietnamese name still finds it.
        Assert.Contains("ban can", donation.SearchText);
    }

    [Fact]
    public async Task EveryRecordOfTheFactsFileIsInTheDemoJsonAndInTheDatabase()
    {
        var facts = Facts();
        var history = DemoHistory.Read(DemoHistory.HistoryFile);

        var organisations = Keys(facts, "organisations");
        var instruments = Keys(facts, "instruments");
        var meetings = Keys(facts, "meetings");
        Assert.Subset(history.Organisations.Select(o => o.Key).ToHashSet(), organisations);
        Assert.Subset(history.Instruments.Select(i => i.Key).ToHashSet(), instruments);
        Assert.Subset(history.Meetings.Select(m => m.Key).ToHashSet(), meetings);

        await factory.WithDbAsync(async db =>
        {
            Assert.Subset((await db.Organisations.Select(o => o.Key!).ToListAsync()).ToHashSet(), organisations);
            Assert.Subset((await db.Instruments.Select(i => i.Key!).ToListAsync()).ToHashSet(), instruments);
            Assert.Subset((await db.Meetings.Select(m => m.Key!).ToListAsync()).ToHashSet(), meetings);
            Assert.Subset((await db.People.Select(p => p.Name).ToListAsync()).ToHashSet(),
                facts.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToHashSet());

            // Commitments have no keys in the facts: each must stand, in its words, in the minutes of its conference.
            var recorded = await db.Commitments.Where(c => !c.IsIllustrative)
                .Select(c => new { Meeting = c.Instrument.Meeting!.Key, c.Text.En }).ToListAsync();
            foreach (var c in facts.GetProperty("commitments").EnumerateArray())
            {
                var from = c.GetProperty("from").GetString();
                var text = c.GetProperty("textEn").GetString();
                Assert.True(recorded.Any(r => r.Meeting == from && r.En == text), $"Missing commitment of {from}: {text}");
            }
            Assert.Equal(facts.GetProperty("commitments").GetArrayLength(), recorded.Count);

            var kinds = await db.Activities.Where(a => !a.IsIllustrative).Select(a => a.Kind.Code).ToListAsync();
            // The activities of the facts file, and the projects of the ministry's review of 2018 (ministryWideContext2018).
            var projects = facts.GetProperty("ministryWideContext2018").GetProperty("projects").EnumerateArray().Select(_ => "project");
            Assert.Equal(facts.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("kind").GetString()!).Concat(projects).Order(), kinds.Order());
        });
    }

    [Fact]
    public async Task DatesAreKeptAtThePrecisionTheSourcesGiveAndNeverInvented()
    {
        var facts = Facts();
        var instruments = await factory.WithDbAsync(db => db.Instruments.AsNoTracking()
            .ToDictionaryAsync(i => i.Key!, i => (Date: PartialDate.From(i.SignedOn, i.SignedOnPrecision), i.DateNote)));
        var meetings = await factory.WithDbAsync(db => db.Meetings.AsNoTracking()
            .ToDictionaryAsync(m => m.Key!, m => (Date: PartialDate.From(m.StartsOn, m.StartsOnPrecision), m.DateNote)));

        foreach (var (list, recorded) in new[] { ("instruments", instruments), ("meetings", meetings) })
            foreach (var record in facts.GetProperty(list).EnumerateArray())
            {
                var key = record.GetProperty("key").GetString()!;
                var text = record.TryGetProperty("dateText", out var d) ? d.GetString() : null;
                var (date, note) = recorded[key];
                if (PartialDate.TryParse(text, out var exact))
                    Assert.True(exact == date, $"{key}: {text} recorded as {date}");
                else if (record.TryGetProperty("yearKnown", out var known) && !known.GetBoolean())
                    Assert.True(date is null && !string.IsNullOrEmpty(note), $"{key}: no year is known, so no date but a note");
                else if (text is not null)
                    Assert.False(string.IsNullOrEmpty(note), $"{key}: '{text}' must be kept as a note");
                else
                    Assert.True(date is null, $"{key}: the sources give no date, yet {date} is recorded");
            }
    }

    [Fact]
    public async Task IllustrativeRecordsAreFlaggedAndHistoricalOnesAreNot()
    {
        var illustrative = DemoHistory.Read(DemoHistory.IllustrativeFile);
        var history = DemoHistory.Read(DemoHistory.HistoryFile);
        await factory.WithDbAsync(async db =>
        {
            var commitments = await db.Commitments.Select(c => new { c.Text.En, c.IsIllustrative }).ToListAsync();
            Assert.All(illustrative.Commitments, c => Assert.True(commitments.Single(x => x.En == c.TextEn).IsIllustrative, c.TextEn));
            Assert.All(history.Commitments, c => Assert.False(commitments.Single(x => x.En == c.TextEn).IsIllustrative, c.TextEn));

            // The one illustrative organisation seats the Vietnamese focal point's demo account (DemoAccounts).
            Assert.Equal(illustrative.Organisations.Select(o => o.Key).Order(StringComparer.Ordinal),
                (await db.Organisations.Where(o => o.IsIllustrative).Select(o => o.Key!).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.False(await db.Instruments.AnyAsync(i => i.IsIllustrative));
            Assert.False(await db.Meetings.AnyAsync(m => m.IsIllustrative));
            Assert.Equal(illustrative.Reports.Count, await db.ProgressReports.CountAsync(r => r.IsIllustrative));
            Assert.Equal(illustrative.Activities.Count, await db.Activities.CountAsync(a => a.IsIllustrative));
            Assert.Equal(history.Activities.Count, await db.Activities.CountAsync(a => !a.IsIllustrative));
        });
    }

    [Fact]
    public async Task IllustrativePlanShowsDisagreementAnOverdueClauseAndACarryOver()
    {
        await factory.WithDbAsync(async db =>
        {
            var lateIn2026 = new DateOnly(2026, 11, 15);
            Assert.True(await db.Commitments.AnyAsync(c => c.IsIllustrative && c.DueOn < lateIn2026
                && c.Status != Concord.Features.Commitments.CommitmentStatus.Done), "an overdue commitment");

            var statuses = await db.ProgressReports.Where(r => r.PeriodStart == 2026)
                .Select(r => new { r.CommitmentId, r.Country, r.Status }).ToListAsync();
            Assert.Contains(statuses.GroupBy(r => r.CommitmentId), g => g.Select(r => r.Country).Distinct().Count() == 2 && g.Select(r => r.Status).Distinct().Count() > 1);

            var carried = await db.Commitments.Where(c => c.CarriedOverFromId != null)
                .Select(c => new { From = c.CarriedOverFrom!.Instrument.Key, To = c.Instrument.Key }).SingleAsync();
            Assert.Equal(("min-conf-8", "min-conf-9"), (carried.From, carried.To));
        });
    }

    [Fact]
    public async Task LoadingTheDemoAgainAddsNothing()
    {
        async Task<int[]> CountAsync(ConcordDb db) =>
        [
            await db.Organisations.CountAsync(), await db.People.CountAsync(), await db.Meetings.CountAsync(),
            await db.Instruments.CountAsync(), await db.Commitments.CountAsync(), await db.ProgressReports.CountAsync(),
            await db.Activities.CountAsync(),
        ];
        var before = await factory.WithDbAsync(CountAsync);
        await factory.WithDbAsync(db => DemoHistory.LoadIfEmptyAsync(db, CancellationToken.None));
        Assert.Equal(before, await factory.WithDbAsync(CountAsync));
    }

    static string SignedOnPage(AngleSharp.Dom.IDocument page)
    {
        var label = page.QuerySelectorAll("dl dt").Single(dt => dt.TextContent.Trim() is "Ngày ký" or "Signed");
        return label.NextElementSibling!.TextContent.Trim();
    }

    static HashSet<string> Keys(JsonElement facts, string list) =>
        facts.GetProperty(list).EnumerateArray().Select(x => x.GetProperty("key").GetString()!).ToHashSet();

    // The facts file is shared with the project, beside its root (the folder holding Concord.slnx).
    static JsonElement Facts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var path = Path.Combine(dir.FullName, "..", "shared", "reference", "vn-la-cooperation-facts.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }
}

public sealed class DemoHistoryOnSqlite(SqliteFactory factory) : DemoHistoryTests(factory), IClassFixture<SqliteFactory>;
public sealed class DemoHistoryOnPostgres(PostgresFactory factory) : DemoHistoryTests(factory), IClassFixture<PostgresFactory>;
