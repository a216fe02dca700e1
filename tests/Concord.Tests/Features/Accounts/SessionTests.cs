using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Concord.Tests.Features.Accounts.SignInSteps;

namespace Concord.Tests.Features.Accounts;

// Sessions live on the server: the cookie only names one, and the server decides whether it still counts.
public abstract class SessionTests(ConcordFactory factory)
{
    [Fact]
    public async Task EverySignInStartsANewSessionAndEndsTheOneTheBrowserHeld()
    {
        var account = await factory.CreateAccountAsync(Role.Reader);
        var browser = factory.NewClient(redirects: false);
        var first = SessionCookie(await browser.PasswordStepAsync(account));
        // The same browser signs in again while it still holds the first session's cookie.
        var second = SessionCookie(await browser.PasswordStepAsync(account));

        Assert.NotEqual(first, second);
        var sessions = await factory.WithDbAsync(db => db.AccountSessions.Where(s => s.AccountId == account.Id)
            .Select(s => new { s.Id, s.EndReason }).ToListAsync());
        Assert.Equal(2, sessions.Select(s => s.Id).Distinct().Count());
        Assert.Equal("replaced", Assert.Single(sessions, s => s.EndReason is not null).EndReason);
        Assert.False(await factory.WithSessionCookie(first).IsSignedInAsync());
        Assert.True(await factory.WithSessionCookie(second).IsSignedInAsync());
    }

    [Fact]
    public async Task SigningOutEndsTheSessionSoItsCookieNoLongerWorksAnywhere()
    {
        var account = await factory.CreateAccountAsync(Role.FocalPoint, "la-bankan");
        var browser = factory.NewClient(redirects: false);
        var cookie = SessionCookie(await browser.PasswordStepAsync(account));
        var copy = factory.WithSessionCookie(cookie);
        Assert.True(await copy.IsSignedInAsync());

        var signedOut = await browser.SubmitFormAsync("/", new Dictionary<string, string?>(), "form[action='/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.False(await browser.IsSignedInAsync());
        Assert.False(await copy.IsSignedInAsync());
        Assert.Equal("signed out", await factory.WithDbAsync(db => db.AccountSessions.Where(s => s.AccountId == account.Id).Select(s => s.EndReason).SingleAsync()));
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSessionAtTheNextRequest()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var browser = factory.NewClient(redirects: false);
        await browser.SignInAsync(account);
        Assert.True(await browser.IsSignedInAsync());

        await factory.WithDbAsync(db => db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDisabled, true)));

        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal("disabled", await factory.WithDbAsync(db => db.AccountSessions.Where(s => s.AccountId == account.Id).Select(s => s.EndReason).SingleAsync()));
        // Nor can it sign in again.
        var refused = await factory.NewClient(redirects: false).PasswordStepAsync(account);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task ASessionEndsAfterHalfAnHourWithoutARequest()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        using var clocked = WithClock(clock);
        // A reader: no authenticator code, whose codes would follow the real clock.
        var account = await clocked.CreateAccountAsync(Role.Reader);
        var browser = clocked.NewClient(redirects: false);
        await browser.SignInAsync(account);

        clock.Now += TimeSpan.FromMinutes(20);
        Assert.True(await browser.IsSignedInAsync());
        // Idle time counts from the last request, not from signing in.
        clock.Now += TimeSpan.FromMinutes(25);
        Assert.True(await browser.IsSignedInAsync());
        clock.Now += TimeSpan.FromMinutes(31);
        Assert.False(await browser.IsSignedInAsync());
        Assert.Equal("idle", await factory.WithDbAsync(db => db.AccountSessions.Where(s => s.AccountId == account.Id).Select(s => s.EndReason).SingleAsync()));
    }

    [Fact]
    public async Task ASessionEndsTwelveHoursAfterSigningInHoweverBusy()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var start = clock.Now;
        using var clocked = WithClock(clock);
        var account = await clocked.CreateAccountAsync(Role.Reader, TestAccounts.LaoCooperation);
        var browser = clocked.NewClient(redirects: false);
        await browser.SignInAsync(account);

        // A request every 20 minutes keeps it from going idle...
        for (var at = TimeSpan.FromMinutes(10); at < TimeSpan.FromHours(12); at += TimeSpan.FromMinutes(20))
        {
            clock.Now = start + at;
            Assert.True(await browser.IsSignedInAsync(), $"signed out after {at}");
        }
        // ...until twelve hours have passed since signing in.
        clock.Now = start + TimeSpan.FromHours(12) + TimeSpan.FromMinutes(10);
        Assert.False(await browser.IsSignedInAsync());
    }

    [Fact]
    public async Task SessionCookiesAreSecureHttpOnlyAndSameSite()
    {
        var reader = await factory.CreateAccountAsync(Role.Reader);
        var session = SetCookie(await factory.NewClient(redirects: false).PasswordStepAsync(reader), "__Host-concord.session");
        Assert.NotNull(session);
        var flags = Flags(session);
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=lax", flags);

        // The short-lived cookie between the password and the second factor is never sent from another site.
        var coordinator = await factory.CreateAccountAsync(Role.Coordinator);
        var pending = SetCookie(await factory.NewClient(redirects: false).PasswordStepAsync(coordinator), "__Host-concord.pending");
        Assert.NotNull(pending);
        flags = Flags(pending);
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
    }

    static string[] Flags(string setCookie) => [.. setCookie.Split(';').Skip(1).Select(f => f.Trim().ToLowerInvariant())];

    Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithClock(TimeProvider clock) =>
        factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));
}

public sealed class SessionsOnSqlite(SqliteFactory factory) : SessionTests(factory), IClassFixture<SqliteFactory>;
public sealed class SessionsOnPostgres(PostgresFactory factory) : SessionTests(factory), IClassFixture<PostgresFactory>;
