using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Tokens;
using Concord.Features.Audit;
using Concord.Features.ReferenceData;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Personal access tokens: made on /account/tokens from a signed-in session, shown once, kept as a hash,
// revocable, expiring, and never worth more than their owner.
public abstract class PersonalTokensTests(ConcordFactory factory)
{
    HttpClient Script(string token)
    {
        var client = factory.NewClient(redirects: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    Task<int> WorkshopKindAsync() =>
        factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.MeetingKind && t.Code == "workshop").Select(t => t.Id).SingleAsync());

    // Creates a token through the page, as its owner would, and reads it from the one response that shows it.
    static async Task<string> CreateOnPageAsync(HttpClient owner, string name, string[] scopes, int days = 90)
    {
        var fields = new Dictionary<string, string?> { ["Input.Name"] = name, ["Input.ExpiresInDays"] = days.ToString() };
        if (scopes.Length > 0) fields["Input.Scopes"] = scopes[0];
        var content = await PostCreateAsync(owner, fields, scopes.Skip(1));
        var page = await Html.ParseAsync(await content.Content.ReadAsStringAsync());
        return page.QuerySelector("#new-token")?.GetAttribute("value") ?? throw new Xunit.Sdk.XunitException("No token shown:\n" + page.QuerySelector("main")?.TextContent);
    }

