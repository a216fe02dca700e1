using System.Net;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.AccountTesting;

namespace Concord.Tests.Features;

public abstract class PasswordTests(ConcordFactory factory)
{
    const string PageForm = "main form[method=post]";

    static async Task<IDocument> ChangeAsync(HttpClient client, string current, string next, string? confirmation = null) =>
        await (await client.SubmitFormAsync("/account/password", new Dictionary<string, string?>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirmation ?? next,
        }, PageForm)).PageAsync();

    // The error the sign-in page shows, as the reader sees it.
    static async Task<string> SignInRefusalAsync(HttpClient client, string email, string password)
    {
        var page = await (await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        })).PageAsync();
        return page.Text("#error-summary");
    }

    static TestAccount WithPassword(TestAccount account, string password) =>
        new(account.Id, account.Email, password, account.AuthenticatorKey, account.Country, account.OrganisationId, account.Role);

    [Theory]
    [InlineData("Password123")]
    [InlineData("vientiane2025")]
    [InlineData("football2024!")]
    [InlineData("laoslaoslaoslaos")]
    public async Task CommonAndContextualPasswordsAreRefusedAsTooEasyToGuess(string password)
    {
        var (client, account) = await factory.SignedInAsync(Role.Reader);

        var page = await ChangeAsync(client, account.Password, password);

        Assert.Contains("Mật khẩu này quá dễ đoán", page.ErrorFor("Input.NewPassword"));
        Assert.Null(page.QuerySelector("#password-set"));
        await factory.NewClient().SignInAsync(account);
    }

    [Fact]
    public async Task AnEasyPasswordIsRefusedOnTheInvitationPageToo()
    {
        var admin = await factory.ClientAsync(Role.Administrator);
        var email = $"easy-{Unique()}@test.example";
        var invited = await (await admin.SubmitFormAsync("/admin/accounts/invite", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Easy Guess",
            ["Input.OrganisationId"] = (await factory.OrganisationIdAsync("vn-moha")).ToString(),
            ["Input.Role"] = "Reader",
        }, PageForm)).PageAsync();
        var link = new Uri(invited.Text("#delivered-link")).PathAndQuery;

        var page = await (await factory.NewClient().SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = "Password123",
            ["Input.ConfirmPassword"] = "Password123",
        }, PageForm)).PageAsync();

        var error = page.ErrorFor("Input.NewPassword");
        Assert.Contains("Mật khẩu quá ngắn: cần ít nhất 12 ký tự.", error);
        Assert.Contains("Mật khẩu này quá dễ đoán", error);
        Assert.Null((await factory.AccountAsync(email)).PasswordHash);
    }

    [Theory]
    [InlineData("mùa lúa chín vàng")]
    [InlineData("correct horse battery staple")]
    [InlineData("the seventy character passphrase of a patient official in Vientiane ok")]
    public async Task PassphrasesAreAcceptedWithoutAnyCompositionRule(string passphrase)
    {
        var (client, account) = await factory.SignedInAsync(Role.Reader);

        var page = await ChangeAsync(client, account.Password, passphrase);

        Assert.NotNull(page.QuerySelector("#password-set"));
        await factory.NewClient().SignInAsync(WithPassword(account, passphrase));
    }

    [Fact]
    public async Task PasswordsShorterThanTwelveOrLongerThan256CharactersAreRefusedBesideTheField()
    {
        var (client, account) = await factory.SignedInAsync(Role.Reader);

        var tooShort = await ChangeAsync(client, account.Password, "elevenchars");
        var tooLong = await ChangeAsync(client, account.Password, string.Concat(Enumerable.Repeat("quite a long phrase ", 13)));

        Assert.Equal("Mật khẩu quá ngắn: cần ít nhất 12 ký tự.", tooShort.ErrorFor("Input.NewPassword"));
        Assert.Equal("Mật khẩu quá dài: tối đa 256 ký tự.", tooLong.ErrorFor("Input.NewPassword"));
    }

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneShowsEveryProblemAtOnceAndEndsTheOtherSessionsButNotThisOne()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var here = factory.NewClient(redirects: false);
        await here.SignInAsync(account);
        var elsewhere = factory.NewClient(redirects: false);
        await elsewhere.SignInAsync(account);
        var browser = factory.NewClient();
        await browser.SignInAsync(account);
        const string next = "a new phrase for a new year";

        Assert.NotNull((await browser.GetPageAsync("/account")).QuerySelector("a#change-password[href='/account/password']"));
        var everythingWrong = await ChangeAsync(browser, "not my password at all", "Password123", "Password12");
        var changed = await ChangeAsync(browser, account.Password, next);

        Assert.Contains("Mật khẩu hiện tại không đúng", everythingWrong.ErrorFor("Input.CurrentPassword"));
        Assert.Contains("Mật khẩu này quá dễ đoán", everythingWrong.ErrorFor("Input.NewPassword"));
        Assert.Equal("Hai mật khẩu bạn nhập không giống nhau.", everythingWrong.ErrorFor("Input.ConfirmPassword"));
        Assert.NotNull(changed.QuerySelector("#password-set"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/password")).StatusCode);
        foreach (var other in new[] { here, elsewhere })
            Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/account/password")).StatusCode);
        await factory.NewClient().SignInAsync(WithPassword(account, next));
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.PasswordChanged);
    }

    [Fact]
    public async Task TheSignOutButtonInTheHeaderEndsTheSession()
    {
        var (client, _) = await factory.SignedInAsync(Role.Reader, redirects: false);

        var signedOut = await client.SubmitFormAsync("/account/password", new Dictionary<string, string?>(), "header form[action='/account/sign-out']");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account/password")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountAndEveryRefusalReadsTheSame()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var client = factory.NewClient();

        var unknownAddress = await SignInRefusalAsync(client, $"nobody-{Unique()}@test.example", account.Password);
        var wrongPassword = await SignInRefusalAsync(client, account.Email, "not the password at all");
        for (var attempt = 2; attempt <= 5; attempt++)
            await SignInRefusalAsync(client, account.Email, $"wrong password number {attempt}");
        var rightPasswordWhileLocked = await SignInRefusalAsync(client, account.Email, account.Password);

        Assert.Contains("hoặc tài khoản đang tạm khóa", unknownAddress);
        Assert.Equal(unknownAddress, wrongPassword);
        Assert.Equal(unknownAddress, rightPasswordWhileLocked);
        var events = await factory.EventsAsync(account.Id);
        Assert.Equal(4, events.Count(e => e.Kind == SecurityEventKind.SignInFailed && e.Detail == "wrong password"));
        Assert.Single(events, e => e.Kind == SecurityEventKind.LockedOut);
        Assert.Single(events, e => e.Kind == SecurityEventKind.SignInFailed && e.Detail == "locked out");
        Assert.DoesNotContain(events, e => e.Kind == SecurityEventKind.SignIn);
    }

    [Fact]
    public async Task FourWrongPasswordsDoNotLockTheAccount()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var client = factory.NewClient();

        for (var attempt = 1; attempt <= 4; attempt++)
            await SignInRefusalAsync(client, account.Email, $"wrong password number {attempt}");

        await client.SignInAsync(account);
    }

    [Fact]
    public async Task ADisabledAccountIsRefusedWithTheSameMessageAsAnUnknownAddress()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        await factory.WithDbAsync(db => db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDisabled, true)));
        var client = factory.NewClient();

        var unknownAddress = await SignInRefusalAsync(client, $"nobody-{Unique()}@test.example", account.Password);
        var disabled = await SignInRefusalAsync(client, account.Email, account.Password);

        Assert.NotEmpty(disabled);
        Assert.Equal(unknownAddress, disabled);
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.SignInFailed && e.Detail == "disabled");
    }

    [Fact]
    public async Task ForgotPasswordAnswersTheSameForKnownAndUnknownAddressesAndWithoutAnEmailServerSendsToTheAdministrator()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);

        var known = await (await factory.NewClient().SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = account.Email })).PageAsync();
        var unknown = await (await factory.NewClient().SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{Unique()}@test.example" })).PageAsync();

        Assert.Contains("hãy liên hệ quản trị viên", known.Text("#reset-requested"));
        Assert.Equal(known.Text("main"), unknown.Text("main"));
        Assert.DoesNotContain("reset-password", known.DocumentElement.OuterHtml);
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.PasswordResetRequested);
    }

    [Fact]
    public async Task WithAnEmailServerForgotPasswordEmailsALinkThatWorksOnceAndEndsTheAccountsSessions()
    {
        await using var smtp = new SmtpTestServer();
        await using var withMail = factory.WithSmtp(smtp);
        var account = await withMail.CreateAccountAsync(Role.Reader, twoFactor: false);
        var session = withMail.NewClient(redirects: false);
        await session.SignInAsync(account);

        var unknown = await (await withMail.NewClient().SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = $"nobody-{Unique()}@test.example" })).PageAsync();
        var known = await (await withMail.NewClient().SubmitFormAsync("/account/forgot-password", new Dictionary<string, string?> { ["Input.Email"] = account.Email })).PageAsync();

        Assert.Equal(unknown.Text("main"), known.Text("main"));
        Assert.Contains("Nếu có tài khoản với địa chỉ này", known.Text("#reset-requested"));
        var mail = await smtp.NextAsync();
        Assert.Equal([account.Email], mail.To);
        Assert.False(await smtp.AnyWithinAsync(TimeSpan.FromMilliseconds(300)));
        var link = mail.LinkTo("/account/reset-password");
        const string next = "the river keeps its own counsel";

        var done = await (await withMail.NewClient().SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }, PageForm)).PageAsync();

        Assert.NotNull(done.QuerySelector("#password-set"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/account/password")).StatusCode);
        await withMail.NewClient().SignInAsync(WithPassword(account, next));
        Assert.Contains("hoặc tài khoản đang tạm khóa", await SignInRefusalAsync(withMail.NewClient(), account.Email, account.Password));
        var again = await withMail.NewClient().GetPageAsync(link);
        Assert.Equal("Used", again.QuerySelector("#link-refused")!.GetAttribute("data-state"));
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.PasswordChanged && e.Detail == "reset link");
    }

    [Fact]
    public async Task AnAdministratorGivesTheResetLinkWhenThereIsNoEmailServerAndTheResetLiftsALockout()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var client = factory.NewClient();
        for (var attempt = 1; attempt <= 5; attempt++)
            await SignInRefusalAsync(client, account.Email, $"wrong password number {attempt}");
        var admin = await factory.ClientAsync(Role.Administrator);

        var page = await (await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#link-form")).PageAsync();
        var link = new Uri(page.Text("#delivered-link")).PathAndQuery;
        const string next = "a locked door opens again";
        var done = await (await factory.NewClient().SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = next,
        }, PageForm)).PageAsync();

        Assert.Contains("Liên kết có hiệu lực trong 2 giờ", page.Text("#link-delivery"));
        Assert.NotNull(done.QuerySelector("#password-set"));
        await factory.NewClient().SignInAsync(WithPassword(account, next));
    }

    [Fact]
    public async Task AnExpiredResetLinkSaysItHasExpired()
    {
        await using var shortLived = factory.WithSetting("Accounts:PasswordResetLifespan", "00:00:00");
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var (admin, _) = await shortLived.SignedInAsync(Role.Administrator);
        var page = await (await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#link-form")).PageAsync();
        var link = new Uri(page.Text("#delivered-link")).PathAndQuery;
        await Task.Delay(50);

        var refused = await shortLived.NewClient().GetPageAsync(link);

        Assert.Equal("Expired", refused.QuerySelector("#link-refused")!.GetAttribute("data-state"));
        Assert.Contains("đã hết hạn", refused.Text("#link-refused"));
    }
}

public sealed class PasswordsOnSqlite(SqliteFactory factory) : PasswordTests(factory), IClassFixture<SqliteFactory>;
public sealed class PasswordsOnPostgres(PostgresFactory factory) : PasswordTests(factory), IClassFixture<PostgresFactory>;
