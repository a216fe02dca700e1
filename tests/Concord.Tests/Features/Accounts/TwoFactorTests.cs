using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Concord.Tests.Features.Accounts.SignInSteps;

namespace Concord.Tests.Features.Accounts;

// The second factor at sign-in: required for administrators and coordinators, optional for the others,
// and a code is accepted once.
public abstract class TwoFactorTests(ConcordFactory factory)
{
    [Fact]
    public async Task ACoordinatorWithTwoFactorSignsInWithTheCodeTheirAuthenticatorShows()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var client = factory.NewClient(redirects: false);

        var password = await client.PasswordStepAsync(account);
        Assert.Equal("/account/two-factor", PathOf(password));
        // The password alone opens nothing.
        Assert.False(await client.IsSignedInAsync());

        var code = await client.SubmitFormAsync(password.Headers.Location!.OriginalString,
            new Dictionary<string, string?> { ["Code"] = Code(account.AuthenticatorKey!, DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal("/", PathOf(code));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/commitments/new")).StatusCode);
    }

    [Fact]
    public async Task AUsedCodeCannotBeReplayedEvenWhileItIsStillValid()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var code = Code(account.AuthenticatorKey!, DateTime.UtcNow);
        var owner = factory.NewClient(redirects: false);
        Assert.Equal("/", PathOf(await owner.SignInWithCodeAsync(account, code)));

        // Someone who saw the code over the owner's shoulder, and knows the password, seconds later.
        var onlooker = factory.NewClient(redirects: false);
        var refused = await onlooker.SignInWithCodeAsync(account, code);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(CodeRefused, (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).ErrorFor("Code"));
        Assert.False(await onlooker.IsSignedInAsync());
    }

    [Fact]
    public async Task AnOlderCodeIsRefusedOnceANewerOneWasUsed()
    {
        var account = await factory.CreateAccountAsync(Role.Administrator, "vn-moha");
        var now = DateTime.UtcNow;
        // The server accepts one step either side of now, for phones whose clocks drift.
        var newer = Code(account.AuthenticatorKey!, now.AddSeconds(30));
        var older = Code(account.AuthenticatorKey!, now);
        Assert.Equal("/", PathOf(await factory.NewClient(redirects: false).SignInWithCodeAsync(account, newer)));

        var late = factory.NewClient(redirects: false);
        var refused = await late.SignInWithCodeAsync(account, older);
        Assert.Equal(CodeRefused, (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).ErrorFor("Code"));
        Assert.False(await late.IsSignedInAsync());
    }

    [Fact]
    public async Task AWrongCodeIsRefusedWithTheMessageBesideTheField()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, TestAccounts.LaoCooperation);
        var right = Code(account.AuthenticatorKey!, DateTime.UtcNow);
        var wrong = ((int.Parse(right) + 500_000) % 1_000_000).ToString("D6");
        var client = factory.NewClient(redirects: false);