    // The create form, with more than one checkbox ticked when asked (SubmitFormAsync sends one value per name).
    static async Task<HttpResponseMessage> PostCreateAsync(HttpClient owner, Dictionary<string, string?> fields, IEnumerable<string> moreScopes)
    {
        var page = await owner.GetPageAsync("/account/tokens");
        var token = page.QuerySelector("#create-token input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!))
            .Concat(moreScopes.Select(s => new KeyValuePair<string, string>("Input.Scopes", s)))
            .Append(new("__RequestVerificationToken", token));
        return await owner.PostAsync("/account/tokens", new FormUrlEncodedContent(values));
    }

    // A token written straight into the database, for states the page would not make (a crafted scope, a past expiry).
    Task<string> InsertTokenAsync(int accountId, string scopes, DateTime expiresAt, DateTime? revokedAt = null) =>
        factory.WithDbAsync(async db =>
        {
            var (token, prefix) = PersonalTokens.Generate();
            db.ApiTokens.Add(new ApiToken
            {
                AccountId = accountId, Name = "test", Prefix = prefix, Hash = TokenAuthenticationHandler.Hash(token),
                Scopes = scopes, CreatedAt = DateTime.UtcNow.AddDays(-1), ExpiresAt = expiresAt, RevokedAt = revokedAt,
            });
            await db.SaveChangesAsync();
            return token;
        });

    [Fact]
    public async Task ACoordinatorsEditTokenCreatesAndUpdatesAMeetingAndIsShownOnceAndKeptOnlyAsItsHash()
    {
        var owner = await factory.CoordinatorAsync();
        var token = await CreateOnPageAsync(owner, "Đồng bộ cuộc họp", [TokenScopes.Report, TokenScopes.Edit], days: 30);
        Assert.Matches("^cnc_[A-Za-z0-9_-]{43}$", token);

        var script = Script(token);
        var created = await script.PostAsJsonAsync("/api/meetings", new { kindId = await WorkshopKindAsync(), titleEn = "Workshop made by a script" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = meeting.GetProperty("id").GetInt32();
        var put = await script.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = await WorkshopKindAsync(), titleEn = "Workshop edited by a script", version = meeting.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var stored = await factory.WithDbAsync(db => db.ApiTokens.AsNoTracking().SingleAsync(t => t.Hash == TokenAuthenticationHandler.Hash(token)));
        Assert.Equal(token[4..12], stored.Prefix);
        Assert.Equal("read report edit", stored.Scopes);
        Assert.Equal("Đồng bộ cuộc họp", stored.Name);
        Assert.InRange(stored.ExpiresAt, DateTime.UtcNow.AddDays(30).AddMinutes(-5), DateTime.UtcNow.AddDays(30).AddMinutes(5));
        Assert.NotNull(stored.LastUsedAt);
        Assert.DoesNotContain(token, new[] { stored.Hash, stored.Prefix, stored.Name, stored.Scopes });
        // Nowhere in the database, not even in the security log.
        var secret = token[4..];
        var leaked = await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Detail!.Contains(secret) || e.UserName!.Contains(secret)));
        Assert.False(leaked);

        // The list shows the token by its first characters, never whole again.
        var list = await owner.GetPageAsync("/account/tokens");
        Assert.Null(list.QuerySelector("#new-token"));
        Assert.DoesNotContain(token, list.DocumentElement.OuterHtml);
        Assert.Contains($"cnc_{stored.Prefix}", list.QuerySelector("#tokens")!.TextContent);
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.TokenCreated && e.Detail!.Contains(stored.Prefix))));
    }

    [Fact]
    public async Task AReadOnlyTokenOfACoordinatorReadsButCannotUpdate()
    {
        var owner = await factory.CoordinatorAsync();
        var token = await CreateOnPageAsync(owner, "Chỉ đọc", []);
        var id = await factory.WithDbAsync(db => db.Meetings.MinAsync(m => m.Id));
        var script = Script(token);
        var meeting = await script.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}");
        var put = await script.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = await WorkshopKindAsync(), titleEn = "Not allowed", version = meeting.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("read", await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == TokenAuthenticationHandler.Hash(token)).Select(t => t.Scopes).SingleAsync()));
    }

    [Fact]
    public async Task AReadersTokenCannotUpdateEvenWithAnEditScopeCraftedInTheDatabase()
    {
        var reader = await factory.CreateAccountAsync(Role.Reader);
        var token = await InsertTokenAsync(reader.Id, "read report edit", DateTime.UtcNow.AddDays(10));
        var id = await factory.WithDbAsync(db => db.Meetings.MinAsync(m => m.Id));
        var script = Script(token);
        var meeting = await script.GetFromJsonAsync<JsonElement>($"/api/meetings/{id}");
        var put = await script.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = await WorkshopKindAsync(), titleEn = "Never more than its owner", version = meeting.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var post = await script.PostAsJsonAsync("/api/meetings", new { kindId = await WorkshopKindAsync(), titleEn = "Never more than its owner" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }

    [Fact]
    public async Task AnExpiredTokenIsRefusedWith401EvenForReads()
    {
        var coordinator = await factory.CreateAccountAsync(Role.Coordinator);
        var token = await InsertTokenAsync(coordinator.Id, "read report edit", DateTime.UtcNow.AddMinutes(-1));
        var response = await Script(token).GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.TokenRefused && e.AccountId == coordinator.Id && e.Detail!.StartsWith("expired"))));
    }

    [Fact]
    public async Task ARevokedTokenIsRefusedWith401()
    {
        var owner = await factory.CoordinatorAsync();
        var token = await CreateOnPageAsync(owner, "Sẽ thu hồi", [TokenScopes.Edit]);
        Assert.Equal(HttpStatusCode.OK, (await Script(token).GetAsync("/api/meetings")).StatusCode);

        var prefix = token[4..12];
        var list = await owner.GetPageAsync("/account/tokens");
        var row = list.QuerySelectorAll("#tokens tbody tr").Single(r => r.TextContent.Contains(prefix));
        var revoked = await owner.SubmitFormAsync("/account/tokens", new Dictionary<string, string?>(), $"tr[data-token-id='{row.GetAttribute("data-token-id")}'] form");
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Script(token).GetAsync("/api/meetings")).StatusCode);
        var after = await owner.GetPageAsync("/account/tokens");
        var state = after.QuerySelectorAll("#tokens tbody tr").Single(r => r.TextContent.Contains(prefix));
        Assert.Contains("Đã thu hồi", state.TextContent);
        Assert.Null(state.QuerySelector("form"));
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.TokenRevoked && e.Detail!.Contains(prefix))));
    }

    [Fact]
    public async Task NobodyRevokesAnotherAccountsToken()
    {
        var other = await factory.CreateAccountAsync(Role.Coordinator);
        var token = await InsertTokenAsync(other.Id, "read", DateTime.UtcNow.AddDays(10));
        var id = await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == TokenAuthenticationHandler.Hash(token)).Select(t => t.Id).SingleAsync());
        var me = await factory.CoordinatorAsync(redirects: false);
        var page = await me.GetPageAsync("/account/tokens");
        var antiforgery = page.QuerySelector("#create-token input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await me.PostAsync($"/account/tokens?handler=Revoke&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Script(token).GetAsync("/api/meetings")).StatusCode);
    }

    [Fact]
    public async Task DisablingTheOwnerStopsTheirTokensAtOnce()
    {
        var coordinator = await factory.CreateAccountAsync(Role.Coordinator);
        var token = await InsertTokenAsync(coordinator.Id, "read report edit", DateTime.UtcNow.AddDays(10));
        Assert.Equal(HttpStatusCode.OK, (await Script(token).GetAsync("/api/meetings")).StatusCode);
        await factory.WithDbAsync(db => db.Users.Where(a => a.Id == coordinator.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDisabled, true)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Script(token).GetAsync("/api/meetings")).StatusCode);
    }

    [Fact]
    public async Task ATokenIsForTheApiOnlyAndOpensNoPage()
    {
        var coordinator = await factory.CreateAccountAsync(Role.Coordinator);
        var token = await InsertTokenAsync(coordinator.Id, "read report edit", DateTime.UtcNow.AddDays(10));
        var script = Script(token);
        var id = await factory.WithDbAsync(db => db.Meetings.MinAsync(m => m.Id));
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync($"/api/meetings/{id}")).StatusCode);
        // Not the edit page, and not the token page: a token cannot make tokens.
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync($"/meetings/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/account/tokens")).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKind.TokenRefused && e.AccountId == coordinator.Id && e.Detail!.Contains("outside the API"))));
        // A public page still opens, as for anyone, but not as the token's owner.
        var home = await script.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Null((await Html.ParseAsync(await home.Content.ReadAsStringAsync())).QuerySelector("#signed-in-as"));
    }

    [Fact]
    public async Task AReaderCannotGiveATokenTheEditOrReportScope()
    {
        var reader = factory.NewClient();
        await reader.SignInAsync(await factory.CreateAccountAsync(Role.Reader));
        var form = await reader.GetPageAsync("/account/tokens");
        Assert.True(form.QuerySelector("#scope-edit")!.HasAttribute("disabled"));

        var response = await PostCreateAsync(reader, new() { ["Input.Name"] = "Crafted", ["Input.Scopes"] = TokenScopes.Edit, ["Input.ExpiresInDays"] = "90" }, [TokenScopes.Report]);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("#new-token"));
        Assert.Equal("Vai trò của bạn không thể cấp cho mã quyền sau: Chỉnh sửa hồ sơ, Báo cáo tiến độ.", page.ErrorFor("Input.Scopes"));
        Assert.False(await factory.WithDbAsync(db => db.ApiTokens.AnyAsync(t => t.Name == "Crafted")));

        // Read only is what a reader may have.
        var token = await CreateOnPageAsync(reader, "Đọc số liệu", []);
        Assert.Equal("read", await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == TokenAuthenticationHandler.Hash(token)).Select(t => t.Scopes).SingleAsync()));
    }

    [Fact]
    public async Task AFocalPointMayReportByTokenButNotEdit()
    {
        var focal = factory.NewClient();
        await focal.SignInAsync(await factory.CreateAccountAsync(Role.FocalPoint, "la-bankan"));
        var refused = await PostCreateAsync(focal, new() { ["Input.Name"] = "Sửa", ["Input.Scopes"] = TokenScopes.Edit, ["Input.ExpiresInDays"] = "90" }, []);
        Assert.Equal("Vai trò của bạn không thể cấp cho mã quyền sau: Chỉnh sửa hồ sơ.", (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).ErrorFor("Input.Scopes"));

        var token = await CreateOnPageAsync(focal, "Báo cáo", [TokenScopes.Report]);
        Assert.Equal("read report", await factory.WithDbAsync(db => db.ApiTokens.Where(t => t.Hash == TokenAuthenticationHandler.Hash(token)).Select(t => t.Scopes).SingleAsync()));
    }

    [Fact]
    public async Task AnExpiryOutsideOneToThreeHundredSixtyFiveDaysIsRefusedBesideTheField()
    {
        var owner = await factory.CoordinatorAsync();
        foreach (var days in new[] { "0", "366" })
        {
            var response = await PostCreateAsync(owner, new() { ["Input.Name"] = $"Hạn {days}", ["Input.ExpiresInDays"] = days }, []);
            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Null(page.QuerySelector("#new-token"));
            Assert.NotEqual("", page.ErrorFor("Input.ExpiresInDays"));
        }
        var missingName = await Html.ParseAsync(await (await PostCreateAsync(owner, new() { ["Input.Name"] = "", ["Input.ExpiresInDays"] = "90" }, [])).Content.ReadAsStringAsync());
        Assert.Equal("Vui lòng nhập thông tin này.", missingName.ErrorFor("Input.Name"));
    }
}

public sealed class PersonalTokensOnSqlite(SqliteFactory factory) : PersonalTokensTests(factory), IClassFixture<SqliteFactory>;
public sealed class PersonalTokensOnPostgres(PostgresFactory factory) : PersonalTokensTests(factory), IClassFixture<PostgresFactory>;
