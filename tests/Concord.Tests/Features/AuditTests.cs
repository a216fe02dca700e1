using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Visibility = Concord.Shared.Visibility;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

public abstract class AuditTests(ConcordFactory factory)
{
    // A signed-in client and the name the history shows for it.
    async Task<(HttpClient Client, string Name, string Email)> SignedInAsync(Role role, string organisationKey = TestAccounts.VietnamCooperation)
    {
        var account = await factory.CreateAccountAsync(role, organisationKey);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.DisplayName).SingleAsync());
        return (client, name, account.Email);
    }

    static async Task<List<IElement>> EntriesAsync(HttpClient client, string url) =>
        [.. (await client.GetPageAsync(url)).QuerySelectorAll("tr.audit-entry")];

    static IElement Line(IElement entry, string label) =>
        entry.QuerySelectorAll(".audit-line").SingleOrDefault(l => l.QuerySelector("dt")!.TextContent.Trim() == label)
        ?? throw new Xunit.Sdk.XunitException($"No line '{label}' in: {entry.TextContent}");

    static string Before(IElement line) => line.QuerySelector("del.audit-before")!.TextContent.Trim();
    static string After(IElement line) => line.QuerySelector("ins.audit-after")!.TextContent.Trim();
    static string Actor(IElement entry) => entry.QuerySelector(".audit-actor")!.TextContent.Trim();
    static string Action(IElement entry) => entry.QuerySelector(".audit-action")!.TextContent.Trim();

    static void Redirected(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");

    [Fact]
    public async Task AnInstrumentsTitleEditedOnItsPageShowsInItsHistoryWithWhoAndBothValues()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var (client, name, _) = await SignedInAsync(Role.Coordinator);

        Redirected(await client.SubmitFormAsync($"/instruments/{world.NinthMinutes}/edit", new Dictionary<string, string?>
        {
            ["Input.TitleVi"] = $"Biên bản Hội nghị lần thứ 9 (bản đã ký) {world.Tag}",
        }));

        var page = await client.GetPageAsync($"/instruments/{world.NinthMinutes}");
        Assert.Equal($"/instruments/{world.NinthMinutes}/history", page.QuerySelector("a.history-link")!.GetAttribute("href"));
        var entries = await EntriesAsync(client, $"/instruments/{world.NinthMinutes}/history");
        var latest = entries[0];
        Assert.Equal(name, Actor(latest));
        Assert.Equal("Sửa", Action(latest));
        var title = Line(latest, "Tên (tiếng Việt)");
        Assert.Equal($"Biên bản Hội nghị lần thứ 9 {world.Tag}", Before(title));
        Assert.Equal($"Biên bản Hội nghị lần thứ 9 (bản đã ký) {world.Tag}", After(title));
        // The first entry: the record as it was created, by the system that loaded it.
        Assert.Equal("Tạo mới", Action(entries[^1]));
        Assert.Equal("Hệ thống", Actor(entries[^1]));
        Assert.Equal("12/11/2025", Line(entries[^1], "Ngày ký").QuerySelector(".audit-value")!.TextContent.Trim());
    }

    [Fact]
    public async Task APartyAddedToAnInstrumentShowsAsTheOrganisationsNameInTheReadersLanguage()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var (client, _, _) = await SignedInAsync(Role.Coordinator);

        Redirected(await client.SubmitFormAsync($"/instruments/{world.EighthMinutes}/edit", new Dictionary<string, string?>
        {
            ["Input.PartyIds"] = $"{world.VnMinistry},{world.LaMinistry}",
        }));

        var parties = (await EntriesAsync(client, $"/instruments/{world.EighthMinutes}/history"))[0]
            .QuerySelectorAll(".audit-line[data-kind=Added]").Where(l => l.QuerySelector("dt")!.TextContent.Trim() == "Các bên ký kết").Select(After).ToList();
        Assert.Equal(new[] { $"Bộ Nội vụ {world.Tag}", $"Bộ Lao động và Phúc lợi xã hội Lào {world.Tag}" }.Order(StringComparer.Ordinal), parties.Order(StringComparer.Ordinal));

        var english = await client.GetPageAsync($"/instruments/{world.EighthMinutes}/history?culture=en");
        var entry = english.QuerySelector("tr.audit-entry")!;
        Assert.Contains($"MLSW {world.Tag}", entry.QuerySelectorAll(".audit-line[data-kind=Added] ins").Select(i => i.TextContent.Trim()));
        Assert.Equal("Parties", entry.QuerySelector(".audit-line[data-kind=Added] dt")!.TextContent.Trim());
    }

    [Fact]
    public async Task ACommitmentsStatusAndANewLeadShowInItsHistoryInWords()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var (client, name, _) = await SignedInAsync(Role.Coordinator);

        Redirected(await client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.Status"] = "Delayed",
            ["Input.LeadIds"] = $"{world.VnDepartment},{world.LaDepartment}",
        }));

        var latest = (await EntriesAsync(client, $"/commitments/{id}/history"))[0];
        Assert.Equal(name, Actor(latest));
        var status = Line(latest, "Tình trạng");
        Assert.Equal("Đang thực hiện", Before(status));
        Assert.Equal("Chậm tiến độ", After(status));
        Assert.Equal($"Cục Kế hoạch và Hợp tác quốc tế {world.Tag} (Lào)", After(Line(latest, "Đơn vị chủ trì")));
    }

    [Fact]
    public async Task AnEditThroughTheApiIsAuditedLikeOneThroughThePage()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var (client, name, _) = await SignedInAsync(Role.Coordinator);

        var put = await client.PutAsJsonAsync($"/api/commitments/{id}", new
        {
            instrumentId = world.EighthMinutes, textVi = $"Hỗ trợ Lào xây dựng Trường Cao đẳng nghề Bản Keun {world.Tag}", areaId = world.Vocational,
            period = "2024-2025", status = "InProgress", leadIds = new[] { world.VnDepartment }, version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var latest = (await EntriesAsync(client, $"/commitments/{id}/history"))[0];
        Assert.Equal(name, Actor(latest));
        var text = Line(latest, "Nội dung (tiếng Việt)");
        Assert.Equal($"Tiếp tục hỗ trợ Lào phát triển giáo dục nghề nghiệp {world.Tag} #0", Before(text));
        Assert.Equal($"Hỗ trợ Lào xây dựng Trường Cao đẳng nghề Bản Keun {world.Tag}", After(text));
    }

    [Fact]
    public async Task AnOrganisationsAndAPersonsEditsShowInTheirHistories()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var personId = await factory.WithDbAsync(async db =>
        {
            var person = new Person { Name = $"Phạm Thị Hải Chuyền {world.Tag}", OrganisationId = world.VnMinistry, Position = new LocalizedText("Bộ trưởng") };
            db.People.Add(person);
            await db.SaveChangesAsync();
            return person.Id;
        });
        var (client, name, _) = await SignedInAsync(Role.Coordinator);

        Redirected(await client.SubmitFormAsync($"/organisations/{world.VnDepartment}/edit", new Dictionary<string, string?>
        {
            ["Input.NameEn"] = $"International Cooperation Department {world.Tag}",
        }));
        Redirected(await client.SubmitFormAsync($"/people/{personId}/edit", new Dictionary<string, string?>
        {
            ["Input.PositionVi"] = "Nguyên Bộ trưởng",
        }));

        var organisation = (await EntriesAsync(client, $"/organisations/{world.VnDepartment}/history"))[0];
        Assert.Equal(name, Actor(organisation));
        Assert.Equal($"International Cooperation Department {world.Tag}", After(Line(organisation, "Tên (tiếng Anh)")));

        var orgPage = await client.GetPageAsync($"/organisations/{world.VnMinistry}");
        Assert.NotNull(orgPage.QuerySelector($"a[href='/people/{personId}/history']"));
        var person = (await EntriesAsync(client, $"/people/{personId}/history"))[0];
        var position = Line(person, "Chức vụ (tiếng Việt)");
        Assert.Equal("Bộ trưởng", Before(position));
        Assert.Equal("Nguyên Bộ trưởng", After(position));
    }

    [Fact]
    public async Task AMeetingsPlaceSetForTheFirstTimeShowsAsSetFromEmpty()
    {
        var meetingId = await factory.WithDbAsync(async db =>
        {
            var kinds = await ReferenceTerms.IdsAsync(db, Vocabularies.MeetingKind);
            var meeting = new Meeting { KindId = kinds["workshop"], Title = new LocalizedText($"Hội thảo chia sẻ kinh nghiệm {Guid.NewGuid():N}") };
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            return meeting.Id;
        });
        var (client, name, _) = await SignedInAsync(Role.Coordinator);

        Redirected(await client.SubmitFormAsync($"/meetings/{meetingId}/edit", new Dictionary<string, string?> { ["Input.Place"] = "Viêng Chăn" }));

        var latest = (await EntriesAsync(client, $"/meetings/{meetingId}/history"))[0];
        Assert.Equal(name, Actor(latest));
        var place = Line(latest, "Địa điểm");
        Assert.Equal("(trống)", Before(place));
        Assert.Equal("Viêng Chăn", After(place));
    }

    [Fact]
    public async Task ANewActivityShowsAsCreatedWithItsValues()
    {
        var kind = await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.ActivityKind).Select(t => t.Id).FirstAsync());
        var (client, name, _) = await SignedInAsync(Role.Coordinator);
        var title = $"Đoàn cán bộ Bộ Lao động và Phúc lợi xã hội Lào thăm Việt Nam {Guid.NewGuid():N}";

        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = kind.ToString(CultureInfo.InvariantCulture),
            ["Input.TitleVi"] = title,
            ["Input.PeopleTotal"] = "1200",
        });
        Redirected(response);
        var url = response.Headers.Location!.OriginalString;

        var page = await client.GetPageAsync(url);
        var entries = await EntriesAsync(client, page.QuerySelector("a.history-link")!.GetAttribute("href")!);
        var created = Assert.Single(entries);
        Assert.Equal("Tạo mới", Action(created));
        Assert.Equal(name, Actor(created));
        Assert.Equal(title, Line(created, "Tên (tiếng Việt)").QuerySelector(".audit-value")!.TextContent.Trim());
        Assert.Equal("1.200", Line(created, "Tổng số người").QuerySelector(".audit-value")!.TextContent.Trim());
    }

    [Fact]
    public async Task AProgressReportWrittenByTheLaoCoordinatorShowsInItsOwnHistory()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var (lao, name, _) = await SignedInAsync(Role.Coordinator, TestAccounts.LaoCooperation);

        Redirected(await lao.SubmitFormAsync($"/commitments/{id}/reports/new?side=LA", new Dictionary<string, string?>
        {
            ["Input.Status"] = "InProgress",
            ["Input.NarrativeEn"] = "Forty teachers trained at the Ban Kan centre",
            ["Input.ReportedOn"] = "11/03/2025",
        }));

        var commitment = await lao.GetPageAsync($"/commitments/{id}");
        var link = commitment.QuerySelector("td[data-side=LA] .report a.report-history")!.GetAttribute("href")!;
        Assert.Matches($"^/commitments/{id}/reports/\\d+/history$", link);
        var created = Assert.Single(await EntriesAsync(lao, link));
        Assert.Equal(name, Actor(created));
        Assert.Equal("Tạo mới", Action(created));
        Assert.Equal("Forty teachers trained at the Ban Kan centre", Line(created, "Kết quả thực hiện (tiếng Anh)").QuerySelector(".audit-value")!.TextContent.Trim());
        Assert.Equal("Lào", Line(created, "Quốc gia").QuerySelector(".audit-value")!.TextContent.Trim());

        // The report's address names its commitment: another commitment's id finds nothing.
        var other = await world.AddCommitmentAsync(null, world.VnDepartment);
        await lao.GetPageAsync(link.Replace($"/commitments/{id}/", $"/commitments/{other}/"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnAnonymousVisitorIsSentToSignInAndIsNotOfferedTheHistoryLink()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        // An organisation's page is open to anyone; its history is not.
        var anonymous = factory.NoRedirects();

        var response = await anonymous.GetAsync($"/organisations/{world.VnMinistry}/history");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.OriginalString);
        Assert.Null((await anonymous.GetPageAsync($"/organisations/{world.VnMinistry}")).QuerySelector("a.history-link"));
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/commitments/{await world.AddCommitmentAsync(null, world.VnDepartment)}/history")).StatusCode);
    }

    [Fact]
    public async Task AReaderOfTheOtherSideGetsNotFoundForTheHistoryOfARecordRestrictedToTheFirstSide()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => { c.Visibility = Visibility.Restricted; c.RestrictedTo = "VN"; }, world.VnDepartment);

        var laoReader = await factory.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        await laoReader.GetPageAsync($"/commitments/{id}/history", HttpStatusCode.NotFound);
        var vietnameseReader = await factory.ClientAsync(Role.Reader, TestAccounts.VietnamCooperation);
        Assert.Single(await EntriesAsync(vietnameseReader, $"/commitments/{id}/history"));
    }

    [Fact]
    public async Task AHistoryLongerThanAPageContinuesOnTheNextPageNewestFirst()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        await factory.WithDbAsync(async db =>
        {
            var commitment = await db.Commitments.SingleAsync(c => c.Id == id);
            for (var i = 1; i <= 55; i++)
            {
                commitment.Sources = $"Ghi chép số {i}";
                await db.SaveChangesAsync();
            }
        });
        var client = await factory.ClientAsync(Role.Reader);

        var first = await client.GetPageAsync($"/commitments/{id}/history");
        var rows = first.QuerySelectorAll("tr.audit-entry").ToList();
        Assert.Equal(50, rows.Count);
        Assert.Equal("Ghi chép số 55", After(Line(rows[0], "Nguồn")));
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = (await client.GetPageAsync(next)).QuerySelectorAll("tr.audit-entry").ToList();
        Assert.Equal(6, second.Count);
        Assert.Equal("Ghi chép số 5", After(Line(second[0], "Nguồn")));
        Assert.Equal("Tạo mới", Action(second[^1]));
    }

    [Fact]
    public async Task AFailedSignInAppearsInTheSecurityLogFilteredByKind()
    {
        var typed = $"nguyễn.thị.hoa.{Guid.NewGuid():N}@bộ-nội-vụ.example";
        var anonymous = factory.NoRedirects();
        await anonymous.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = typed, ["Input.Password"] = "một mật khẩu sai hoàn toàn" });
        var admin = await factory.ClientAsync(Role.Administrator, redirects: false);

        var failed = await admin.GetPageAsync($"/admin/security?kind=SignInFailed&account={Uri.EscapeDataString(typed.ToUpperInvariant()[..20])}");
        var row = Assert.Single(failed.QuerySelectorAll(".security-log tbody tr"));
        Assert.Equal(typed, row.QuerySelector(".event-account")!.TextContent.Trim());
        Assert.Equal("Đăng nhập không thành công", row.QuerySelector(".event-kind")!.TextContent.Trim());
        Assert.Equal("SignInFailed", failed.QuerySelector("#f-kind option[selected]")!.GetAttribute("value"));

        var signIns = await admin.GetPageAsync($"/admin/security?kind=SignIn&account={Uri.EscapeDataString(typed)}");
        Assert.Empty(signIns.QuerySelectorAll(".security-log tbody tr"));
    }

    [Fact]
    public async Task TheSecurityLogExportsAsCsvWithVietnameseIntactAndTheExportIsItselfLogged()
    {
        var typed = $"trần.văn.đức.{Guid.NewGuid():N}@lđtbxh.example";
        await factory.NoRedirects().SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = typed, ["Input.Password"] = "không đúng mật khẩu này" });
        var admin = await factory.ClientAsync(Role.Administrator, redirects: false);

        var page = await admin.GetPageAsync($"/admin/security?kind=SignInFailed&account={Uri.EscapeDataString(typed)}");
        var export = await admin.GetAsync(page.QuerySelector("a#export")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        using var reader = new CsvReader(new StringReader(System.Text.Encoding.UTF8.GetString(bytes[3..])), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(typed, row["Tên đăng nhập"]);
        Assert.Equal("SignInFailed", row["Loại sự kiện"]);
        Assert.Equal("unknown address", row["Chi tiết"]);
        Assert.True(DateTime.TryParse((string)row["Thời gian (UTC)"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));

        var exports = await admin.GetPageAsync("/admin/security?kind=AuditExported");
        Assert.Contains(exports.QuerySelectorAll(".security-log tbody tr .event-detail"), d => d.TextContent.Contains($"account={typed}"));
    }

    [Fact]
    public async Task TheChangeLogShowsAdministratorsTheChangesOfTheirSideOnlyAndExportsThem()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var restricted = await world.AddCommitmentAsync(c => { c.Visibility = Visibility.Restricted; c.RestrictedTo = "VN"; c.Sources = $"Nguồn nội bộ {world.Tag}"; }, world.VnDepartment);
        var (coordinator, _, account) = await SignedInAsync(Role.Coordinator);
        Redirected(await coordinator.SubmitFormAsync($"/commitments/{restricted}/edit", new Dictionary<string, string?> { ["Input.TextVi"] = $"Trao đổi thông tin thị trường lao động {world.Tag}" }));

        var vietnamese = await factory.ClientAsync(Role.Administrator, TestAccounts.VietnamCooperation, redirects: false);
        var seen = await vietnamese.GetPageAsync($"/admin/changes?type=Commitment&account={Uri.EscapeDataString(account)}");
        var entry = Assert.Single(seen.QuerySelectorAll("tr.audit-entry"));
        Assert.Equal($"/commitments/{restricted}", entry.QuerySelector(".audit-record a")!.GetAttribute("href"));
        Assert.Equal($"Trao đổi thông tin thị trường lao động {world.Tag}", After(Line(entry, "Nội dung (tiếng Việt)")));

        var csv = await vietnamese.GetAsync($"/admin/changes/export?type=Commitment&account={Uri.EscapeDataString(account)}");
        using var reader = new CsvReader(new StreamReader(await csv.Content.ReadAsStreamAsync()), CultureInfo.InvariantCulture);
        var row = Assert.Single(reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>());
        Assert.Equal(restricted.ToString(CultureInfo.InvariantCulture), row["Mã hồ sơ"]);
        Assert.Contains($"Trao đổi thông tin thị trường lao động {world.Tag}", (string)row["Nội dung thay đổi"]);

        var lao = await factory.ClientAsync(Role.Administrator, TestAccounts.LaoCooperation, redirects: false);
        Assert.Empty((await lao.GetPageAsync($"/admin/changes?type=Commitment&account={Uri.EscapeDataString(account)}")).QuerySelectorAll("tr.audit-entry"));
        var laoCsv = await (await lao.GetAsync($"/admin/changes/export?account={Uri.EscapeDataString(account)}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(world.Tag, laoCsv);
    }

    [Fact]
    public async Task ADeletedRecordRestrictedToOneSideStaysOutOfTheOtherSidesChangeLog()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => { c.Visibility = Visibility.Restricted; c.RestrictedTo = "LA"; c.Sources = $"Ghi chú nội bộ phía Lào {world.Tag}"; }, world.LaDepartment);
        await factory.WithDbAsync(async db =>
        {
            db.Commitments.Remove(await db.Commitments.Include(c => c.Leads).SingleAsync(c => c.Id == id));
            await db.SaveChangesAsync();
        });

        static IElement? Deletion(AngleSharp.Dom.IDocument page, int id) => page.QuerySelectorAll("tr.audit-entry[data-action=Deleted]")
            .SingleOrDefault(e => e.QuerySelector(".audit-record")!.TextContent.Contains($"#{id}"));
        var lao = await factory.ClientAsync(Role.Administrator, TestAccounts.LaoCooperation, redirects: false);
        var deleted = Deletion(await lao.GetPageAsync("/admin/changes?type=Commitment"), id);
        Assert.NotNull(deleted);
        Assert.Equal($"Ghi chú nội bộ phía Lào {world.Tag}", Line(deleted, "Nguồn").QuerySelector("del.audit-before")!.TextContent.Trim());
        var vietnamese = await factory.ClientAsync(Role.Administrator, TestAccounts.VietnamCooperation, redirects: false);
        Assert.Null(Deletion(await vietnamese.GetPageAsync("/admin/changes?type=Commitment"), id));
    }

    [Fact]
    public async Task ADateThatCannotBeReadIsShownBesideItsFieldAndARangeSelectsOnlyItsDays()
    {
        var admin = await factory.ClientAsync(Role.Administrator, redirects: false);

        var wrong = await admin.GetPageAsync("/admin/security?from=31/02/2026");
        Assert.StartsWith("Ngày không hợp lệ", wrong.ErrorFor("From"));
        var past = await admin.GetPageAsync("/admin/security?kind=SignIn&from=01/01/2001&to=2001-12-31");
        Assert.Empty(past.QuerySelectorAll(".security-log tbody tr"));
        // Today in Vietnam and Laos includes this administrator's own sign-in.
        var today = DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var now = await admin.GetPageAsync($"/admin/security?kind=SignIn&from={today}&to={today}");
        Assert.NotEmpty(now.QuerySelectorAll(".security-log tbody tr"));
    }

    [Fact]
    public async Task ACoordinatorIsRefusedTheSecurityLogTheChangeLogAndTheirExports()
    {
        var coordinator = await factory.CoordinatorAsync(redirects: false);
        foreach (var url in new[] { "/admin/security", "/admin/security/export", "/admin/changes", "/admin/changes/export" })
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task UpdatingOrDeletingAnAuditRowWithRawSqlFails()
    {
        await factory.NoRedirects().SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = "không-có@example.org", ["Input.Password"] = "sai mật khẩu rồi" });
        var (entries, events) = await factory.WithDbAsync(async db => (await db.AuditEntries.CountAsync(), await db.SecurityEvents.CountAsync()));
        Assert.True(entries > 0 && events > 0);

        foreach (var sql in new[]
        {
            "UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else'",
            "DELETE FROM \"AuditEntries\"",
            "UPDATE \"SecurityEvents\" SET \"Detail\" = 'nothing happened'",
            "DELETE FROM \"SecurityEvents\"",
        })
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));

        Assert.Equal(0, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.ActorName == "someone else")));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SecurityEvents.CountAsync(e => e.Detail == "nothing happened")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.CountAsync()) >= entries);
    }
}

public sealed class AuditOnSqlite(SqliteFactory factory) : AuditTests(factory), IClassFixture<SqliteFactory>;
public sealed class AuditOnPostgres(PostgresFactory factory) : AuditTests(factory), IClassFixture<PostgresFactory>;