        var refused = await client.SignInWithCodeAsync(account, wrong);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(CodeRefused, page.ErrorFor("Code"));
        Assert.False(await client.IsSignedInAsync());
        // Still on the second step: the right code now works without the password again.
        var accepted = await client.SubmitFormAsync("/account/two-factor?returnUrl=%2F", new Dictionary<string, string?> { ["Code"] = right });
        Assert.Equal("/", PathOf(accepted));
    }

    [Fact]
    public async Task ARecoveryCodeWorksOnceAndIsRefusedTheSecondTime()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var codes = await factory.RecoveryCodesAsync(account);
        Assert.Equal(10, codes.Count);

        var first = factory.NewClient(redirects: false);
        // Typed as people type what they wrote down: lower case, a space for the hyphen.
        Assert.Equal("/", PathOf(await first.SignInWithCodeAsync(account, codes[3].ToLowerInvariant().Replace("-", " "), recovery: true)));
        Assert.True(await first.IsSignedInAsync());

        var second = factory.NewClient(redirects: false);
        var refused = await second.SignInWithCodeAsync(account, codes[3], recovery: true);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(RecoveryCodeRefused, (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).ErrorFor("Code"));
        Assert.False(await second.IsSignedInAsync());
    }

    [Fact]
    public async Task ACoordinatorWithoutTwoFactorEnrolsBeforeReachingAnyOtherPage()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, twoFactor: false);
        var client = factory.NewClient(redirects: false);

        var password = await client.PasswordStepAsync(account);
        Assert.Equal("/account/enrol", PathOf(password));
        // Between the password and the enrolment, the short-lived cookie opens no other page.
        foreach (var url in new[] { "/commitments/new", "/account", "/account/two-factor/setup", "/admin/reference" })
        {
            var refused = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Equal("/account/sign-in", PathOf(refused));
        }

        var enrol = password.Headers.Location!.OriginalString;
        var page = await client.GetPageAsync(enrol);
        Assert.NotNull(page.QuerySelector(".qr svg"));
        var key = page.QuerySelector("#authenticator-key")!.GetAttribute("data-key")!;
        var done = await client.SubmitFormAsync(enrol, new Dictionary<string, string?> { ["Code"] = Code(key, DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var codes = (await Html.ParseAsync(await done.Content.ReadAsStringAsync())).QuerySelectorAll("#recovery-codes li");
        Assert.Equal(10, codes.Length);
        Assert.Equal(10, codes.Select(c => c.TextContent.Trim()).Distinct().Count());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/commitments/new")).StatusCode);
        Assert.True(await factory.AccountAsync(account, a => a.TwoFactorEnabled));
    }

    static string Wrong(string right) => ((int.Parse(right) + 500_000) % 1_000_000).ToString("D6");

    // Posts a code with the token the page gave while the pending sign-in was valid, so that the answer
    // after the lockout is the server's decision, not a missing token.
    static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string url, string token, string code) =>
        await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = code, ["__RequestVerificationToken"] = token }));

    static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    // Issue 10, finding 1: five wrong codes lock the account, and the right code on the same pending
    // cookie no longer signs in.
    [Fact]
    public async Task FiveWrongCodesLockTheAccountAndEndThePendingSignIn()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var client = factory.NewClient(redirects: false);
        var page = (await client.PasswordStepAsync(account)).Headers.Location!.OriginalString;
        var token = await TokenAsync(client, page);
        var right = Code(account.AuthenticatorKey!, DateTime.UtcNow);
        for (var attempt = 1; attempt <= 5; attempt++)
            await PostCodeAsync(client, page, token, Wrong(right));
        Assert.True(await factory.AccountAsync(account, a => a.LockoutEnd) > DateTimeOffset.UtcNow);

        var late = await PostCodeAsync(client, page, token, right);
        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal("/account/sign-in", PathOf(late));
        Assert.False(await client.IsSignedInAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task WrongCodesCountTowardsTheLockoutEvenWhenThePasswordIsGivenAgain()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, TestAccounts.LaoCooperation);
        var right = Code(account.AuthenticatorKey!, DateTime.UtcNow);
        var client = factory.NewClient(redirects: false);
        for (var round = 0; round < 2; round++)
        {
            // The right password between the guesses does not start the count again.
            var page = (await client.PasswordStepAsync(account)).Headers.Location!.OriginalString;
            var token = await TokenAsync(client, page);
            for (var attempt = 1; attempt <= 3; attempt++)
                await PostCodeAsync(client, page, token, Wrong(right));
        }
        Assert.True(await factory.AccountAsync(account, a => a.LockoutEnd) > DateTimeOffset.UtcNow);
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == Concord.Features.Audit.SecurityEventKind.LockedOut);
    }

    [Fact]
    public async Task ALockedAccountCannotSignInWithARecoveryCode()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var codes = await factory.RecoveryCodesAsync(account);
        var client = factory.NewClient(redirects: false);
        var page = "/account/two-factor?recovery=true&returnUrl=%2F";
        Assert.Equal("/account/two-factor", PathOf(await client.PasswordStepAsync(account)));
        var token = await TokenAsync(client, page);
        for (var attempt = 1; attempt <= 5; attempt++)
            await PostCodeAsync(client, page, token, "AAAAA-BBBBB");

        var late = await PostCodeAsync(client, page, token, codes[0]);
        Assert.Equal("/account/sign-in", PathOf(late));
        Assert.False(await client.IsSignedInAsync());
        // The code was not spent on a refused attempt.
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Account>>();
        Assert.Equal(10, await users.CountRecoveryCodesAsync((await users.FindByIdAsync(account.Id.ToString()))!));
    }

    [Fact]
    public async Task WrongCodesAtEnrolmentLockTheAccountAndTheRightCodeThenEnrolsNothing()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, twoFactor: false);
        var client = factory.NewClient(redirects: false);
        var enrol = (await client.PasswordStepAsync(account)).Headers.Location!.OriginalString;
        var form = await client.GetPageAsync(enrol);
        var key = form.QuerySelector("#authenticator-key")!.GetAttribute("data-key")!;
        var token = form.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var right = Code(key, DateTime.UtcNow);
        for (var attempt = 1; attempt <= 5; attempt++)
            await PostCodeAsync(client, enrol, token, Wrong(right));

        var late = await PostCodeAsync(client, enrol, token, right);
        Assert.Equal("/account/sign-in", PathOf(late));
        Assert.False(await factory.AccountAsync(account, a => a.TwoFactorEnabled));
        Assert.False(await client.IsSignedInAsync());
    }

    [Fact]
    public async Task FocalPointsAndReadersWithoutTwoFactorSignInWithTheirPasswordAlone()
    {
        foreach (var role in new[] { Role.FocalPoint, Role.Reader })
        {
            var account = await factory.CreateAccountAsync(role, TestAccounts.LaoCooperation);
            Assert.Null(account.AuthenticatorKey);
            var client = factory.NewClient(redirects: false);
            var response = await client.PasswordStepAsync(account);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", PathOf(response));
            Assert.True(await client.IsSignedInAsync());
        }
    }
}

public sealed class TwoFactorOnSqlite(SqliteFactory factory) : TwoFactorTests(factory), IClassFixture<SqliteFactory>;
public sealed class TwoFactorOnPostgres(PostgresFactory factory) : TwoFactorTests(factory), IClassFixture<PostgresFactory>;
