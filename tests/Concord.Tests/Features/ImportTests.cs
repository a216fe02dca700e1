using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Import;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = Concord.Features.Import.TemplateColumns;

namespace Concord.Tests.Features;

// Reports from a spreadsheet: the template of what a user may report on, the preview of a filled one row by row,
// the save all at once through the report form's own input, and the files refused before a row is read.
public abstract class ImportTests(ConcordFactory factory)
{
    // A focal point of the world's Vietnamese department, and three clauses that department leads; the first has a report.
    sealed record Setup(CommitmentsWorld World, HttpClient Client, int Account, int[] Commitments, int Report);

    async Task<Setup> SetUpAsync()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var ids = await world.AddCommitmentsAsync(3, (_, _) => { }, world.VnDepartment);
        var report = await world.AddReportAsync(ids[0], "VN", CommitmentStatus.InProgress, new DateOnly(2025, 3, 1));
        var account = await factory.CreateAccountAsync(Role.FocalPoint, world.VnDepartment);
        var client = factory.NewClient();
        await client.SignInAsync(account);
        return new Setup(world, client, account.Id, [.. ids], report);
    }

    static async Task<List<string?[]>> TemplateAsync(HttpClient client, string query, string format = "xlsx")
    {
        var response = await client.GetAsync($"/import?handler=Template&format={format}&{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return [.. SheetReader.Read(bytes, "template." + format, C.Count, new ImportOptions()).Select(l => l.Cells)];
    }

    static string?[] RowOf(List<string?[]> rows, int commitment) => rows.Single(r => r[C.CommitmentId] == commitment.ToString());

    // The template of the eighth conference's clauses with one new report filled in: the second clause done, so told.
    static async Task<List<string?[]>> TemplateWithOneNewReportAsync(Setup s, string narrative)
    {
        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        RowOf(rows, s.Commitments[1])[C.Status] = "Done";
        RowOf(rows, s.Commitments[1])[C.Narrative] = narrative;
        return rows;
    }

    static byte[] Xlsx(List<string?[]> rows) => ImportFiles.Xlsx(rows.Select(r => r.Cast<object?>().ToArray()));

    static async Task<(IDocument Page, string Url)> UploadAsync(HttpClient client, byte[] file, string name)
    {
        var response = await ImportFiles.UploadAsync(client, file, name);
        var page = await ImportFiles.ParseAsync(response);
        return (page, response.RequestMessage!.RequestUri!.PathAndQuery);
    }

    static int Count(IDocument page, string verdict) => int.Parse(page.QuerySelector($"#count-{verdict}")!.TextContent.Split(':')[1].Trim());

    static IElement Line(IDocument page, int line) => page.QuerySelector($"#rows tr[data-line='{line}']")!;

    [Fact]
    public async Task ATemplateRowCarriesThisSidesLatestReportInTheRowsPeriodOnly()
    {
        var s = await SetUpAsync();
        // Beside the set-up's report of 2024-2025: a later one of this side in that period, and later ones that are not
        // this side's (Laos) or not of that period (2022-2023), which the row must not carry.
        var newer = await s.World.AddReportAsync(s.Commitments[0], "VN", CommitmentStatus.Delayed, new DateOnly(2025, 6, 1));
        await s.World.AddReportAsync(s.Commitments[0], "LA", CommitmentStatus.Done, new DateOnly(2025, 9, 1));
        await s.World.AddReportAsync(s.Commitments[0], "VN", CommitmentStatus.Done, new DateOnly(2025, 12, 1), new Period(2022, 2023));
        await s.World.AddReportAsync(s.Commitments[1], "VN", CommitmentStatus.Done, new DateOnly(2025, 12, 1), new Period(2026, 2027));

        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");

        var first = RowOf(rows, s.Commitments[0]);
        Assert.Equal((newer.ToString(), "2024-2025", "1"), (first[C.ReportId], first[C.Period], first[C.Version]));
        Assert.Equal($"Báo cáo {s.World.Tag}", first[C.Narrative]);
        // The second clause's only report is of another period: its row is empty, to be filled.
        var second = RowOf(rows, s.Commitments[1]);
        Assert.Equal(("2024-2025", null, null, null), (second[C.Period], second[C.ReportId], second[C.Status], second[C.Narrative]));
    }

    [Fact]
    public async Task ARoundTripChangesExactlyTheEditedRowsAndAuditsThemAsOneImport()
    {
        var s = await SetUpAsync();
        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        // The header and the three clauses the department leads; the one with a report carries it, with its version.
        Assert.Equal(4, rows.Count);
        var reported = RowOf(rows, s.Commitments[0]);
        Assert.Equal(s.Report.ToString(), reported[C.ReportId]);
        Assert.Equal("1", reported[C.Version]);
        Assert.Equal("2024-2025", reported[C.Period]);
        Assert.Null(RowOf(rows, s.Commitments[1])[C.Status]);

        reported[C.Narrative] = $"Đã tổ chức 3 lớp đào tạo {s.World.Tag}";
        var fresh = RowOf(rows, s.Commitments[1]);
        fresh[C.Status] = "Done";
        fresh[C.Narrative] = $"Hoàn thành {s.World.Tag}";
        fresh[C.People] = "40";
        fresh[C.Women] = "12";
        var file = Xlsx(rows);

        var (preview, url) = await UploadAsync(s.Client, file, "bao-cao.xlsx");
        Assert.Equal(1, Count(preview, "create"));
        Assert.Equal(1, Count(preview, "update"));
        Assert.Equal(1, Count(preview, "skipped"));
        Assert.Equal(0, Count(preview, "refused"));
        // Nothing is saved by the preview.
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));
        // What it keeps for the confirmation: the Vietnamese as typed (not six characters a letter, \uXXXX), and not the
        // clause's text, there for whoever fills the file in (at 100,000 rows these halved what an import keeps).
        var kept = await factory.WithDbAsync(db => db.ReportImports.AsNoTracking().Where(i => i.AccountId == s.Account).Select(i => i.Rows).SingleAsync());
        Assert.Contains($"Hoàn thành {s.World.Tag}", kept);
        Assert.False(string.IsNullOrEmpty(fresh[C.Text]));
        Assert.DoesNotContain(fresh[C.Text]!, kept);

        var saved = await ImportFiles.ParseAsync(await s.Client.SubmitFormAsync(preview, url, new Dictionary<string, string?>(), "form#confirm"));
        Assert.NotNull(saved.QuerySelector("#import-message"));

        var (created, updated, untouched) = await factory.WithDbAsync(async db => (
            await db.ProgressReports.AsNoTracking().SingleAsync(r => r.CommitmentId == s.Commitments[1]),
            await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == s.Report),
            await db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[2])));
        Assert.Equal((CommitmentStatus.Done, $"Hoàn thành {s.World.Tag}", 40, 12, "VN"), (created.Status, created.Narrative.Vi, created.PeopleCount, created.WomenCount, created.Country));
        Assert.Equal(s.World.VnDepartment, created.OrganisationId);
        Assert.Equal(new Period(2024, 2025), created.Period);
        Assert.Equal($"Đã tổ chức 3 lớp đào tạo {s.World.Tag}", updated.Narrative.Vi);
        Assert.Equal(2, updated.Version);
        Assert.Equal(0, untouched);

        // One entry for the import, naming the file and the two reports; and each report's own entry, no others.
        var (importEntry, reportEntries) = await factory.WithDbAsync(async db =>
        {
            var import = await db.ReportImports.AsNoTracking().SingleAsync(i => i.AccountId == s.Account);
            var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.RecordType == nameof(ReportImport) && e.RecordId == import.Id);
            var reports = await db.AuditEntries.AsNoTracking().Where(e => e.RecordType == nameof(ProgressReport) && e.AccountId == s.Account).ToListAsync();
            return (entry, reports);
        });
        var changes = AuditTrail.Read(importEntry.Changes);
        Assert.Equal("bao-cao.xlsx", ((JsonElement)changes.Fields!["FileName"][1]!).GetString());
        Assert.Equal([created.Id], changes.Added!["Created"].Select(x => ((JsonElement)x).GetInt32()));
        Assert.Equal([s.Report], changes.Added!["Updated"].Select(x => ((JsonElement)x).GetInt32()));
        Assert.Equal(new[] { created.Id, s.Report }.Order(), reportEntries.Select(e => e.RecordId).Order());

        // The same file again changes nothing.
        var (again, _) = await UploadAsync(s.Client, file, "bao-cao.xlsx");
        Assert.Equal(2, Count(again, "unchanged"));
        Assert.Null(again.QuerySelector("form#confirm"));
        Assert.NotNull(again.QuerySelector("#no-changes"));
        Assert.Equal(2, await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().Where(r => r.Id == s.Report).Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task TwoConfirmationsOfOneImportSaveItOnce()
    {
        // A double click, or the preview open in two tabs: both confirmations find the import unsaved and judge its rows
        // (deterministically here, by judging in two contexts before either saves). The second must write nothing: its
        // creates would be the same reports again.
        var s = await SetUpAsync();
        var (preview, _) = await UploadAsync(s.Client, Xlsx(await TemplateWithOneNewReportAsync(s, $"Hoàn thành {s.World.Tag}")), "bao-cao.xlsx");
        Assert.Equal(1, Count(preview, "create"));

        var user = new CurrentUser { AccountId = s.Account, Name = "focal point", Role = Role.FocalPoint, Country = "VN", OrganisationId = s.World.VnDepartment };
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        async Task<(ConcordDb Db, ReportImport Import)> OpenAsync(IServiceScope scope)
        {
            var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
            return (db, await db.ReportImports.AsNoTracking().SingleAsync(i => i.AccountId == s.Account));
        }
        var (db1, import1) = await OpenAsync(first);
        var (db2, import2) = await OpenAsync(second);
        var strings = first.ServiceProvider.GetRequiredService<StringCatalog>();
        var judged1 = await ImportPlan.JudgeAsync(db1, user, import1.ReadRows(), strings, default);
        var judged2 = await ImportPlan.JudgeAsync(db2, user, import2.ReadRows(), strings, default);
        Assert.Equal(ImportPlan.Outcome.Saved, await ImportPlan.SaveAsync(db1, user, import1, judged1, false, default));
        Assert.Equal(ImportPlan.Outcome.AlreadySaved, await ImportPlan.SaveAsync(db2, user, import2, judged2, false, default));
        // And through the whole confirmation, as the page runs it.
        Assert.Equal(ImportPlan.Outcome.AlreadySaved, await ImportPlan.ConfirmAsync(db2, user, import2, import2.ReadRows(), strings, default));

        Assert.Equal(1, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == nameof(ReportImport) && e.RecordId == import1.Id)));
        // The kept verdicts are still the preview's, and the page says the import was saved.
        var page = await ImportFiles.ParseAsync(await s.Client.GetAsync($"/import/{import1.Id}"));
        Assert.Equal(1, Count(page, "create"));
        Assert.Null(page.QuerySelector("form#confirm"));
    }

    [Fact]
    public async Task AWithdrawnReportIsNotTheLatestOfItsPeriod()
    {
        // Two reports of this side in 2024-2025 on the first clause; the newer one is withdrawn. A row naming no report
        // meets the older one, as the form would: this side reported in that period, so the row is refused as stale.
        var s = await SetUpAsync();
        var older = await s.World.AddReportAsync(s.Commitments[0], "VN", CommitmentStatus.InProgress, new DateOnly(2024, 6, 1));
        async Task WithdrawAsync(int id) => await factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.Id == id);
            (report.WithdrawnAt, report.WithdrawnBy, report.WithdrawnSide) = (DateTime.UtcNow, "test", "VN");
            await db.SaveChangesAsync();
        });
        await WithdrawAsync(s.Report);
        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        var row = RowOf(rows, s.Commitments[0]);
        (row[C.ReportId], row[C.Version], row[C.Status], row[C.Narrative]) = (null, null, "Done", $"Hoàn thành {s.World.Tag}");
        var file = Xlsx(rows);

        var (preview, _) = await UploadAsync(s.Client, file, "bao-cao.xlsx");
        var refused = preview.QuerySelector("#rows tr[data-verdict='Refused']")!;
        Assert.Equal(s.Commitments[0].ToString(), refused.QuerySelectorAll("td")[1].TextContent);
        Assert.Contains("Báo cáo đã được sửa sau khi tải mẫu", refused.QuerySelectorAll("td").Last().TextContent);

        // With both withdrawn, the row makes a new report.
        await WithdrawAsync(older);
        (preview, _) = await UploadAsync(s.Client, file, "bao-cao.xlsx");
        Assert.Equal(1, Count(preview, "create"));
        Assert.Equal(0, Count(preview, "refused"));
    }

    [Fact]
    public async Task AnExportedFileNotEditedImportsAsNoChangesInXlsxAndCsv()
    {
        var s = await SetUpAsync();
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var response = await s.Client.GetAsync($"/import?handler=Template&format={format}&instrument={s.World.EighthMinutes}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var (preview, _) = await UploadAsync(s.Client, bytes, "template." + format);
            Assert.Equal(1, Count(preview, "unchanged"));
            Assert.Equal(2, Count(preview, "skipped"));
            Assert.NotNull(preview.QuerySelector("#no-changes"));
            Assert.Null(preview.QuerySelector("form#confirm"));
        }
    }

    [Fact]
    public async Task ThePreviewSaysWhyEachBadRowIsRefusedAndNothingIsSaved()
    {
        var s = await SetUpAsync();
        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        var header = rows[0];
        var more = await s.World.AddCommitmentsAsync(6, (_, _) => { }, s.World.VnDepartment);
        object?[] Row(int commitment, string? status = "InProgress", string? narrative = "Được", string? people = null, string? reportedOn = null,
            int? reportId = null, int? version = null, object? formula = null) =>
            [commitment, null, null, "VN", "2024-2025", status, formula ?? narrative, people, null, null, null, reportedOn, reportId, version, "vi"];
        // The report changed after the template was made.
        await factory.WithDbAsync(async db =>
        {
            var r = await db.ProgressReports.SingleAsync(x => x.Id == s.Report);
            r.Narrative = new LocalizedText("Ai đó đã sửa");
            db.SaveAgainstVersion(r, 1);
            await db.SaveChangesAsync();
        });
        var file = ImportFiles.Xlsx(
        [
            [.. header.Cast<object?>()],
            Row(999_999_999),                                                       // line 2: unknown id
            Row(s.Commitments[0], narrative: "Của tôi", reportId: s.Report, version: 1),  // 3: changed since
            Row(more[0], status: "Xong rồi?"),                                     // 4: not a status
            Row(more[1], reportedOn: "31/02/2026"),                                // 5: not a date
            Row(more[2], narrative: new string('x', 8001)),                        // 6: too long
            Row(more[3], people: "nhiều"),                                         // 7: not a number
            Row(more[4], formula: new ImportFiles.Formula("1+1", "2")),            // 8: a formula
            Row(more[5]),                                                          // 9: fine
        ]);
        var (preview, _) = await UploadAsync(s.Client, file, "sai.xlsx");

        string Why(int line) => Line(preview, line).QuerySelectorAll("td").Last().TextContent;
        Assert.All(Enumerable.Range(2, 7), line => Assert.Equal("Refused", Line(preview, line).GetAttribute("data-verdict")));
        Assert.Contains("999999999", Why(2));
        Assert.Contains("Tải mẫu mới", Why(3));
        Assert.Contains("Xong rồi?", Why(4));
        Assert.StartsWith("Ngày báo cáo", Why(5));
        Assert.Contains("8000", Why(6));
        Assert.Contains("nhiều", Why(7));
        Assert.Contains("G8", Why(8));
        Assert.Equal("Create", Line(preview, 9).GetAttribute("data-verdict"));
        // One refused row stops the whole save.
        Assert.Null(preview.QuerySelector("form#confirm"));
        Assert.NotNull(preview.QuerySelector("#blocked"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => more.Contains(r.CommitmentId))));
    }

    [Fact]
    public async Task AConfirmationReadsTheRowsKeptWithTheImportAndRefusesOnceAReportChangedMeanwhile()
    {
        var s = await SetUpAsync();
        var rows = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        RowOf(rows, s.Commitments[0])[C.Narrative] = "Bản của tệp";
        RowOf(rows, s.Commitments[1])[C.Status] = "Done";
        RowOf(rows, s.Commitments[1])[C.Narrative] = "Mới";
        var (preview, url) = await UploadAsync(s.Client, Xlsx(rows), "f.xlsx");
        Assert.NotNull(preview.QuerySelector("form#confirm"));
        // Someone edits the report between the preview and the confirmation.
        await factory.WithDbAsync(async db =>
        {
            var r = await db.ProgressReports.SingleAsync(x => x.Id == s.Report);
            r.Narrative = new LocalizedText("Sửa trên web");
            db.SaveAgainstVersion(r, r.Version);
            await db.SaveChangesAsync();
        });
        // Hidden fields sent with the confirmation change nothing: the rows come from the import.
        var after = await ImportFiles.ParseAsync(await s.Client.SubmitFormAsync(preview, url,
            new Dictionary<string, string?> { ["rows"] = "[]", ["Rows"] = "x" }, "form#confirm"));
        Assert.Contains("Chưa lưu gì", after.QuerySelector("#import-message")!.TextContent);
        Assert.Equal("Refused", Line(after, 2).GetAttribute("data-verdict"));
        Assert.Contains("Tải mẫu mới", Line(after, 2).QuerySelectorAll("td").Last().TextContent);
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal("Sửa trên web", (await db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == s.Report)).Narrative.Vi);
            // All or nothing: the new report of the other row was not saved either.
            Assert.Equal(0, await db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1]));
        });
    }

    [Fact]
    public async Task APreviewNotConfirmedWithinAWeekIsClearedByTheDailyJobAndItsPageSaysNothingWasSaved()
    {
        var s = await SetUpAsync();
        var file = Xlsx(await TemplateWithOneNewReportAsync(s, "Xong"));
        var (old, oldUrl) = await UploadAsync(s.Client, file, "tuan-truoc.xlsx");
        var (recent, recentUrl) = await UploadAsync(s.Client, file, "hom-nay.xlsx");
        // The first upload was previewed eight days ago (the default keeps previews seven).
        var oldId = int.Parse(oldUrl.Split('/').Last());
        await factory.WithDbAsync(async db =>
        {
            var import = await db.ReportImports.SingleAsync(i => i.Id == oldId);
            import.CreatedAt -= TimeSpan.FromDays(8);
            await db.SaveChangesAsync();
        });

        // The daily job, queued as RecurringJobs queues it and run by the app's own worker.
        Assert.Contains(factory.Services.GetServices<Concord.Features.Jobs.DailyJob>(), d => d.Kind == ExpiredPreviews.Kind);
        var key = $"{ExpiredPreviews.Kind}:test-{s.World.Tag}";
        await factory.WithDbAsync(db => Concord.Features.Jobs.JobQueue.EnqueueOnceAsync(db, ExpiredPreviews.Kind, key,
            Concord.Features.Jobs.DailyJob.Payload(new DateOnly(2026, 12, 3)), DateTime.UtcNow, default));
        factory.Services.GetRequiredService<Concord.Features.Jobs.JobSignal>().Wake();
        for (var until = DateTime.UtcNow.AddSeconds(30); ; await Task.Delay(100))
        {
            var state = await factory.WithDbAsync(db => db.Jobs.Where(j => j.Key == key).Select(j => j.State).SingleAsync());
            if (state == Concord.Features.Jobs.JobState.Done) break;
            Assert.True(DateTime.UtcNow < until, $"The clean-up did not run: {state}.");
        }

        var (expired, kept) = await factory.WithDbAsync(async db => (
            await db.ReportImports.AsNoTracking().SingleAsync(i => i.Id == oldId),
            await db.ReportImports.AsNoTracking().SingleAsync(i => i.FileName == "hom-nay.xlsx" && i.AccountId == s.Account)));
        Assert.Equal((ImportState.Expired, "[]", "tuan-truoc.xlsx", 1), (expired.State, expired.Rows, expired.FileName, expired.Creates));
        Assert.Equal(ImportState.Previewed, kept.State);
        Assert.Contains("Xong", kept.Rows);

        // Its page says what happened and offers no confirmation; a confirmation sent anyway saves nothing.
        var page = await s.Client.GetPageAsync(oldUrl);
        Assert.Contains("không được xác nhận trong 7 ngày", page.QuerySelector("#expired")!.TextContent);
        Assert.Null(page.QuerySelector("form#confirm"));
        Assert.Null(page.QuerySelector("#rows"));
        var refused = await ImportFiles.ParseAsync(await s.Client.SubmitFormAsync(old, oldUrl, new Dictionary<string, string?>(), "form#confirm"));
        Assert.NotNull(refused.QuerySelector("#expired"));
        Assert.Null(refused.QuerySelector("#import-message"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));
        // The list of imports shows it as expired.
        var list = await s.Client.GetPageAsync("/import");
        Assert.Contains("Đã hết hạn", list.QuerySelector($"a[href='{oldUrl}']")!.Closest("tr")!.TextContent);

        // The recent preview is confirmed as usual.
        var saved = await ImportFiles.ParseAsync(await s.Client.SubmitFormAsync(recent, recentUrl, new Dictionary<string, string?>(), "form#confirm"));
        Assert.NotNull(saved.QuerySelector("#import-message"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));
    }

    [Fact]
    public async Task AFocalPointCannotImportOntoAnotherDepartmentsOrTheOtherSidesCommitment()
    {
        var s = await SetUpAsync();
        var ministry = await s.World.AddCommitmentAsync(null, s.World.VnMinistry);
        var lao = await s.World.AddCommitmentAsync(null, s.World.LaDepartment);
        // The template holds only what the focal point reports on.
        var template = await TemplateAsync(s.Client, $"instrument={s.World.EighthMinutes}");
        Assert.DoesNotContain(template, r => r[C.CommitmentId] == ministry.ToString() || r[C.CommitmentId] == lao.ToString());

        object?[] Row(int commitment, string side) => [commitment, null, null, side, "2024-2025", "Done", "Xong", null, null, null, null, null, null, null, "vi"];
        var file = ImportFiles.Xlsx([[.. template[0].Cast<object?>()], Row(ministry, "VN"), Row(lao, "LA"), Row(lao, "VN"), Row(s.Commitments[1], "LA")]);
        var (preview, _) = await UploadAsync(s.Client, file, "khong-phai-cua-toi.xlsx");
        Assert.Equal(4, preview.QuerySelectorAll("#rows tr[data-verdict='Refused']").Length);
        Assert.Null(preview.QuerySelector("form#confirm"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == ministry || r.CommitmentId == lao || r.CommitmentId == s.Commitments[1])));
    }

    [Fact]
    public async Task HostileFilesAreRefusedWithAClearMessageAndNothingIsSaved()
    {
        var s = await SetUpAsync();
        var rows = await TemplateWithOneNewReportAsync(s, "Đạt");
        var good = Xlsx(rows);

        async Task RefusedAsync(byte[] content, string name, string expected)
        {
            var page = await ImportFiles.ParseAsync(await ImportFiles.UploadAsync(s.Client, content, name));
            var error = page.QuerySelector("#file-error")?.TextContent ?? "";
            Assert.True(error.Contains(expected), $"{name}: expected “{expected}” in “{error}”");
        }
        // Just over the limit: read, and refused by its length; far over: refused before the body is read.
        await RefusedAsync(new byte[10 * 1024 * 1024 + 1], "lon.xlsx", "10 MB");
        await RefusedAsync(new byte[12 * 1024 * 1024], "rat-lon.xlsx", "10 MB");
        await RefusedAsync(ImportFiles.Polyglot(good), "polyglot.xlsx", "không phải bảng tính");
        await RefusedAsync(ImportFiles.WordDocument(), "word.xlsx", "không phải bảng tính");
        await RefusedAsync(Encoding.UTF8.GetBytes("<html><body>not a workbook</body></html>"), "trang.xlsx", "không phải bảng tính");
        await RefusedAsync(ImportFiles.ZipBomb(300L * 1024 * 1024), "bom.xlsx", "quá lớn");
        await RefusedAsync(ImportFiles.ManyEntries(1500), "nhieu.xlsx", "quá nhiều phần");
        // "Mã cam kết" as Windows-1258 writes it: bytes that are not UTF-8.
        await RefusedAsync([0x4D, 0xE3, 0x20, 0x63, 0x61, 0x6D, 0x20, 0x6B, 0xEA, 0xF2, 0x74], "ansi.csv", "CSV UTF-8");
        Assert.Equal(0, await factory.WithDbAsync(db => db.ReportImports.CountAsync(i => i.AccountId == s.Account)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));

        // CSV in UTF-8 with or without its mark and in UTF-16 with its mark is read.
        var csvRows = rows.ToList();
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UTF8Encoding(false), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true) })
        {
            var (preview, _) = await UploadAsync(s.Client, ImportFiles.Csv(csvRows, encoding), "bao-cao.csv");
            Assert.Equal(1, Count(preview, "create"));
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == s.Commitments[1])));
    }
}

public sealed class ImportOnSqlite(SqliteFactory factory) : ImportTests(factory), IClassFixture<SqliteFactory>;
public sealed class ImportOnPostgres(PostgresFactory factory) : ImportTests(factory), IClassFixture<PostgresFactory>;
