using System.Net;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Documents;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Tests.Features;

// Documents made from the record: asked for on a page, made in the background as the account that asked,
// downloaded from "my documents", and opened here with the OpenXML SDK, as Word or Excel would read them.
public abstract class DocumentsTests(ConcordFactory factory)
{
    sealed record Expected(int Number, string Text, CommitmentStatus Status, string[] LeadsVn, string[] LeadsLa, DateOnly? Due);

    async Task<int> NinthMeetingAsync() => await factory.WithDbAsync(db =>
        db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.MeetingId!.Value).SingleAsync());

    // The clauses of the 9th conference a reader of `side` may see, as the record holds them.
    Task<List<(string? Number, LocalizedText Text, CommitmentStatus Status, List<(string Country, LocalizedText Name)> Leads, DateOnly? Due)>> NinthClausesAsync(string side) =>
        factory.WithDbAsync(async db =>
        {
            var meeting = await NinthMeetingAsync();
            var rows = await db.Commitments.Where(c => c.Instrument.MeetingId == meeting
                    && !(c.Visibility == Visibility.Restricted && c.RestrictedTo != side)
                    && !(c.Instrument.Visibility == Visibility.Restricted && c.Instrument.RestrictedTo != side))
                .Select(c => new { c.Number, c.Text, c.Status, c.DueOn, Leads = c.Leads.Select(l => new { l.Country, l.Organisation.Name }).ToList() })
                .ToListAsync();
            return rows.Select(r => (r.Number, r.Text, r.Status, r.Leads.Select(l => (l.Country, l.Name)).ToList(), r.DueOn)).ToList();
        });

    // Asks for a document on the page, waits on its page until it is ready, and downloads it.
    static async Task<(byte[] Bytes, HttpResponseMessage Response, int Id)> MakeAsync(HttpClient client, string query, Dictionary<string, string?> fields)
    {
        var response = await client.SubmitFormAsync($"/documents/new?{query}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var path = response.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches(@"^/documents/\d+$", path);
        var id = int.Parse(path.Split('/')[^1]);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            var page = await client.GetPageAsync(path);
            if (page.QuerySelector("a.document-download")?.GetAttribute("href") is { } href)
            {
                var file = await client.GetAsync(href);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                return (await file.Content.ReadAsByteArrayAsync(), file, id);
            }
            Assert.Null(page.QuerySelector("[data-state=Failed]"));
            Assert.True(DateTime.UtcNow < deadline, "The document was not made in time.");
            await Task.Delay(200);
        }
    }

    static string DocxText(WordprocessingDocument doc) =>
        string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));

    [Fact]
    public async Task TheImplementationReportOfTheNinthConferenceListsEveryCommitmentWithItsStatusAndLeadsOnA4()
    {
        var client = await factory.ClientAsync(Role.Reader, "vn-moha");
        var meeting = await NinthMeetingAsync();
        var (bytes, response, _) = await MakeAsync(client, $"meeting={meeting}", new() { ["Input.Format"] = "Docx", ["Input.Left"] = "vi", ["Input.Right"] = "", ["Input.Side"] = "VN" });
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        // The Vietnamese name goes out as filename* (RFC 5987), not mangled.
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.StartsWith("Báo cáo kết quả thực hiện", disposition.FileNameStar);
        Assert.EndsWith(".docx", disposition.FileNameStar);

        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        // Valid against the Office schema, as Word checks it on opening.
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        var text = DocxText(doc);
        var expected = await NinthClausesAsync(Sides.Vietnam);
        Assert.True(expected.Count >= 8);
        foreach (var clause in expected)
        {
            var firstLine = clause.Text.Best("vi").Text.Split('\n')[0].Trim();
            Assert.Contains(firstLine, text);
            foreach (var (_, name) in clause.Leads) Assert.Contains(name.Best("vi").Text, text);
        }
        Assert.Contains(OfficialHeading.VietnamTitle, text);
        Assert.Contains(OfficialHeading.VietnamMotto, text);
        Assert.Contains("Hà Nội, ngày", text);

        // A4 portrait, margins in Decree 30's ranges (top/bottom 20-25 mm, left 30-35, right 15-20), page numbers from page 2.
        var section = doc.MainDocumentPart!.Document.Body!.Elements<W.SectionProperties>().Single();
        var size = section.GetFirstChild<W.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value));
        var margin = section.GetFirstChild<W.PageMargin>()!;
        static int Mm(double mm) => (int)Math.Round(mm / 25.4 * 1440);
        Assert.InRange(margin.Top!.Value, Mm(20), Mm(25));
        Assert.InRange(margin.Bottom!.Value, Mm(20), Mm(25));
        Assert.InRange((int)margin.Left!.Value, Mm(30), Mm(35));
        Assert.InRange((int)margin.Right!.Value, Mm(15), Mm(20));
        Assert.NotNull(section.GetFirstChild<W.TitlePage>());
        Assert.Contains(doc.MainDocumentPart.HeaderParts, h => h.Header.InnerXml.Contains("PAGE"));
        Assert.Equal("Times New Roman", doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<W.RunFonts>().First().Ascii?.Value);

        // Every table of the body (not the heading's layout) repeats its header row on each page.
        var tables = doc.MainDocumentPart.Document.Body.Elements<W.Table>().Skip(1).ToList();
        Assert.True(tables.Count >= 4);
        Assert.All(tables, t => Assert.NotNull(t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>()));

        // The counts by status add up to the record's.
        var byStatus = tables[0].Elements<W.TableRow>().Skip(1).Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();
        foreach (var group in expected.GroupBy(c => c.Status))
        {
            var label = StatusLabel(group.Key, "vi");
            Assert.Contains(byStatus, r => r[0] == label && r[1] == group.Count().ToString());
        }
        Assert.Contains(byStatus, r => r[0] == "Tổng cộng" && r[1] == expected.Count.ToString());
    }

    static string StatusLabel(CommitmentStatus status, string language) =>
        new StringCatalog(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Features"), "*.strings.json", SearchOption.AllDirectories))
            .Find($"CommitmentStatus.{status}", language)!;

    [Fact]
    public async Task TheSpreadsheetHasARowPerCommitmentWithRealDatesAFrozenFilteredHeaderAndTheCounts()
    {
        var client = await factory.ClientAsync(Role.Reader, "vn-moha");
        var meeting = await NinthMeetingAsync();
        var (bytes, response, _) = await MakeAsync(client, $"meeting={meeting}", new() { ["Input.Format"] = "Xlsx", ["Input.Left"] = "en", ["Input.Right"] = "", ["Input.Side"] = "VN" });
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar);

        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(xlsx).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
        var workbook = xlsx.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<X.Sheet>().ToList();
        Assert.Equal(["Commitments", "Summary"], sheets.Select(s => s.Name!.Value));
        var commitments = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var rows = commitments.Descendants<X.Row>().ToList();
        var expected = await NinthClausesAsync(Sides.Vietnam);
        Assert.Equal(expected.Count + 1, rows.Count);
        Assert.NotNull(commitments.Descendants<X.AutoFilter>().SingleOrDefault());
        var pane = commitments.Descendants<X.Pane>().Single();
        Assert.Equal(X.PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);

        static string Text(X.Cell c) => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
        var header = rows[0].Elements<X.Cell>().Select(Text).ToList();
        X.Row RowOf(LocalizedText text) => rows.Skip(1).Single(r => r.Elements<X.Cell>().Any(c => c.CellReference!.Value!.StartsWith('C') && Text(c) == text.Best("en").Text));
        var statusColumn = header.IndexOf("Status");
        var dueColumn = header.IndexOf("Due");
        foreach (var clause in expected)
        {
            var row = RowOf(clause.Text);
            var cells = row.Elements<X.Cell>().ToDictionary(c => new string([.. c.CellReference!.Value!.TakeWhile(char.IsLetter)]), Text);
            Assert.Equal(clause.Number ?? "", cells.GetValueOrDefault("A") ?? "");
            Assert.Equal(StatusLabel(clause.Status, "en"), cells[Concord.Features.Documents.Xlsx.ColumnName(statusColumn + 1)]);
        }
        // Dates are numbers with a date format, not text.
        var dated = expected.Where(c => c.Due is not null).ToList();
        Assert.NotEmpty(dated);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<X.CellFormat>().ToList();
        foreach (var clause in dated)
        {
            var row = RowOf(clause.Text);
            var cell = row.Elements<X.Cell>().Single(c => c.CellReference!.Value!.StartsWith(Concord.Features.Documents.Xlsx.ColumnName(dueColumn + 1)));
            Assert.Null(cell.DataType);
            Assert.Equal(clause.Due!.Value, DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture))));
            Assert.Equal(164u, formats[(int)cell.StyleIndex!.Value].NumberFormatId!.Value);
        }

        var summary = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<X.Row>().Skip(1)
            .Select(r => r.Elements<X.Cell>().Select(Text).ToArray()).ToList();
        foreach (var status in Enum.GetValues<CommitmentStatus>())
            Assert.Contains(summary, r => r[0] == "By status" && r[1] == StatusLabel(status, "en") && r[2] == expected.Count(c => c.Status == status).ToString());
        Assert.Contains(summary, r => r[0] == "By status" && r[1] == "Total" && r[2] == expected.Count.ToString());
    }

    [Fact]
    public async Task ALaoSideDocumentHasTheLaoHeadingAndFontAndNeverTheOtherSidesRestrictedRecords()
    {
        var marker = "zdoc" + Guid.NewGuid().ToString("N")[..8];
        var meeting = await NinthMeetingAsync();
        await factory.WithDbAsync(async db =>
        {
            var ninth = await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => new { i.Id }).SingleAsync();
            var area = await db.Commitments.Where(c => c.InstrumentId == ninth.Id).Select(c => c.AreaId).FirstAsync();
            Commitment Restricted(string side, string text) => new()
            {
                InstrumentId = ninth.Id, Number = "99", Sequence = 999, AreaId = area, Period = new Period(2026, 2027), Status = CommitmentStatus.NotStarted,
                Text = new LocalizedText(text, text, text), Visibility = Visibility.Restricted, RestrictedTo = side,
            };
            db.Commitments.AddRange(Restricted(Sides.Vietnam, $"Vietnam only {marker}"), Restricted(Sides.Laos, $"Laos only {marker}"));
            await db.SaveChangesAsync();
        });

        var lao = await factory.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var (bytes, response, _) = await MakeAsync(lao, $"meeting={meeting}", new() { ["Input.Format"] = "Docx", ["Input.Left"] = "lo", ["Input.Right"] = "vi", ["Input.Side"] = "LA" });
        Assert.StartsWith("ບົດລາຍງານ", response.Content.Headers.ContentDisposition!.FileNameStar);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = DocxText(doc);
            Assert.Contains(OfficialHeading.LaoTitle, text);
            Assert.Contains(OfficialHeading.LaoMotto, text);
            Assert.DoesNotContain(OfficialHeading.VietnamTitle, text);
            Assert.Contains("ນະຄອນຫຼວງວຽງຈັນ", text);
            Assert.Contains($"Laos only {marker}", text);
            Assert.DoesNotContain($"Vietnam only {marker}", text);
            // Lao runs are set in a Lao font.
            var laoRun = doc.MainDocumentPart!.Document.Body!.Descendants<W.Run>().First(r => r.InnerText.Contains(OfficialHeading.LaoTitle));
            Assert.Equal("Phetsarath OT", laoRun.RunProperties!.RunFonts!.Ascii!.Value);
            // Both languages of the clauses: Lao on the left, Vietnamese on the right.
            var clause = (await NinthClausesAsync(Sides.Laos)).First(c => !string.IsNullOrWhiteSpace(c.Text.Lo) && !string.IsNullOrWhiteSpace(c.Text.Vi));
            Assert.Contains(clause.Text.Best("lo").Text.Split('\n')[0], text);
            Assert.Contains(clause.Text.Best("vi").Text.Split('\n')[0], text);
        }

        var vietnam = await factory.ClientAsync(Role.Reader, "vn-moha");
        var (vnBytes, _, _) = await MakeAsync(vietnam, $"meeting={meeting}", new() { ["Input.Format"] = "Xlsx", ["Input.Left"] = "vi", ["Input.Right"] = "", ["Input.Side"] = "VN" });
        using var xlsx = SpreadsheetDocument.Open(new MemoryStream(vnBytes), false);
        var all = string.Join("\n", xlsx.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<X.InlineString>()).Select(s => s.InnerText));
        Assert.Contains($"Vietnam only {marker}", all);
        Assert.DoesNotContain($"Laos only {marker}", all);
    }

    // LibreOffice turns the DOCX into the PDF (scripts/install-test-deps.sh installs it and pdftotext).
    [Fact]
    public async Task APdfIsMadeFromTheDocumentAndReadsInVietnameseAndLao()
    {
        var client = await factory.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var meeting = await NinthMeetingAsync();
        var (bytes, response, _) = await MakeAsync(client, $"meeting={meeting}", new() { ["Input.Format"] = "Pdf", ["Input.Left"] = "vi", ["Input.Right"] = "lo", ["Input.Side"] = "LA" });
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var text = await PdfTextAsync(bytes);
        Assert.Contains("KẾT QUẢ THỰC HIỆN", text.ToUpperInvariant());
        var clause = (await NinthClausesAsync(Sides.Laos)).First(c => !string.IsNullOrWhiteSpace(c.Text.Lo) && !string.IsNullOrWhiteSpace(c.Text.Vi));
        var words = clause.Text.Best("vi").Text.Split(' ').Take(4);
        Assert.Contains(string.Join(" ", words), text);
        Assert.Contains("ສາທາລະນະລັດ", text);
    }

    static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"concord-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new System.Diagnostics.ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[] { "-layout", "-enc", "UTF-8", file, "-" }) start.ArgumentList.Add(a);
            using var process = System.Diagnostics.Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.Equal(0, process.ExitCode);
            return text.Normalize();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ADocumentIsItsOwnersOnly()
    {
        var owner = await factory.ClientAsync(Role.Reader, "vn-moha");
        var instrument = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync());
        var (_, _, id) = await MakeAsync(owner, $"instrument={instrument}", new() { ["Input.Format"] = "Xlsx", ["Input.Left"] = "vi", ["Input.Right"] = "", ["Input.Side"] = "VN" });
        var list = await owner.GetPageAsync("/documents");
        Assert.NotNull(list.QuerySelector($"#document-{id} a.document-download"));

        var other = await factory.ClientAsync(Role.Reader, "vn-moha");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/documents/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/documents/{id}")).StatusCode);
        Assert.Null((await other.GetPageAsync("/documents")).QuerySelector($"#document-{id}"));
    }

    [Fact]
    public async Task TwoLanguagesThatAreTheSameAreRefused()
    {
        var client = await factory.ClientAsync(Role.Reader, "vn-moha");
        var meeting = await NinthMeetingAsync();
        var response = await client.SubmitFormAsync($"/documents/new?meeting={meeting}", new Dictionary<string, string?> { ["Input.Left"] = "vi", ["Input.Right"] = "vi" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/documents/new", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Chọn hai ngôn ngữ khác nhau", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Đào tạo", "Đào tạo")]
    public void ASpreadsheetCellThatCouldBeReadAsAFormulaIsNeutralised(string text, string written) =>
        Assert.Equal(written, Concord.Features.Documents.Xlsx.Neutralise(text));
}

public sealed class DocumentsOnSqlite(SqliteFactory factory) : DocumentsTests(factory), IClassFixture<SqliteFactory>;
public sealed class DocumentsOnPostgres(PostgresFactory factory) : DocumentsTests(factory), IClassFixture<PostgresFactory>;
