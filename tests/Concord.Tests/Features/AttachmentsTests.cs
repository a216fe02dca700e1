using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Tokens;
using Concord.Features.Attachments;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Files attached to records: stored outside the rows under a name of Concord's own, hashed, listed on the
// record's page, downloaded intact and as a download; a file changed in the store is refused; hidden with
// a restricted record from the other side; hostile names and contents refused beside the field with nothing
// stored; withdrawn with a reason that stays in the row, the history and the audit.
public abstract class AttachmentsTests(ConcordFactory factory)
{
    [Fact]
    public async Task AFileAttachedToAMeetingIsStoredUnderItsHashCheckedKeyListedAndDownloadedIntactAsADownload()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var name = "Biên bản ký kết " + Guid.NewGuid().ToString("N")[..6] + ".pdf";
        var pdf = Pdf("minutes signed in Vientiane");

        var response = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", name, pdf);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith($"/meetings/{meeting}/attachments", response.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("File attached.", page.QuerySelector("#flash")?.TextContent.Trim());

        var row = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.FileName == name));
        Assert.Equal(AttachmentKind.Meeting, row.RecordType);
        Assert.Equal(meeting, row.RecordId);
        Assert.Equal("application/pdf", row.ContentType);
        Assert.Equal(pdf.Length, row.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), row.Sha256);
        // The bytes are in the store's folder under Concord's own key, not in the row and not under the user's name.
        var stored = StoredPath(row.StorageKey);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(stored));
        Assert.DoesNotContain("Biên", stored);
        Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(stored));

        // Listed on the meeting's own page, for everyone who reads the (public) meeting.
        var record = await factory.NewClient().GetPageAsync($"/meetings/{meeting}");
        var link = record.QuerySelector($"#record-attachments [data-attachment='{row.Id}'] a")!;
        Assert.Equal(name, link.TextContent.Trim());
        Assert.Equal($"/attachments/{row.Id}", link.GetAttribute("href"));

        var download = await factory.NewClient().GetAsync($"/attachments/{row.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, download.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Contains("filename*=UTF-8''", download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AnImageAndALaoNamedTextAreServedAsDownloadsWithTheirSniffedTypes()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var photo = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", "handover photo.png", Png());
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        var lao = "ບົດລາຍງານ " + Guid.NewGuid().ToString("N")[..6] + ".txt";
        await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", lao, Encoding.UTF8.GetBytes("ບົດລາຍງານຂອງພະແນກ\nBáo cáo của Sở\n"));

        var rows = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.RecordId == meeting && a.RecordType == AttachmentKind.Meeting).OrderBy(a => a.Id).ToListAsync());
        var image = rows.Last(a => a.FileName == "handover photo.png");
        var text = rows.Single(a => a.FileName == lao);
        Assert.Equal("image/png", image.ContentType);
        Assert.Equal("text/plain; charset=utf-8", text.ContentType);

        var client = factory.NewClient();
        var png = await client.GetAsync($"/attachments/{image.Id}");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        // Not re-encoded, so not shown inline either.
        Assert.Equal("attachment", png.Content.Headers.ContentDisposition!.DispositionType);
        var txt = await client.GetAsync($"/attachments/{text.Id}");
        Assert.Equal(lao, txt.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("text/plain", txt.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task AStoredFileChangedInTheStoreIsRefusedOnDownloadInsteadOfServed()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var created = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments", "report.pdf", Pdf("the original"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/api/meetings/{meeting}/attachments/{id}", json.GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/attachments/{id}")).StatusCode);

        var key = await factory.WithDbAsync(db => db.Attachments.Where(a => a.Id == id).Select(a => a.StorageKey).SingleAsync());
        await File.WriteAllBytesAsync(StoredPath(key), Pdf("a forgery of the same size"[..12]));

        var page = await coordinator.GetAsync($"/attachments/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        Assert.DoesNotContain("forgery", await page.Content.ReadAsStringAsync());
        var api = await coordinator.GetAsync($"/api/meetings/{meeting}/attachments/{id}");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.DoesNotContain("forgery", problem);
        Assert.Contains("application/problem+json", api.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task AttachmentsOfRecordsRestrictedToLaosAreNotFoundByTheVietnameseSideByListDownloadOrGuessedId()
    {
        var secret = await CreateLaoSecretAsync();
        var lao = En(await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false));
        var marker = "zkinlao" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Found, (await UploadOnPageAsync(lao, $"/meetings/{secret.Meeting}/attachments", marker + ".pdf", Pdf(marker))).StatusCode);
        var onReport = await UploadByApiAsync(lao, $"/api/reports/{secret.Report}/attachments", marker + "-report.txt", Encoding.UTF8.GetBytes(marker));
        Assert.Equal(HttpStatusCode.Created, onReport.StatusCode);
        var (meetingFile, reportFile) = await factory.WithDbAsync(async db => (
            await db.Attachments.Where(a => a.FileName == marker + ".pdf").Select(a => a.Id).SingleAsync(),
            await db.Attachments.Where(a => a.FileName == marker + "-report.txt").Select(a => a.Id).SingleAsync()));
        // The Lao side reads its own.
        Assert.Equal(HttpStatusCode.OK, (await lao.GetAsync($"/attachments/{meetingFile}")).StatusCode);
        Assert.Contains(marker, await lao.GetStringAsync($"/api/reports/{secret.Report}/attachments"));

        var publicMeeting = await PublicMeetingAsync();
        var vietnam = En(await factory.CoordinatorAsync(redirects: false));
        var wrong = new List<string>();
        foreach (var (name, client) in new[] { ("coordinator VN", vietnam), ("anonymous", factory.NoRedirects()) })
        {
            foreach (var url in new[]
            {
                $"/meetings/{secret.Meeting}/attachments", $"/commitments/{secret.Commitment}/reports/{secret.Report}/attachments",
                $"/attachments/{meetingFile}", $"/attachments/{reportFile}",
                $"/api/meetings/{secret.Meeting}/attachments", $"/api/meetings/{secret.Meeting}/attachments/{meetingFile}",
                $"/api/reports/{secret.Report}/attachments", $"/api/reports/{secret.Report}/attachments/{reportFile}",
                // The restricted file's id under a record the reader does see.
                $"/api/meetings/{publicMeeting}/attachments/{meetingFile}",
            })
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.NotFound || body.Contains(marker)) wrong.Add($"GET {url} as {name}: {(int)response.StatusCode}");
            }
        }
        // Nor changed by it.
        var withdraw = await vietnam.PostAsJsonAsync($"/api/meetings/{secret.Meeting}/attachments/{meetingFile}/withdraw", new { reason = "taken over" });
        if (withdraw.StatusCode != HttpStatusCode.NotFound) wrong.Add($"withdraw: {(int)withdraw.StatusCode}");
        var upload = await UploadByApiAsync(vietnam, $"/api/meetings/{secret.Meeting}/attachments", "intruder.pdf", Pdf("intruder"));
        if (upload.StatusCode != HttpStatusCode.NotFound) wrong.Add($"upload: {(int)upload.StatusCode}");
        // Nor named in the history of a record both sides see, nor in a Vietnamese administrator's change log.
        var admin = await factory.ClientAsync(Role.Administrator);
        var changes = await admin.GetStringAsync("/admin/changes?type=Attachment");
        if (changes.Contains(marker)) wrong.Add("the Vietnamese administrator's change log names the file");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.Contains(marker, await (await factory.ClientAsync(Role.Administrator, TestAccounts.LaoCooperation)).GetStringAsync("/admin/changes?type=Attachment"));
    }

    public static IEnumerable<object[]> HostileFiles() =>
    [
        // Names: kept for display, never a path.
        ["../../etc/evil.pdf", Pdf("x"), "The file's name holds a folder path"],
        ["minutes/evil.pdf", Pdf("x"), "The file's name holds a folder path"],
        ["..\\evil.pdf", Pdf("x"), "The file's name holds a folder path"],
        ["bell\u0007.pdf", Pdf("x"), "control or invisible characters"],
        ["invoice\u202Efdp.pdf", Pdf("x"), "control or invisible characters"],
        [new string('a', 252) + ".pdf", Pdf("x"), "longer than 255 characters"],
        // Contents: sniffed, not trusted.
        ["minutes.pdf", Elf(), "is a program"],
        ["minutes.pdf", Mz(), "is a program"],
        ["notes.txt", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), "is a program"],
        ["minutes.pdf", Concat(Pdf("the PDF half"), Zip(("payload.html", "<p>the ZIP half</p>"))), "two kinds of file at once"],
        ["minutes.docx", Zip(("a.txt", "%PDF-1.7 a PDF header inside the first kilobyte")), "two kinds of file at once"],
        ["photo.gif", Concat(Gif(), Zip(("x.txt", "hidden"))), "two kinds of file at once"],
        ["notes.txt", Encoding.UTF8.GetBytes("Meeting notes\n<script>alert(document.cookie)</script>\n"), "web page or script code"],
        ["photo.gif", Concat(Gif(), Encoding.ASCII.GetBytes("*/=1;<SCRIPT src=//evil.example/x.js></SCRIPT>")), "web page or script code"],
        ["archive.docx", Zip(("readme.txt", "just a zip")), "not a DOCX, XLSX, ODT or ODS"],
        ["macros.docx", OfficeZip("application/vnd.ms-word.document.macroEnabled.main+xml"), "macros are refused"],
        ["latin1.txt", new byte[] { 0x54, 0x69, 0xEA, 0x6E, 0x67, 0x20, 0x56, 0x69, 0xEA, 0x74 }, "save it as UTF-8"],
        ["nul.txt", new byte[] { 0x61, 0x00, 0x62 }, "save it as UTF-8"],
        ["photo.pdf", Png(), "but the file is PNG"],
        ["empty.pdf", Array.Empty<byte>(), "The file is empty"],
    ];

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task AHostileNameOrContentIsRefusedBesideTheFieldWithNothingStored(string name, byte[] content, string message)
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var before = await StoredAsync();

        var response = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", name, content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.ErrorFor("Upload"), StringComparison.OrdinalIgnoreCase);
        Assert.Null(page.QuerySelector("#flash"));

        var api = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments?culture=en", name, content);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var problem = await api.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString()!, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task DocumentsSpreadsheetsImagesAndTextOfEveryAcceptedKindAreTakenWithTheirSniffedTypes()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var files = new (string Name, byte[] Content, string Type)[]
        {
            ("Báo cáo.docx", OfficeZip("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"), AttachmentContent.Docx.ContentType),
            ("Số liệu.xlsx", OfficeZip("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "xl/workbook.xml"), AttachmentContent.Xlsx.ContentType),
            ("Biên bản.odt", Odf("application/vnd.oasis.opendocument.text"), AttachmentContent.Odt.ContentType),
            ("Bảng.ods", Odf("application/vnd.oasis.opendocument.spreadsheet"), AttachmentContent.Ods.ContentType),
            ("ảnh.jpg", [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[200]], "image/jpeg"),
            ("ảnh.gif", Gif(), "image/gif"),
            ("ảnh.webp", [.. "RIFF"u8, 0x40, 0, 0, 0, .. "WEBPVP8 "u8, .. new byte[64]], "image/webp"),
            ("ghi chú.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Ghi chú: Trung tâm Bản Kẹn\r\n")], "text/plain; charset=utf-8"),
        };
        foreach (var (name, content, type) in files)
        {
            var response = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments", name, content);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var row = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(type, row.GetProperty("contentType").GetString());
            Assert.Equal(name, row.GetProperty("fileName").GetString());
            var download = await coordinator.GetAsync(row.GetProperty("url").GetString());
            Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());
        }
        var listed = await factory.NewClient().GetFromJsonAsync<JsonElement>($"/api/meetings/{meeting}/attachments");
        Assert.All(files, f => Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("fileName").GetString() == f.Name));
    }

    [Fact]
    public async Task AWithdrawnFileKeepsItsRowAndReasonInTheAuditAndHistoryButIsNoLongerListedOrServed()
    {
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await factory.CoordinatorAsync());
        var name = "draft " + Guid.NewGuid().ToString("N")[..6] + ".pdf";
        await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", name, Pdf("draft"));
        var id = await factory.WithDbAsync(db => db.Attachments.Where(a => a.FileName == name).Select(a => a.Id).SingleAsync());
        var url = $"/meetings/{meeting}/attachments";

        // Without a reason: refused beside the reason, nothing changed.
        var refused = await coordinator.SubmitFormAsync(url + "?culture=en", new Dictionary<string, string?> { ["Withdrawal.AttachmentId"] = id.ToString(), ["Withdrawal.Reason"] = "  " },
            $"#withdraw-{id}");
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Say why the file is withdrawn.", page.ErrorFor("Withdrawal.Reason"));
        // What was typed comes back in the form that was sent, open.
        Assert.NotNull(page.QuerySelector($"#withdraw-{id}")!.Closest("details[open]"));
        Assert.Null(await factory.WithDbAsync(db => db.Attachments.Where(a => a.Id == id).Select(a => a.WithdrawnAt).SingleAsync()));

        var reason = "Bản nháp, không phải bản đã ký";
        var done = await coordinator.SubmitFormAsync(url, new Dictionary<string, string?> { ["Withdrawal.AttachmentId"] = id.ToString(), ["Withdrawal.Reason"] = reason },
            $"#withdraw-{id}");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var after = await Html.ParseAsync(await done.Content.ReadAsStringAsync());
        Assert.Null(after.QuerySelector($"[data-attachment='{id}']"));
        Assert.NotNull(after.QuerySelector("#withdrawn-count"));
        Assert.Null((await factory.NewClient().GetPageAsync($"/meetings/{meeting}")).QuerySelector($"[data-attachment='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/api/meetings/{meeting}/attachments/{id}")).StatusCode);
        Assert.DoesNotContain(name, await coordinator.GetStringAsync($"/api/meetings/{meeting}/attachments"));

        // The row stays, with who, when and why; so do the file's bytes.
        var row = await factory.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(reason, row.WithdrawalReason);
        Assert.NotNull(row.WithdrawnAt);
        Assert.True(File.Exists(StoredPath(row.StorageKey)));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.RecordType == "Attachment" && e.RecordId == id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditAction.Created, AuditAction.Updated], audit.Select(e => e.Action));
        Assert.Contains(name, audit[0].Changes);
        Assert.Contains(row.Sha256, audit[0].Changes);
        Assert.Contains(reason, audit[1].Changes);
        Assert.All(audit, e => Assert.NotNull(e.AccountId));
        // The meeting's history tells the upload and the withdrawal, with the reason.
        var history = await coordinator.GetStringAsync($"/meetings/{meeting}/history");
        Assert.Contains(name, history);
        Assert.Contains(reason, history);
        // Withdrawn once: a second withdrawal finds nothing.
        var again = await coordinator.PostAsJsonAsync($"/api/meetings/{meeting}/attachments/{id}/withdraw", new { reason = "again" });
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task OnlyThoseWhoMayEditTheRecordOrWriteTheReportAttachAndATokenNeedsItsScope()
    {
        var meeting = await PublicMeetingAsync();
        var reader = En(await factory.ClientAsync(Role.Reader, "vn-moha"));
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadByApiAsync(reader, $"/api/meetings/{meeting}/attachments", "a.pdf", Pdf("a"))).StatusCode);
        Assert.Null((await reader.GetPageAsync($"/meetings/{meeting}/attachments")).QuerySelector("#upload-form"));

        // A Lao report on the clause la-bankan leads: its focal point writes it, so attaches to it; a Vietnamese coordinator does not.
        var report = await factory.WithDbAsync(async db =>
        {
            var bankan = await db.Organisations.Where(o => o.Key == "la-bankan").Select(o => o.Id).SingleAsync();
            return await db.ProgressReports.Where(r => r.Country == Sides.Laos && r.Commitment.Leads.Any(l => l.OrganisationId == bankan))
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.CommitmentId }).FirstAsync();
        });
        var focal = En(await factory.ClientAsync(Role.FocalPoint, "la-bankan"));
        Assert.Equal(HttpStatusCode.Created, (await UploadByApiAsync(focal, $"/api/reports/{report.Id}/attachments", "handover.txt", "Bàn giao thiết bị"u8.ToArray())).StatusCode);
        Assert.NotNull((await focal.GetPageAsync($"/commitments/{report.CommitmentId}/reports/{report.Id}/attachments")).QuerySelector("#upload-form"));
        var vietnam = En(await factory.CoordinatorAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadByApiAsync(vietnam, $"/api/reports/{report.Id}/attachments", "x.txt", "x"u8.ToArray())).StatusCode);
        // The report's file is on its commitment's page, under the report.
        var commitment = await focal.GetPageAsync($"/commitments/{report.CommitmentId}");
        Assert.Contains("handover.txt", commitment.QuerySelector($"[data-report='{report.Id}'] .report-attachments")!.TextContent);

        // A token without the edit scope cannot attach, though its owner could.
        var owner = await factory.CreateAccountAsync(Role.Coordinator);
        var readOnly = await TokenClientAsync(owner.Id, "read");
        var editing = await TokenClientAsync(owner.Id, "read edit");
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadByApiAsync(readOnly, $"/api/meetings/{meeting}/attachments", "t.pdf", Pdf("t"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadByApiAsync(editing, $"/api/meetings/{meeting}/attachments", "t.pdf", Pdf("t"))).StatusCode);
    }

    [Fact]
    public async Task AFileOverTheSizeLimitIsRefusedBeforeItIsStored()
    {
        await using var small = factory.WithWebHostBuilder(b => b.UseSetting("Attachments:MaxBytes", "4096"));
        var meeting = await PublicMeetingAsync();
        var coordinator = En(await small.CoordinatorAsync());
        var before = await StoredAsync();

        // Over the limit, under the request limit: judged by the page, beside the field.
        var over = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", "big.pdf", Pdf(new string('x', 5000)));
        Assert.Contains("larger than the limit", (await Html.ParseAsync(await over.Content.ReadAsStringAsync())).ErrorFor("Upload"));
        // Far over it: the request itself is refused before it is read, and the page says why.
        var huge = await UploadOnPageAsync(coordinator, $"/meetings/{meeting}/attachments", "huge.pdf", Pdf(new string('x', 200_000)));
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        Assert.Contains("larger than the limit", (await Html.ParseAsync(await huge.Content.ReadAsStringAsync())).ErrorFor("Upload"));
        var api = await UploadByApiAsync(coordinator, $"/api/meetings/{meeting}/attachments", "huge.pdf", Pdf(new string('x', 200_000)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);

        Assert.Equal(before, await StoredAsync());
    }

    // The tests read messages in English, as a browser asking for it would get them.
    internal static HttpClient En(HttpClient client)
    {
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    // What is stored: rows and files.
    async Task<(int Rows, int Files)> StoredAsync() => (
        await factory.WithDbAsync(db => db.Attachments.CountAsync()),
        Directory.Exists(factory.AttachmentsFolder) ? Directory.EnumerateFiles(factory.AttachmentsFolder, "*", SearchOption.AllDirectories).Count() : 0);

    string StoredPath(string key) => Path.Combine(factory.AttachmentsFolder, key[..2], key);

    Task<int> PublicMeetingAsync() => factory.WithDbAsync(db => db.Meetings.Where(m => m.Visibility == Visibility.Public).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());

    // The page's form, as a browser without script sends it: multipart, with the page's antiforgery token.
    internal static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient client, string url, string name, byte[] content)
    {
        var page = await client.GetPageAsync(url);
        var token = page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        form.Add(FilePart("Upload", name, content));
        return await client.PostAsync(url + "?handler=Upload&culture=en", form);
    }

    internal static Task<HttpResponseMessage> UploadByApiAsync(HttpClient client, string url, string name, byte[] content) =>
        client.PostAsync(url, new MultipartFormDataContent { FilePart("file", name, content) });

    // The name as RFC 7578 allows (filename*, UTF-8), so control characters and slashes reach the server as sent.
    static ByteArrayContent FilePart(string field, string name, byte[] content)
    {
        var part = new ByteArrayContent(content);
        // What the browser claims is not believed.
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{field}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}");
        return part;
    }

    async Task<HttpClient> TokenClientAsync(int accountId, string scopes)
    {
        var token = await factory.WithDbAsync(async db =>
        {
            var (token, prefix) = PersonalTokens.Generate();
            db.ApiTokens.Add(new ApiToken
            {
                AccountId = accountId, Name = "attachments test", Prefix = prefix, Hash = TokenAuthenticationHandler.Hash(token),
                Scopes = scopes, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
            return token;
        });
        var client = En(factory.NewClient());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed record LaoSecret(int Meeting, int Commitment, int Report);

    Task<LaoSecret> CreateLaoSecretAsync() => factory.WithDbAsync(async db =>
    {
        async Task<int> Term(string vocabulary, string code) => await db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync();
        T Restricted<T>(T record) where T : IRestrictable { record.Visibility = Visibility.Restricted; record.RestrictedTo = Sides.Laos; return record; }
        var meeting = Restricted(new Meeting
        {
            KindId = await Term(Vocabularies.MeetingKind, "senior-officials-meeting"), Title = new LocalizedText("Họp kín (tệp đính kèm)", "Closed meeting (attachments)"),
            StartsOn = new DateOnly(2026, 3, 2), StartsOnPrecision = DatePrecision.Day,
        });
        var instrument = Restricted(new Instrument
        {
            KindId = await Term(Vocabularies.InstrumentKind, "minutes"), Title = new LocalizedText("Biên bản kín (tệp)", "Closed minutes (attachments)"),
            Status = InstrumentStatus.Signed, Meeting = meeting,
        });
        var commitment = Restricted(new Commitment
        {
            Instrument = instrument, Number = "1", Sequence = 1, Text = new LocalizedText("Điều khoản kín (tệp)", "Closed clause (attachments)"),
            AreaId = await Term(Vocabularies.Area, "vocational-education"), Period = new Period(2026, 2027), Status = CommitmentStatus.InProgress,
        });
        var report = Restricted(new ProgressReport
        {
            Commitment = commitment, Country = Sides.Laos, Period = new Period(2026, 2026), ReportedOn = new DateOnly(2026, 6, 1),
            Status = CommitmentStatus.InProgress, Narrative = new LocalizedText(null, "Closed report (attachments)"),
        });
        db.AddRange(meeting, instrument, commitment, report);
        await db.SaveChangesAsync();
        return new LaoSecret(meeting.Id, commitment.Id, report.Id);
    });

    // Files of each kind, made here: enough of each format for the sniffer, different each time.
    internal static byte[] Pdf(string text) => Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj\n<< /Title ({text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    static byte[] Concat(byte[] first, byte[] second) => [.. first, .. second];

    static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, .. new byte[64]];

    static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B];

    // A Linux program's header: what a file renamed minutes.pdf would start with.
    static byte[] Elf() => [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, .. new byte[100]];

    // A Windows program: "MZ", the DOS stub's message, the PE header.
    static byte[] Mz() => [.. "MZ"u8, 0x90, 0, 3, 0, .. new byte[54], .. "This program cannot be run in DOS mode."u8, .. "PE\0\0"u8, .. new byte[64]];

    static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }

    // A DOCX or XLSX as far as its package says: [Content_Types].xml naming the main part, and the part.
    static byte[] OfficeZip(string mainType, string mainPart = "word/document.xml") => Zip(
        ("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{mainPart}" ContentType="{mainType}"/></Types>"""),
        (mainPart, "<document/>"));

    // ODF: "mimetype" first and stored, then the manifest.
    static byte[] Odf(string type) => Zip(("mimetype", type), ("META-INF/manifest.xml", "<manifest/>"), ("content.xml", "<office:document-content/>"));
}

public sealed class AttachmentsOnSqlite(SqliteFactory factory) : AttachmentsTests(factory), IClassFixture<SqliteFactory>;
public sealed class AttachmentsOnPostgres(PostgresFactory factory) : AttachmentsTests(factory), IClassFixture<PostgresFactory>;

// The SQLite verbs carry the attachments folder: `backup x.db` writes x-attachments beside it, `restore x.db`
// puts its files back into the configured folder.
public class AttachmentsBackupTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task BackupCopiesTheAttachmentsFolderBesideTheDatabaseAndRestorePutsItBack()
    {
        var meeting = await factory.WithDbAsync(db => db.Meetings.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var coordinator = await factory.CoordinatorAsync();
        var content = Encoding.ASCII.GetBytes("%PDF-1.7\n% signed minutes for the backup\n%%EOF\n");
        var part = new ByteArrayContent(content);
        part.Headers.TryAddWithoutValidation("Content-Disposition", "form-data; name=\"file\"; filename=\"minutes.pdf\"");
        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsync($"/api/meetings/{meeting}/attachments", new MultipartFormDataContent { part })).StatusCode);
        var key = await factory.WithDbAsync(db => db.Attachments.OrderByDescending(a => a.Id).Select(a => a.StorageKey).FirstAsync());

        var source = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var folder = Directory.CreateTempSubdirectory("concord-backup-").FullName;
        try
        {
            var backup = Path.Combine(folder, "concord-backup.db");
            Assert.Equal(0, await RunAsync(source, "backup", backup));
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(folder, "concord-backup-attachments", key[..2], key)));
            // The folder is part of the backup: a second one to the same name is refused too.
            File.Delete(backup);
            Assert.NotEqual(0, await RunAsync(source, "backup", backup));

            var restored = Path.Combine(folder, "restored.db");
            var backupAgain = Path.Combine(folder, "second.db");
            Assert.Equal(0, await RunAsync(source, "backup", backupAgain));
            Assert.Equal(0, await RunAsync($"Data Source={restored}", "restore", backupAgain));
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(folder, "restored-attachments", key[..2], key)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<int> RunAsync(string connection, params string[] args) =>
        (await StartupChecksTests.RunAsync(args, ("ASPNETCORE_ENVIRONMENT", "Development"), ("ConnectionStrings__Concord", connection))).Exit;
}
