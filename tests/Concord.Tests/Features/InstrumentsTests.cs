using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Concord.Features.Instruments;
using Concord.Features.ReferenceData;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

public abstract class InstrumentsTests(ConcordFactory factory)
{
    async Task<int> KindIdAsync(string code) =>
        await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == code).Select(t => t.Id).SingleAsync());

    [Fact]
    public async Task CoordinatorRecordsAnInstrumentWithAMonthPrecisionDateAndSeesItAsEntered()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var kind = await KindIdAsync("memorandum");
        var response = await client.SubmitFormAsync("/instruments/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = kind.ToString(),
            ["Input.TitleVi"] = "Bản ghi nhớ về hợp tác đào tạo nghề",
            ["Input.Status"] = "Signed",
            ["Input.Signed"] = "04/2017",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Bản ghi nhớ về hợp tác đào tạo nghề", page.QuerySelector("h1")!.TextContent);
        var dates = page.QuerySelector("dl")!.TextContent;
        Assert.Contains("04/2017", dates);
        Assert.DoesNotContain("01/04/2017", dates);
    }

    [Fact]
    public async Task FormShowsEveryErrorBesideItsFieldInVietnameseAndSavesNothing()
    {
        var before = await factory.WithDbAsync(db => db.Instruments.CountAsync());
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync("/instruments/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = "",
            ["Input.TitleVi"] = "",
            ["Input.Signed"] = "31/02/2020",
            ["Input.InForce"] = "năm ngoái",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Vui lòng nhập thông tin này.", page.ErrorFor("Input.KindId"));
        Assert.Equal("Nhập nội dung bằng ít nhất một ngôn ngữ.", page.ErrorFor("Input.TitleVi"));
        Assert.StartsWith("Ngày không hợp lệ", page.ErrorFor("Input.Signed"));
        Assert.StartsWith("Ngày không hợp lệ", page.ErrorFor("Input.InForce"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Instruments.CountAsync()));
    }

    [Fact]
    public async Task ErrorsAreInEnglishForAnEnglishReader()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.SubmitFormAsync("/instruments/new", new Dictionary<string, string?> { ["Input.TitleVi"] = "" });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Enter it in at least one language.", page.ErrorFor("Input.TitleVi"));
    }

    [Fact]
    public async Task UnknownInstrumentGivesANotFoundPage()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/instruments/987654", HttpStatusCode.NotFound);
        Assert.Contains("Không tìm thấy", page.QuerySelector("h1")!.TextContent);
        await client.GetPageAsync("/instruments/987654/edit", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/instruments/987654")).StatusCode);
    }

    [Fact]
    public async Task ApiCreatesAnInstrumentAndListsIt()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("agreement");
        var created = await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleEn = "Agreement on social insurance", status = "UnderNegotiation", signed = "2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("UnderNegotiation", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/instruments/{id}")).StatusCode);
    }

    [Fact]
    public async Task ApiRejectsInvalidInputWithProblemDetailsNamingEveryField()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/instruments", new { titleEn = new string('x', 501), signed = "soon", status = "Signed" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("kindId", errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("signed", errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Too long: at most 500 characters.", errors.GetProperty("titleEn")[0].GetString());
    }

    [Fact]
    public async Task ApiNamesTheFieldOfAMalformedBody()
    {
        var client = await factory.CoordinatorAsync();
        var response = await client.PostAsync("/api/instruments", new StringContent("{\"kindId\": \"not a number\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("kindId", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SecondEditorsSaveOfAStaleVersionIsRefusedNotSilentlyApplied()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("arrangement");
        var created = await (await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleEn = "Arrangement v1", status = "Draft" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/instruments/{id}", new { kindId = kind, titleEn = "Arrangement edited by A", status = "Draft", version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/instruments/{id}", new { kindId = kind, titleEn = "Arrangement edited by B", status = "Draft", version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);

        var saved = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == id).Select(i => i.Title.En).SingleAsync());
        Assert.Equal("Arrangement edited by A", saved);
    }

    [Fact]
    public async Task AStaleSaveThatOnlyChangesThePartiesIsRefusedToo()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("memorandum");
        var parties = await factory.WithDbAsync(db => db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).Take(2).ToListAsync());
        var created = await (await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleEn = "MoU with parties", status = "Draft", partyIds = new[] { parties[0] } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/instruments/{id}", new { kindId = kind, titleEn = "MoU with parties", status = "Draft", partyIds = parties, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var stale = await client.PutAsJsonAsync($"/api/instruments/{id}", new { kindId = kind, titleEn = "MoU with parties", status = "Draft", partyIds = Array.Empty<int>(), version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.InstrumentParties.CountAsync(p => p.InstrumentId == id)));
    }

    [Fact]
    public async Task MinutesThatImplementAnAgreementShowTheLinkFromBothEndsAndCannotLinkToThemselves()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var agreement = await (await client.PostAsJsonAsync("/api/instruments", new { kindId = await KindIdAsync("agreement"), titleEn = "Agreement on skills", status = "InForce", signed = "2013" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var agreementId = agreement.GetProperty("id").GetInt32();
        var minutes = await client.PostAsJsonAsync("/api/instruments", new { kindId = await KindIdAsync("minutes"), titleEn = "Minutes implementing skills", status = "Signed", implementsIds = new[] { agreementId } });
        Assert.Equal(HttpStatusCode.Created, minutes.StatusCode);
        var minutesBody = await minutes.Content.ReadFromJsonAsync<JsonElement>();
        var minutesId = minutesBody.GetProperty("id").GetInt32();

        var agreementPage = await client.GetPageAsync($"/instruments/{agreementId}");
        Assert.Contains("Implemented by", agreementPage.QuerySelector("dl")!.TextContent);
        Assert.NotNull(agreementPage.QuerySelector($"dl a[href='/instruments/{minutesId}']"));
        var minutesPage = await client.GetPageAsync($"/instruments/{minutesId}");
        Assert.NotNull(minutesPage.QuerySelector($"dl a[href='/instruments/{agreementId}']"));

        var self = await client.PutAsJsonAsync($"/api/instruments/{minutesId}", new { kindId = await KindIdAsync("minutes"), titleEn = "Minutes implementing skills", status = "Signed", implementsIds = new[] { minutesId }, version = minutesBody.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var errors = (await self.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("An instrument cannot be linked to itself.", errors.GetProperty("implementsIds")[0].GetString());
    }

    [Fact]
    public async Task ListIsPagedWithoutRepeatsOrGaps()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("joint-statement");
        for (var i = 0; i < 7; i++)
            (await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleEn = $"Paging statement {i}", status = "Signed", signed = i % 2 == 0 ? "2030" : null })).EnsureSuccessStatusCode();
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/instruments?kind={kind}&size=3" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }
}

public sealed class InstrumentsOnSqlite(SqliteFactory factory) : InstrumentsTests(factory), IClassFixture<SqliteFactory>;
public sealed class InstrumentsOnPostgres(PostgresFactory factory) : InstrumentsTests(factory), IClassFixture<PostgresFactory>;
