using System.Net;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concord.Tests.Features;

// Findings 7, 9 and 10 of the security review (issue 10) that have no better home.
public abstract class HardeningTests(ConcordFactory factory)
{
    [Fact]
    public async Task KestrelDoesNotNameItselfInAServerHeader()
    {
        await using var real = factory.WithWebHostBuilder(_ => { });
        real.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        real.StartServer();
        var response = await real.CreateClient().GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public async Task ApiAnswersToASignedInUserAreNotStored()
    {
        var client = await factory.ClientAsync(Role.Reader);
        var response = await client.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    // Without Accounts:PublicUrl (Development, Testing) a link starts with the server's configured
    // address, not with whatever Host header the request carried.
    [Fact]
    public async Task AnInvitationLinkIgnoresAForgedHostHeader()
    {
        var admin = await factory.ClientAsync(Role.Administrator);
        admin.DefaultRequestHeaders.Host = "evil.example";
        var response = await admin.SubmitFormAsync("/admin/accounts/invite", new Dictionary<string, string?>
        {
            ["Input.Email"] = $"host-{Guid.NewGuid():N}@test.example",
            ["Input.DisplayName"] = "Forged Host",
            ["Input.OrganisationId"] = (await factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == "vn-moha").Select(o => o.Id).SingleAsync())).ToString(),
            ["Input.Role"] = Role.Reader.ToString(),
            ["Input.Language"] = "",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var link = page.QuerySelector("#delivered-link")?.TextContent.Trim() ?? throw new Xunit.Sdk.XunitException("No link on the page");
        Assert.StartsWith("https://localhost/account/accept?id=", link);
    }

    [Fact]
    public async Task ABadQueryParameterIsLoggedAsInformationWithoutAStackTrace()
    {
        var logs = new LogCapture();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var client = app.NewClient();
        foreach (var url in new[] { "/api/commitments?size=abc", "/api/commitments?status=NoSuchStatus" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        var loud = logs.Entries.Where(e => e.Level >= LogLevel.Warning || e.Exception is not null).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("/api/commitments"));
    }

    // However the endpoint was compiled, a query value that cannot be read is answered with problem details that
    // name the parameter, in the reader's language; an empty value is no value, as the binders read it.
    [Theory]
    [InlineData("/api/commitments?size=abc", "size")]
    [InlineData("/api/commitments?status=NoSuchStatus", "status")]
    [InlineData("/api/commitments?overdue=maybe", "overdue")]
    [InlineData("/api/meetings?from=31/02/2026", "from")]
    [InlineData("/api/commitments/1/reports?size=1.5", "size")]
    [InlineData("/api/rounds?state=ajar", "state")]
    public async Task AQueryValueThatCannotBeReadIsNamedInTheReadersLanguage(string url, string field)
    {
        var client = await factory.ClientAsync(Role.Reader);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(p => p.Name));
        Assert.Contains("tham số", errors.GetProperty(field)[0].GetString());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/commitments?size=&status=")).StatusCode);
    }

    // The check comes after sign-in: a visitor without a session hears what any request of theirs hears.
    [Fact]
    public async Task AQueryValueIsNotReadBeforeTheCallerIsKnown()
    {
        var signedIn = await (await factory.ClientAsync(Role.Reader)).GetAsync("/api/rounds?size=abc");
        var anonymous = await factory.NewClient(redirects: false).GetAsync("/api/rounds?size=abc");
        Assert.Equal(HttpStatusCode.BadRequest, signedIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.BadRequest, anonymous.StatusCode);
    }

    [Fact]
    public async Task ManyRefusalsFromOneAddressInAMinuteAreOneEventAndOneCounter()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "2"));
        var client = limited.NewClient();
        var since = DateTime.UtcNow.AddSeconds(-1);
        var statuses = new List<HttpStatusCode>();
        for (var call = 1; call <= 12; call++)
            statuses.Add((await client.GetAsync("/api/organisations")).StatusCode);
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));

        var events = await factory.WithDbAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.RateLimited && e.At >= since && e.Detail!.StartsWith("GET /api/organisations")).CountAsync());
        var rows = await factory.WithDbAsync(db => db.RateLimitRefusals.AsNoTracking().Where(r => r.LastAt >= since).ToListAsync());
        // One event and one row per minute: the calls may straddle the turn of a minute, never more.
        Assert.InRange(rows.Count, 1, 2);
        Assert.Equal(rows.Count, events);
        Assert.Equal(10, rows.Sum(r => r.Count));
    }
}

public sealed class HardeningOnSqlite(SqliteFactory factory) : HardeningTests(factory), IClassFixture<SqliteFactory>;
public sealed class HardeningOnPostgres(PostgresFactory factory) : HardeningTests(factory), IClassFixture<PostgresFactory>;
