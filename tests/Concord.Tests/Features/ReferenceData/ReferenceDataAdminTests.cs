using System.Net;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.ReferenceData;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.ReferenceData;

// An administrator keeps the lists the forms offer; nobody else may.
public abstract class ReferenceDataAdminTests(ConcordFactory factory)
{
    static int counter;
    static string NewCode() => $"test-kind-{Interlocked.Increment(ref counter)}-{Guid.NewGuid().ToString("N")[..6]}";

    Task<HttpClient> Administrator() => factory.ClientAsync(Role.Administrator, "vn-moha", redirects: false);

    [Fact]
    public async Task AnAdministratorAddsATermThatTheFormsThenOfferAndTheAuditRecords()
    {
        var admin = await Administrator();
        var code = NewCode();
        var added = await admin.SubmitFormAsync($"/admin/reference/new?vocabulary={Vocabularies.OrganisationKind}", new Dictionary<string, string?>
        {
            ["Input.Code"] = code,
            ["Input.NameVi"] = "Hiệp hội nghề nghiệp",
            ["Input.NameEn"] = "Professional association",
            ["Input.NameLo"] = "ສະມາຄົມວິຊາຊີບ",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var list = await admin.GetPageAsync("/admin/reference");
        var row = list.QuerySelector($"#{Vocabularies.OrganisationKind} tr[data-code='{code}']")!;
        Assert.Contains("Hiệp hội nghề nghiệp", row.TextContent);
        Assert.Contains("ສະມາຄົມວິຊາຊີບ", row.TextContent);

        var coordinator = await factory.CoordinatorAsync(redirects: false);
        Assert.Contains("Hiệp hội nghề nghiệp", KindsOffered(await coordinator.GetPageAsync("/organisations/new")));

        var id = await factory.WithDbAsync(db => db.Terms.Where(t => t.Code == code).Select(t => t.Id).SingleAsync());
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == nameof(Term) && a.RecordId == id).ToListAsync());
        var created = Assert.Single(audit);
        Assert.Equal(AuditAction.Created, created.Action);
        Assert.NotNull(created.AccountId);
        Assert.Contains("Professional association", created.Changes);
    }

