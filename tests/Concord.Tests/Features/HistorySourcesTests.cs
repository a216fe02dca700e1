using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Sources;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Issue 13: the demo history says what its five articles say, no more, and cites them.
public abstract class HistorySourcesTests(ConcordFactory factory)
{
    // The clause one test adds through the API; the others leave it out of the history they check.
    const string Undated = "Nội dung chưa rõ kỳ";

    [Fact]
    public async Task EveryQuotedPassageOfTheDemoAppearsVerbatimInTheArticleItCites()
    {
        var articles = Articles();
        var doc = DemoHistory.Read(DemoHistory.HistoryFile);
        var quoted = doc.Organisations.SelectMany(o => o.Citations)
            .Concat(doc.People.SelectMany(p => p.Citations))
            .Concat(doc.Meetings.SelectMany(m => m.Citations))
            .Concat(doc.Instruments.SelectMany(i => i.Citations))
            .Concat(doc.Commitments.SelectMany(c => c.Citations))
            .Concat(doc.Reports.SelectMany(r => r.Citations))
            .Concat(doc.Activities.SelectMany(a => a.Citations))
            .ToList();
        Assert.True(quoted.Count > 40, $"only {quoted.Count} quoted passages");
        foreach (var c in quoted.Where(c => c.Passage is not null))
        {
            Assert.True(articles.ContainsKey(c.Source), $"no article {c.Source} in shared/seeds");
            Assert.True(articles[c.Source].Contains(c.Passage!, StringComparison.Ordinal), $"article {c.Source} does not contain: \"{c.Passage}\"");
        }
        // Each source's title stands at the head of its article.
        foreach (var s in doc.Sources) Assert.Contains(s.Title, articles[s.Key], StringComparison.Ordinal);

        // And what the database holds is what the files quote.
        var rows = await factory.WithDbAsync(db => db.Citations.Where(c => c.Passage != null)
            .Select(c => new { c.Source.Key, c.Passage }).ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.True(articles[r.Key!].Contains(r.Passage!, StringComparison.Ordinal), $"{r.Key}: {r.Passage}"));
    }

