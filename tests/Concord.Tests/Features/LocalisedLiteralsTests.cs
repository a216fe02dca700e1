using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// The texts that were written literally until the literal-text rule (Rules/NoLiteralTextInPagesTests)
// found them: CSV headings, API errors outside the handlers and the breadcrumbs' name, now in the
// reader's language.
public abstract class LocalisedLiteralsTests(ConcordFactory factory)
{
    static async Task<string[]> HeadingsAsync(HttpResponseMessage export)
    {
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        using var reader = new CsvReader(new StreamReader(await export.Content.ReadAsStreamAsync(), Encoding.UTF8), CultureInfo.InvariantCulture);
        Assert.True(await reader.ReadAsync());
        reader.ReadHeader();
        return reader.HeaderRecord!;
    }

    [Fact]
    public async Task TheSecurityLogExportIsHeadedInTheAdministratorsLanguage()
    {
        var admin = await factory.ClientAsync(Role.Administrator, redirects: false);
        var nobody = $"nobody-{Guid.NewGuid():N}";

        Assert.Equal(["Thời gian (UTC)", "Loại sự kiện", "Mã tài khoản", "Tên đăng nhập", "Địa chỉ IP", "Chi tiết"],
            await HeadingsAsync(await admin.GetAsync($"/admin/security/export?account={nobody}&culture=vi")));
        Assert.Equal(["ເວລາ (UTC)", "ປະເພດເຫດການ", "ລະຫັດບັນຊີ", "ຊື່ຜູ້ໃຊ້", "ທີ່ຢູ່ IP", "ລາຍລະອຽດ"],
            await HeadingsAsync(await admin.GetAsync($"/admin/security/export?account={nobody}&culture=lo")));
    }

    [Fact]
    public async Task TheChangeLogExportIsHeadedInTheAdministratorsLanguage()
    {
        var admin = await factory.ClientAsync(Role.Administrator, redirects: false);
        var export = await admin.GetAsync($"/admin/changes/export?account=nobody-{Guid.NewGuid():N}&culture=en");
        Assert.Equal(["Time (UTC)", "Record type", "Record ID", "Action", "Account ID", "Who", "Changes"], await HeadingsAsync(export));
    }

    [Fact]
    public async Task ARefusedTokenIsExplainedInTheScriptsLanguage()
    {
        var script = factory.NewClient(redirects: false);
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "cnc_not-a-token-anyone-was-given");
        script.DefaultRequestHeaders.AcceptLanguage.ParseAdd("lo");

        var response = await script.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("ລະຫັດເຂົ້າເຖິງຖືກປະຕິເສດ", problem.GetProperty("title").GetString());
    }

    // The exception that reports a malformed body leaves the request's culture behind; the answer is in
    // the script's language all the same.
    [Fact]
    public async Task AMalformedBodyIsExplainedInTheScriptsLanguage()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var response = await client.PostAsync("/api/commitments", new StringContent("{\"leadIds\": \"tất cả\"}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Nội dung yêu cầu không đúng định dạng.", problem.GetProperty("title").GetString());
        Assert.Equal("Không đọc được giá trị này dưới dạng JSON đúng kiểu mong đợi.", problem.GetProperty("errors").GetProperty("leadIds")[0].GetString());

        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await (await client.PostAsync("/api/commitments", new StringContent("{\"leadIds\": \"all\"}", Encoding.UTF8, "application/json"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The request body is malformed.", english.GetProperty("title").GetString());
    }

    [Fact]
    public async Task TheBreadcrumbIsNamedForScreenReadersInTheReadersLanguage()
    {
        var id = await factory.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().Where(m => m.Key == "conf-9").Select(m => m.Id).SingleAsync());
        var lao = await factory.NewClient().GetPageAsync($"/meetings/{id}?culture=lo");
        Assert.Equal("ເສັ້ນທາງນຳທາງ", lao.QuerySelector("main ol.breadcrumb")!.ParentElement!.GetAttribute("aria-label"));
        var vietnamese = await factory.NewClient().GetPageAsync($"/meetings/{id}");
        Assert.Equal("Đường dẫn điều hướng", vietnamese.QuerySelector("main ol.breadcrumb")!.ParentElement!.GetAttribute("aria-label"));
    }
}

public sealed class LocalisedLiteralsOnSqlite(SqliteFactory factory) : LocalisedLiteralsTests(factory), IClassFixture<SqliteFactory>;
public sealed class LocalisedLiteralsOnPostgres(PostgresFactory factory) : LocalisedLiteralsTests(factory), IClassFixture<PostgresFactory>;
