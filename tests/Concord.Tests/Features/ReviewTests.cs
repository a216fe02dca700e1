using System.Net;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.ActivitiesSeed;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Tests.Features;

// Issue 14: the ministry's yearly review (2018, article 003), the report of a filtered commitments list,
// and the charts, each checked where a reader meets them: the page, and the DOCX and XLSX opened here.
public abstract class ReviewTests(ConcordFactory factory)
{
    // The seven bilateral instruments the article names, partner and area, as the review lists them in English.
    static readonly (string Partner, string Area)[] Bilateral2018 =
    [
        ("Cuba", "Vocational education and skill development"), ("Denmark", "Vocational education and skill development"),
        ("Australia", "Vocational education and skill development"), ("Morocco", "Labour and social security"),
        ("Bulgaria", "Labour and social security"), ("Romania", "Labour and social security"),
        ("Cambodia", "Drug prevention and rehabilitation"),
    ];

    static async Task<(byte[] Bytes, HttpResponseMessage Response)> MakeAsync(HttpClient client, string query, Dictionary<string, string?> fields)
    {
        var response = await client.SubmitFormAsync($"/documents/new?{query}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/documents/\d+$", path);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var page = await client.GetPageAsync(path);
            if (page.QuerySelector("a.document-download")?.GetAttribute("href") is { } href)
            {
                var file = await client.GetAsync(href);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                return (await file.Content.ReadAsByteArrayAsync(), file);
            }
            Assert.Null(page.QuerySelector("[data-state=Failed]"));
            Assert.True(DateTime.UtcNow < deadline, "The document was not made in time.");
            await Task.Delay(200);
        }
    }

    // Every sheet of a workbook as rows of cell texts (inline strings, or the number as written).
    static Dictionary<string, List<string[]>> Sheets(byte[] bytes)
    {
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = xlsx.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<X.Sheet>().ToDictionary(s => s.Name!.Value!, s =>
        {
            var part = (WorksheetPart)workbook.GetPartById(s.Id!);
            // An empty cell is not written: each cell goes to the column its reference names.
            return part.Worksheet.Descendants<X.Row>().Select(r =>
            {
                var cells = r.Elements<X.Cell>().ToDictionary(c => Column(c.CellReference!.Value!), c =>
                    c.DataType?.Value == X.CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? "");
                return Enumerable.Range(0, cells.Count == 0 ? 0 : cells.Keys.Max() + 1).Select(i => cells.GetValueOrDefault(i, "")).ToArray();
            }).ToList();
        });
    }

    static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => n * 26 + c - 'A' + 1) - 1;

    [Fact]
    public async Task TheReviewOf2018ShowsTheArticlesFiguresOnThePageAndInItsDocxAndXlsx()
    {
        // Public records: an anonymous reader gets the same figures.
        var page = await factory.NewClient().GetPageAsync("/review?year=2018&side=VN&culture=en");
        Assert.Equal("7", page.QuerySelector("#new-bilateral")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#ngo-signed")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#ngo-negotiating")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#projects-count")!.TextContent.Trim());
        Assert.Equal("20", page.QuerySelector("#committees")!.TextContent.Trim());
        var bilateral = page.QuerySelectorAll("#signed-instruments tbody tr[data-channel=Bilateral]")
            .Select(r => (r.QuerySelector(".partner")!.TextContent.Trim(), r.QuerySelector(".area")!.TextContent.Trim())).ToList();
        Assert.Equal(Bilateral2018.Order(), bilateral.Order());
        Assert.Equal("about 50", page.QuerySelector("#partners tr[data-channel=Ngo] td")!.TextContent.Trim());
        // The sources give no people trained and no donation: the review says so rather than 0.
        Assert.All(page.QuerySelectorAll("#people-trained dd"), d => Assert.Equal("not in the sources", d.TextContent.Trim()));
        Assert.Contains("not in the sources", page.QuerySelector("#donations")!.TextContent);
        // The year's statements cite the article word for word.
        Assert.Contains("khoảng 50 tổ chức phi chính phủ nước ngoài", page.QuerySelector("#citations")!.TextContent);

        var client = await factory.ClientAsync(Role.Reader, "vn-moha");
        var fields = new Dictionary<string, string?> { ["Input.Kind"] = "YearlyReview", ["Input.Year"] = "2018", ["Input.Left"] = "en", ["Input.Right"] = "", ["Input.Side"] = "VN" };

        fields["Input.Format"] = "Docx";
        var (docx, response) = await MakeAsync(client, "year=2018", fields);
        Assert.StartsWith("Review of international cooperation", response.Content.Headers.ContentDisposition!.FileNameStar);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
            var rows = doc.MainDocumentPart!.Document.Body!.Descendants<W.TableRow>()
                .Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
            string Figure(string item) => rows.Single(r => r.Length == 2 && r[0].EndsWith(item)).Last();
            Assert.Equal("7", Figure("New bilateral instruments signed"));
            Assert.Equal("2", Figure("Memoranda with foreign NGOs signed"));
            Assert.Equal("2", Figure("Agreements with foreign NGOs under negotiation"));
            Assert.Equal("2", Figure("Projects"));
            Assert.Equal("20", Figure("Bilateral committees"));
            Assert.Equal("not in the sources", Figure("Women"));
            foreach (var (partner, area) in Bilateral2018)
                Assert.Contains(rows, r => r.Length == 4 && r[0] == partner && r[1] == area && r[2] == "Bilateral");
        }

        fields["Input.Format"] = "Xlsx";
        var (xlsx, _) = await MakeAsync(client, "year=2018", fields);
        var sheets = Sheets(xlsx);
        var review = sheets["Review"];
        string Cell(string item) => review.Single(r => r.Length >= 3 && r[1] == item)[2];
        Assert.Equal("7", Cell("New bilateral instruments signed"));
        Assert.Equal("2", Cell("Memoranda with foreign NGOs signed"));
        Assert.Equal("2", Cell("Agreements with foreign NGOs under negotiation"));
        Assert.Equal("2", Cell("Projects"));
        Assert.Equal("20", Cell("Bilateral committees"));
        var instruments = sheets["Instruments"].Skip(1).ToList();
        Assert.Equal(Bilateral2018.Order(), instruments.Where(r => r[2] == "Bilateral").Select(r => (r[0], r[1])).Order());
        Assert.Equal(2, instruments.Count(r => r[2] == "Foreign NGOs" && r.Length > 4 && r[4] == "2018"));
        Assert.Equal(2, instruments.Count(r => r[2] == "Foreign NGOs" && r.Length > 5 && r[5].Length > 0));
    }

    [Fact]
    public async Task ADemoDatabaseMadeBeforeThe2018ReviewGetsItsRecordsAtStartAndOnlyOnce()
    {
        var history = Concord.Data.DemoHistory.Read(Concord.Data.DemoHistory.HistoryFile);
        static bool OnlyReview(List<string>? sources) => sources is ["003"];
        var instrumentKeys = history.Instruments.Where(i => OnlyReview(i.Sources)).Select(i => i.Key).ToList();
        var organisationKeys = history.Organisations.Where(o => OnlyReview(o.Sources)).Select(o => o.Key).ToList();
        var meetingKeys = history.Meetings.Where(m => OnlyReview(m.Sources)).Select(m => m.Key).ToList();
        var activityTitles = history.Activities.Where(a => OnlyReview(a.Sources)).Select(a => a.TitleVi).ToList();
        Assert.Equal(11, instrumentKeys.Count);

        // The database as a demo made before the review was added: none of its records, none of their citations.
        await factory.WithDbAsync(async db =>
        {
            var cited = new List<(string, int)>();
            cited.AddRange((await db.Instruments.Where(i => instrumentKeys.Contains(i.Key!)).Select(i => i.Id).ToListAsync()).Select(id => (Concord.Features.Sources.CitedRecord.Instrument, id)));
            cited.AddRange((await db.Meetings.Where(m => meetingKeys.Contains(m.Key!)).Select(m => m.Id).ToListAsync()).Select(id => (Concord.Features.Sources.CitedRecord.Meeting, id)));
            cited.AddRange((await db.Activities.Where(a => activityTitles.Contains(a.Title.Vi)).Select(a => a.Id).ToListAsync()).Select(id => (Concord.Features.Sources.CitedRecord.Activity, id)));
            cited.AddRange((await db.Organisations.Where(o => organisationKeys.Contains(o.Key!)).Select(o => o.Id).ToListAsync()).Select(id => (Concord.Features.Sources.CitedRecord.Organisation, id)));
            cited.AddRange((await db.CooperationYears.Select(y => y.Id).ToListAsync()).Select(id => (Concord.Features.Sources.CitedRecord.CooperationYear, id)));
            foreach (var (type, id) in cited) await db.Citations.Where(c => c.RecordType == type && c.RecordId == id).ExecuteDeleteAsync();
            await db.CooperationYears.ExecuteDeleteAsync();
            await db.Instruments.Where(i => instrumentKeys.Contains(i.Key!)).ExecuteDeleteAsync();
            await db.Activities.Where(a => activityTitles.Contains(a.Title.Vi)).ExecuteDeleteAsync();
            await db.Meetings.Where(m => meetingKeys.Contains(m.Key!)).ExecuteDeleteAsync();
            await db.Organisations.Where(o => organisationKeys.Contains(o.Key!)).ExecuteDeleteAsync();
            // Deleted behind the app's saves: the translation counts are made again, as after any change by hand.
            await Concord.Features.Translations.TranslationCounts.RecountAsync(db, CancellationToken.None);
        });
        Assert.Equal("0", (await factory.NewClient().GetPageAsync("/review?year=2018&side=VN")).QuerySelector("#new-bilateral")!.TextContent.Trim());

        // A start adds them; a second start adds nothing more.
        await factory.WithDbAsync(db => Concord.Data.DemoHistory.LoadIfEmptyAsync(db, CancellationToken.None));
        var citations = await factory.WithDbAsync(db => db.Citations.CountAsync());
        await factory.WithDbAsync(db => Concord.Data.DemoHistory.LoadIfEmptyAsync(db, CancellationToken.None));
        Assert.Equal(citations, await factory.WithDbAsync(db => db.Citations.CountAsync()));
        Assert.Equal(11, await factory.WithDbAsync(db => db.Instruments.CountAsync(i => instrumentKeys.Contains(i.Key!))));

        var page = await factory.NewClient().GetPageAsync("/review?year=2018&side=VN&culture=en");
        Assert.Equal("7", page.QuerySelector("#new-bilateral")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#ngo-signed")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#ngo-negotiating")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#projects-count")!.TextContent.Trim());
        Assert.Equal("20", page.QuerySelector("#committees")!.TextContent.Trim());
        Assert.Contains("khoảng 50 tổ chức phi chính phủ nước ngoài", page.QuerySelector("#citations")!.TextContent);
        // Linked to the records the database already had: Laos among the named partners, MOLISA a party.
        Assert.Contains("Laos", page.QuerySelector("#partners tr[data-channel=Bilateral]")!.TextContent);
    }

    [Fact]
    public async Task TheReportOfAFilteredListHoldsExactlyTheCommitmentsTheFilterSelects()
    {
        var area = await factory.WithDbAsync(db => TermAsync(db, "area", "labour-management"));
        var client = await factory.ClientAsync(Role.Reader, "vn-moha");
        var list = await client.GetPageAsync($"/commitments?area={area}&side=LA&culture=vi");
        var link = list.QuerySelector("#filter-report-link")!.GetAttribute("href")!;
        Assert.Contains("filter.area=" + area, link);
        Assert.Contains("filter.side=LA", link);

        var response = await client.SubmitFormAsync(link, new Dictionary<string, string?> { ["Input.Format"] = "Xlsx", ["Input.Left"] = "vi", ["Input.Right"] = "", ["Input.Side"] = "VN" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/documents/\d+$", path);
        byte[]? bytes = null;
        for (var tries = 0; bytes is null && tries < 600; tries++)
        {
            var page = await client.GetPageAsync(path);
            if (page.QuerySelector("a.document-download")?.GetAttribute("href") is { } href) bytes = await client.GetByteArrayAsync(href);
            else await Task.Delay(200);
        }
        Assert.NotNull(bytes);
        var texts = Sheets(bytes!)["Nội dung cam kết"].Skip(1).Select(r => r[2]).Order(StringComparer.Ordinal).ToList();

        // What the list selects for this reader: the area, a Lao lead, nothing restricted to Vietnam's other side.
        var expected = await factory.WithDbAsync(async db => (await db.Commitments
                .Where(c => c.AreaId == area && c.Leads.Any(l => l.Country == "LA")
                    && !(c.Visibility == Visibility.Restricted && c.RestrictedTo != "VN")
                    && !(c.Instrument.Visibility == Visibility.Restricted && c.Instrument.RestrictedTo != "VN"))
                .Select(c => c.Text).ToListAsync())
            .Select(t => t.Best("vi").Text).Order(StringComparer.Ordinal).ToList());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, texts);
    }

    [Fact]
    public async Task ChartsCountOnlyWhatTheReaderMaySeeAndTheirTablesMatchThePage()
    {
        var meeting = await factory.WithDbAsync(async db =>
        {
            var meeting = await MeetingAsync(db, "Hội nghị biểu đồ " + Token());
            var instrument = await InstrumentAsync(db, "Biên bản biểu đồ");
            await db.Instruments.Where(i => i.Id == instrument).ExecuteUpdateAsync(s => s.SetProperty(i => i.MeetingId, meeting));
            var vn = await db.Organisations.Where(o => o.Key == "vn-molisa").Select(o => o.Id).SingleAsync();
            var la = await db.Organisations.Where(o => o.Key == "la-mlsw").Select(o => o.Id).SingleAsync();
            var plan = new Period(2170, 2171);
            var a = await CommitmentAsync(db, instrument, "Biểu đồ 1", plan, CommitmentStatus.InProgress);
            var b = await CommitmentAsync(db, instrument, "Biểu đồ 2", plan, CommitmentStatus.Done, "social-insurance");
            var secret = await CommitmentAsync(db, instrument, "Biểu đồ mật của Lào", plan, CommitmentStatus.Delayed);
            db.CommitmentLeads.AddRange(new CommitmentLead { CommitmentId = a, OrganisationId = vn, Country = "VN" },
                new CommitmentLead { CommitmentId = b, OrganisationId = vn, Country = "VN" },
                new CommitmentLead { CommitmentId = secret, OrganisationId = la, Country = "LA" });
            await db.SaveChangesAsync();
            var kept = await db.Commitments.SingleAsync(c => c.Id == secret);
            (kept.Visibility, kept.RestrictedTo) = (Visibility.Restricted, "LA");
            await db.SaveChangesAsync();
            await ReportAsync(db, a, "VN", new DateOnly(2170, 3, 1));
            return meeting;
        });

        static List<string[]> Table(AngleSharp.Dom.IDocument page, string id) =>
            [.. page.QuerySelectorAll($"#{id} tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

        var vietnam = await (await factory.ClientAsync(Role.Reader, "vn-moha")).GetPageAsync($"/meetings/{meeting}?culture=en");
        // The clauses the page lists are those the charts count.
        var listed = vietnam.QuerySelectorAll("table.commitments tbody tr").Length;
        Assert.Equal(2, listed);
        Assert.Equal(listed, Table(vietnam, "meeting-area").Sum(r => int.Parse(r[^1])));
        var bySide = Table(vietnam, "meeting-side");
        Assert.Equal("2", bySide.Single(r => r[0] == "Led by Vietnam")[^1]);
        Assert.Equal("0", bySide.Single(r => r[0] == "Led by Laos")[^1]);
        Assert.DoesNotContain("Delayed", vietnam.QuerySelector("#meeting-side")!.TextContent);
        // Reports: Vietnam leads one open clause (the other is done) and reported on it.
        var reports = Table(vietnam, "meeting-reports");
        Assert.Equal(["Led by Vietnam", "1", "0", "1"], reports.Single(r => r[0] == "Led by Vietnam"));
        // Each chart is drawn as SVG beside its table, without inline style.
        Assert.NotNull(vietnam.QuerySelector("#meeting-area svg"));
        Assert.Null(vietnam.QuerySelector("#charts [style]"));

        var laos = await (await factory.ClientAsync(Role.Reader, TestAccounts.LaoCooperation)).GetPageAsync($"/meetings/{meeting}?culture=en");
        Assert.Equal("1", Table(laos, "meeting-side").Single(r => r[0] == "Led by Laos")[^1]);
        Assert.Equal(laos.QuerySelectorAll("table.commitments tbody tr").Length, Table(laos, "meeting-area").Sum(r => int.Parse(r[^1])));
        Assert.Equal(3, laos.QuerySelectorAll("table.commitments tbody tr").Length);

        // The home page: each area's bar totals the count the page's own table gives for it.
        var home = await (await factory.ClientAsync(Role.Reader, "vn-moha")).GetPageAsync("/?culture=en");
        var chart = Table(home, "home-area").ToDictionary(r => r[0], r => r[^1]);
        var table = home.QuerySelectorAll("#plan ~ .table-responsive table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(table);
        foreach (var row in table) Assert.Equal(row[1], chart[row[0]]);
    }
}

public sealed class ReviewOnSqlite(SqliteFactory factory) : ReviewTests(factory), IClassFixture<SqliteFactory>;
public sealed class ReviewOnPostgres(PostgresFactory factory) : ReviewTests(factory), IClassFixture<PostgresFactory>;