    [Fact]
    public async Task EveryKindOfHistoricalRecordCitesASourceAndItsPageShowsTheArticleNotASeedNumber()
    {
        var ids = await factory.WithDbAsync(async db => new Dictionary<string, int>
        {
            [CitedRecord.Organisation] = await db.Organisations.Where(o => o.Key == "vn-molisa").Select(o => o.Id).SingleAsync(),
            [CitedRecord.Meeting] = await db.Meetings.Where(m => m.Key == "ws-2021-10-19").Select(m => m.Id).SingleAsync(),
            [CitedRecord.Instrument] = await db.Instruments.Where(i => i.Key == "arr-hrd").Select(i => i.Id).SingleAsync(),
            [CitedRecord.Commitment] = await db.Commitments.Where(c => !c.IsIllustrative && c.Instrument.Key == "min-conf-6").OrderBy(c => c.Sequence).Select(c => c.Id).FirstAsync(),
            [CitedRecord.Activity] = await db.Activities.Where(a => !a.IsIllustrative && a.Kind.Code == "donation").Select(a => a.Id).SingleAsync(),
            [CitedRecord.Person] = await db.People.Where(p => p.Name == "Nguyễn Mạnh Cường").Select(p => p.Id).SingleAsync(),
            [CitedRecord.Report] = await db.ProgressReports.Where(r => !r.IsIllustrative).Select(r => r.Id).FirstAsync(),
        });
        foreach (var (type, id) in ids)
            Assert.True(await factory.WithDbAsync(db => db.Citations.AnyAsync(c => c.RecordType == type && c.RecordId == id)), $"{type} {id} cites nothing");

        // Every historical record of every kind cites something.
        await factory.WithDbAsync(async db =>
        {
            var cited = (await db.Citations.Select(c => new { c.RecordType, c.RecordId }).ToListAsync()).Select(c => (c.RecordType, c.RecordId)).ToHashSet();
            Assert.All(await db.Instruments.Select(i => i.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Instrument, id), cited));
            Assert.All(await db.Meetings.Select(m => m.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Meeting, id), cited));
            Assert.All(await db.Commitments.Where(c => !c.IsIllustrative && c.Text.Vi != Undated).Select(c => c.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Commitment, id), cited));
            Assert.All(await db.Activities.Where(a => !a.IsIllustrative).Select(a => a.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Activity, id), cited));
            Assert.All(await db.Organisations.Where(o => !o.IsIllustrative).Select(o => o.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Organisation, id), cited));
            Assert.All(await db.People.Where(p => !p.IsIllustrative).Select(p => p.Id).ToListAsync(), id => Assert.Contains((CitedRecord.Person, id), cited));
        });

        var client = await factory.CoordinatorAsync();
        var workshop = await client.GetPageAsync($"/meetings/{ids[CitedRecord.Meeting]}?culture=vi");
        var citations = workshop.QuerySelector("#citations")!.TextContent;
        Assert.Contains("‘Việt Nam – Lào đẩy mạnh hợp tác trong lao động và phúc lợi xã hội’, 20/10/2021 21:40", citations);
        Assert.Contains("khởi động đàm phán hiệp định hợp tác trong phát triển nguồn nhân lực và kỹ năng nghề", citations);
        foreach (var (path, id) in new[] { ("organisations", ids[CitedRecord.Organisation]), ("instruments", ids[CitedRecord.Instrument]),
            ("commitments", ids[CitedRecord.Commitment]), ("activities", ids[CitedRecord.Activity]) })
        {
            var page = await client.GetPageAsync($"/{path}/{id}");
            Assert.NotNull(page.QuerySelector("#citations blockquote"));
            Assert.DoesNotContain("seed 0", page.Body!.TextContent);
        }
        // 001 gives its author and time; 002 and 004 are cited by their title alone.
        var molisa = (await client.GetPageAsync($"/organisations/{ids[CitedRecord.Organisation]}?culture=vi")).QuerySelector("#citations")!.TextContent;
        Assert.Contains("‘Tăng cường hợp tác Việt Nam - Lào trong lĩnh vực lao động’, Công Thành, 13/11/2025 07:49", molisa);
        // A progress report taken from an article quotes it under its narrative on the commitment's page.
        var reported = await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == ids[CitedRecord.Report]).Select(r => r.CommitmentId).SingleAsync());
        var reportCitation = (await client.GetPageAsync($"/commitments/{reported}?culture=vi")).QuerySelector(".report-citations")!.TextContent;
        Assert.Contains("20/10/2021 21:40", reportCitation);
        var arrangement = (await client.GetPageAsync($"/instruments/{ids[CitedRecord.Instrument]}")).QuerySelector("#citations cite")!.TextContent;
        Assert.Equal("‘Việt Nam - Lào ký kết thỏa thuận hợp tác về phát triển nguồn nhân lực’", arrangement);
    }

    [Fact]
    public async Task InferredYearsAreMarkedAsInferredWithTheirReasoning()
    {
        var (conference, minutes, donation, molisa) = await factory.WithDbAsync(async db => (
            await db.Meetings.SingleAsync(m => m.Key == "conf-6"),
            await db.Instruments.SingleAsync(i => i.Key == "min-conf-6"),
            await db.Activities.SingleAsync(a => !a.IsIllustrative && a.Kind.Code == "donation"),
            await db.Organisations.SingleAsync(o => o.Key == "vn-molisa")));
        Assert.False(conference.DateInference.IsEmpty);
        Assert.False(minutes.DateInference.IsEmpty);
        Assert.False(donation.DateInference.IsEmpty);
        Assert.False(molisa.SucceededOnInference.IsEmpty);
        Assert.Empty(await factory.WithDbAsync(db => db.MeetingChairs.Where(c => c.Meeting.Key == "conf-6" || c.Meeting.Key == "som-hrd" || c.Meeting.Key == "molisa-fa-review-2018").ToListAsync()));

        var client = await factory.CoordinatorAsync();
        var date = Regex.Replace((await client.GetPageAsync($"/meetings/{conference.Id}?culture=vi")).QuerySelector("#meeting-date")!.TextContent, @"\s+", " ").Trim();
        Assert.StartsWith("2019", date);
        Assert.Contains("(suy luận: năm 2019 không có trong các bài báo", date);
        var english = await client.GetPageAsync($"/instruments/{minutes.Id}?culture=en");
        Assert.Contains("(inferred: the year 2019 is not in the articles", english.Body!.TextContent);
        Assert.Contains("inferred: the year 2025 is not in the articles", (await client.GetPageAsync($"/organisations/{molisa.Id}?culture=en")).QuerySelector("#successor")!.TextContent);
        Assert.Contains("suy luận", (await client.GetPageAsync($"/activities/{donation.Id}?culture=vi")).Body!.TextContent);

        // Wherever the date appears: the lists mark an inferred date too, and only those.
        string RowOf(AngleSharp.Dom.IDocument page, string href) =>
            Regex.Replace(page.QuerySelectorAll("main tr").First(r => r.QuerySelector($"a[href='{href}']") is not null).TextContent, @"\s+", " ");
        var meetings = await client.GetPageAsync("/meetings?culture=vi");
        Assert.Contains("2019 (suy luận)", RowOf(meetings, $"/meetings/{conference.Id}"));
        var instruments = await client.GetPageAsync("/instruments?culture=vi");
        Assert.Contains("2019 (suy luận)", RowOf(instruments, $"/instruments/{minutes.Id}"));
        var ninth = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync());
        Assert.DoesNotContain("suy luận", RowOf(instruments, $"/instruments/{ninth}"));
        Assert.Contains("(suy luận)", RowOf(await client.GetPageAsync("/activities?culture=vi"), $"/activities/{donation.Id}"));
    }

    [Fact]
    public async Task HistoricalCommitmentsHaveNoInventedLeadsPeriodsOrLatenessAndTheHomePageCountsThemApart()
    {
        var history = await factory.WithDbAsync(db => db.Commitments.Where(c => !c.IsIllustrative && c.Text.Vi != Undated)
            .Select(c => new { c.Id, c.Status, c.PeriodStart, Meeting = c.Instrument.Meeting!.Key, Leads = c.Leads.Count }).ToListAsync());
        Assert.Equal(10, history.Count);
        Assert.All(history, c => Assert.Equal(0, c.Leads));
        Assert.All(history.Where(c => c.Meeting == "conf-6"), c => Assert.Equal((CommitmentStatus.NoInformation, (int?)null), (c.Status, c.PeriodStart)));
        Assert.Single(history, c => c.Status == CommitmentStatus.InProgress);

        var home = await (await factory.CoordinatorAsync()).GetPageAsync("/");
        var overdue = home.QuerySelectorAll("#overdue-list a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(history, c => Assert.DoesNotContain($"/commitments/{c.Id}", overdue));
        Assert.NotNull(home.QuerySelector("#no-information"));

        // The list's overdue filter agrees.
        var listed = await (await factory.CoordinatorAsync()).GetPageAsync("/commitments?overdue=true&size=200");
        var links = listed.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.All(history, c => Assert.DoesNotContain($"/commitments/{c.Id}", links));
    }

    [Fact]
    public async Task ApiWritesPartialDatesAtTheirPrecisionWithoutInternalFieldsAndGivesCitations()
    {
        var (agreement, conference5, workshop) = await factory.WithDbAsync(async db => (
            await db.Instruments.Where(i => i.Key == "agr-labour-2013").Select(i => i.Id).SingleAsync(),
            await db.Meetings.Where(m => m.Key == "conf-5").Select(m => m.Id).SingleAsync(),
            await db.Meetings.Where(m => m.Key == "ws-2021-10-19").Select(m => m.Id).SingleAsync()));
        var client = factory.CreateClient();

        var raw = await client.GetStringAsync($"/api/instruments/{agreement}");
        var json = JsonDocument.Parse(raw).RootElement;
        Assert.Equal("2013", json.GetProperty("signed").GetString());
        Assert.DoesNotContain("2013-01-01", raw);
        Assert.DoesNotContain("isEmpty", raw);
        Assert.NotEmpty(json.GetProperty("citations").EnumerateArray());

        var meeting = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{conference5}");
        Assert.Equal("2017-04", meeting.GetProperty("starts").GetString());
        var day = await client.GetFromJsonAsync<JsonElement>($"/api/meetings/{workshop}");
        Assert.Equal("2021-10-19", day.GetProperty("starts").GetString());
        var cited = day.GetProperty("citations").EnumerateArray().First();
        Assert.Equal("2021-10-20", cited.GetProperty("publishedOn").GetString());

        var list = await client.GetStringAsync("/api/instruments");
        Assert.DoesNotContain("signedOnPrecision", list);
    }

    [Fact]
    public async Task ApiAndFormAcceptACommitmentWithNoPeriodAndNoInformation()
    {
        var (instrument, area) = await factory.WithDbAsync(async db => (
            await db.Instruments.Where(i => i.Key == "min-conf-5").Select(i => i.Id).SingleAsync(),
            await db.Terms.Where(t => t.Vocabulary == "area").Select(t => t.Id).FirstAsync()));
        var client = await factory.CoordinatorAsync();
        var created = await client.PostAsJsonAsync("/api/commitments", new { instrumentId = instrument, textVi = Undated, areaId = area, period = (string?)null, status = "NoInformation", version = 0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("period").ValueKind);
        Assert.Equal("NoInformation", body.GetProperty("status").GetString());
        Assert.False(body.GetProperty("isOverdue").GetBoolean());
        var page = await client.GetPageAsync($"/commitments/{body.GetProperty("id").GetInt32()}");
        Assert.Contains("Nguồn không nêu", page.Body!.TextContent);
    }

    // The articles live beside the repository, in ../shared/seeds: found by walking up from the tests' folder.
    static Dictionary<string, string> Articles()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "shared", "seeds"))) dir = dir.Parent;
        Assert.True(dir is not null, $"No folder above {AppContext.BaseDirectory} holds shared/seeds: the five articles the demo history quotes must be at ../shared/seeds/ beside the repository.");
        return Directory.EnumerateFiles(Path.Combine(dir!.FullName, "shared", "seeds"), "*.txt")
            .ToDictionary(f => Path.GetFileName(f)[..3], File.ReadAllText);
    }
}

public sealed class HistorySourcesOnSqlite(SqliteFactory factory) : HistorySourcesTests(factory), IClassFixture<SqliteFactory>;
public sealed class HistorySourcesOnPostgres(PostgresFactory factory) : HistorySourcesTests(factory), IClassFixture<PostgresFactory>;
