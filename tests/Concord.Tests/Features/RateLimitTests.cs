using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Audit;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Guessing passwords and hammering the API are slowed at the door. The class's factory has limits too
// high to matter; each test starts Concord again on the same database with a limit of 3 a minute
// (a fresh limiter, so the minute starts with the test).
public abstract class RateLimitTests(ConcordFactory factory)
{
    [Fact]
    public async Task TheFourthSignInAttemptWithinAMinuteIsRefusedWithALocalizedPageAndASecurityEvent()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:SignInPerMinute", "3"));
        var client = limited.NewClient(redirects: false);
        var wrong = new Dictionary<string, string?> { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not the password at all" };
        var since = DateTime.UtcNow.AddSeconds(-1);
        for (var attempt = 1; attempt <= 3; attempt++)
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync("/account/sign-in", wrong)).StatusCode);

        // Showing the form is not an attempt; the fourth POST is one too many.
        var refused = await client.SubmitFormAsync("/account/sign-in", wrong);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Quá nhiều yêu cầu", page.QuerySelector("main h1")!.TextContent);
        Assert.True(refused.Headers.Contains("Content-Security-Policy"));

        var events = await factory.WithDbAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.RateLimited && e.At >= since && e.Detail == "POST /account/sign-in").CountAsync());
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task TheFourthApiCallWithinAMinuteGetsProblemDetailsWith429()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "3"));
        var client = limited.NewClient();
        var since = DateTime.UtcNow.AddSeconds(-1);
        for (var call = 1; call <= 3; call++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/meetings")).StatusCode);

        var refused = await client.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Quá nhiều yêu cầu", problem.GetProperty("title").GetString());
        Assert.True(refused.Headers.RetryAfter is not null);

        // Pages are not counted against the API's limit.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/meetings")).StatusCode);
        var events = await factory.WithDbAsync(db => db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKind.RateLimited && e.At >= since && e.Detail == "GET /api/meetings").CountAsync());
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task EachSignedInAccountHasItsOwnApiAllowance()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("RateLimits:ApiPerMinute", "3"));
        var first = limited.NewClient();
        await first.SignInAsync(await limited.CreateAccountAsync(Concord.Features.Accounts.Role.Reader));
        var second = limited.NewClient();
        await second.SignInAsync(await limited.CreateAccountAsync(Concord.Features.Accounts.Role.Reader));
        for (var call = 1; call <= 3; call++)
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await first.GetAsync("/api/meetings")).StatusCode);
        // Another official behind the same address (one ministry office, one address) is not held up.
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/meetings")).StatusCode);
    }
}

public sealed class RateLimitsOnSqlite(SqliteFactory factory) : RateLimitTests(factory), IClassFixture<SqliteFactory>;
public sealed class RateLimitsOnPostgres(PostgresFactory factory) : RateLimitTests(factory), IClassFixture<PostgresFactory>;