    [Fact]
    public async Task ACodeTheListAlreadyHasIsRefusedBesideTheField()
    {
        var admin = await Administrator();
        foreach (var taken in new[] { "ministry", "MINISTRY" })
        {
            var response = await admin.SubmitFormAsync($"/admin/reference/new?vocabulary={Vocabularies.OrganisationKind}", new Dictionary<string, string?>
            {
                ["Input.Code"] = taken,
                ["Input.NameVi"] = "Bộ (trùng)",
                ["Input.NameEn"] = "Ministry (again)",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal("Danh mục này đã có mã này.", page.ErrorFor("Input.Code"));
        }
        var malformed = await Html.ParseAsync(await (await admin.SubmitFormAsync($"/admin/reference/new?vocabulary={Vocabularies.Area}", new Dictionary<string, string?>
        {
            ["Input.Code"] = "bảo hiểm",
            ["Input.NameVi"] = "Bảo hiểm",
            ["Input.NameEn"] = "",
        })).Content.ReadAsStringAsync());
        Assert.StartsWith("Mã chỉ gồm chữ cái không dấu", malformed.ErrorFor("Input.Code"));
        Assert.Equal("Vui lòng nhập thông tin này.", malformed.ErrorFor("Input.NameEn"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Terms.CountAsync(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code.ToLower() == "ministry")));
    }

    [Fact]
    public async Task RenamingAndReorderingShowInTheListWithTheOldValuesInTheAudit()
    {
        var admin = await Administrator();
        var (first, second) = (await AddAsync(admin, "Thứ nhất", "First", 500), await AddAsync(admin, "Thứ hai", "Second", 501));

        var renamed = await admin.SubmitFormAsync($"/admin/reference/{first}/edit", new Dictionary<string, string?>
        {
            ["Input.NameVi"] = "Đứng sau",
            ["Input.NameEn"] = "Now last",
            ["Input.SortOrder"] = "502",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);

        var rows = (await admin.GetPageAsync("/admin/reference"))
            .QuerySelectorAll($"#{Vocabularies.OrganisationKind} tbody tr").Select(r => r.Id).ToList();
        Assert.True(rows.IndexOf($"term-{second}") < rows.IndexOf($"term-{first}"));
        var updated = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == nameof(Term) && a.RecordId == first && a.Action == AuditAction.Updated).SingleAsync());
        Assert.Contains("Thứ nhất", updated.Changes);
        Assert.Contains("Đứng sau", updated.Changes);
    }

    [Fact]
    public async Task ARetiredTermIsNoLongerOfferedUntilItIsBroughtBack()
    {
        var admin = await Administrator();
        var id = await AddAsync(admin, "Loại sắp ngừng dùng", "Soon retired", 600);
        var coordinator = await factory.CoordinatorAsync(redirects: false);
        Assert.Contains("Loại sắp ngừng dùng", KindsOffered(await coordinator.GetPageAsync("/organisations/new")));

        var retire = await admin.SubmitFormAsync("/admin/reference", new Dictionary<string, string?>(), $"#term-{id} form");
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.Equal("Ngừng dùng", (await admin.GetPageAsync("/admin/reference")).QuerySelector($"#term-{id} .term-status")!.TextContent.Trim());
        Assert.DoesNotContain("Loại sắp ngừng dùng", KindsOffered(await coordinator.GetPageAsync("/organisations/new")));

        await admin.SubmitFormAsync("/admin/reference", new Dictionary<string, string?>(), $"#term-{id} form");
        Assert.Contains("Loại sắp ngừng dùng", KindsOffered(await coordinator.GetPageAsync("/organisations/new")));
    }

    [Fact]
    public async Task ASaveOverAnotherAdministratorsChangeIsRefusedAndShowsTheirs()
    {
        var admin = await Administrator();
        var id = await AddAsync(admin, "Tên ban đầu", "First name", 700);
        // The form as this administrator opened it...
        var form = await admin.GetPageAsync($"/admin/reference/{id}/edit");
        string Field(string name) => form.QuerySelector($"form[method=post] [name='{name}']")!.GetAttribute("value") ?? "";
        // ...then another administrator renames the term.
        var other = await factory.CreateAccountAsync(Role.Administrator, "la-mlsw");
        var otherClient = factory.NewClient(redirects: false);
        await otherClient.SignInAsync(other);
        await otherClient.SubmitFormAsync($"/admin/reference/{id}/edit", new Dictionary<string, string?> { ["Input.NameEn"] = "Their name" });

        var stale = await admin.PostAsync($"/admin/reference/{id}/edit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field("__RequestVerificationToken"),
            ["Input.Loaded"] = Field("Input.Loaded"),
            ["Input.Vocabulary"] = Field("Input.Vocabulary"),
            ["Input.Code"] = Field("Input.Code"),
            ["Input.NameVi"] = "Tên ban đầu",
            ["Input.NameEn"] = "My name",
            ["Input.SortOrder"] = "700",
            ["Input.IsActive"] = "true",
        }));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.StartsWith("Mục này vừa được người khác thay đổi", page.QuerySelector("#error-summary")!.TextContent.Trim().Split('\n').Last().Trim());
        Assert.Contains("Their name", page.QuerySelector("#current-values")!.TextContent);
        Assert.Equal("Their name", await factory.WithDbAsync(db => db.Terms.Where(t => t.Id == id).Select(t => t.Name.En).SingleAsync()));
    }

    [Fact]
    public async Task CoordinatorsAndReadersAreRefused()
    {
        foreach (var role in new[] { Role.Coordinator, Role.Reader, Role.FocalPoint })
        {
            var client = await factory.ClientAsync(role, redirects: false);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/reference")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/reference/new")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/admin/reference?handler=Active&id=1&active=false", new FormUrlEncodedContent([]))).StatusCode);
        }
        var anonymous = await factory.NewClient(redirects: false).GetAsync("/admin/reference");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Terms.Where(t => t.Id == 1).Select(t => t.IsActive).SingleAsync()));
    }

    static async Task<int> AddAsync(HttpClient admin, string vi, string en, int order)
    {
        var code = NewCode();
        var response = await admin.SubmitFormAsync($"/admin/reference/new?vocabulary={Vocabularies.OrganisationKind}", new Dictionary<string, string?>
        {
            ["Input.Code"] = code, ["Input.NameVi"] = vi, ["Input.NameEn"] = en, ["Input.SortOrder"] = order.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split("#term-")[1]);
    }

    static List<string> KindsOffered(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("select[name='Input.KindId'] option").Select(o => o.TextContent.Trim())];
}

public sealed class ReferenceDataAdminOnSqlite(SqliteFactory factory) : ReferenceDataAdminTests(factory), IClassFixture<SqliteFactory>;
public sealed class ReferenceDataAdminOnPostgres(PostgresFactory factory) : ReferenceDataAdminTests(factory), IClassFixture<PostgresFactory>;
