using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using static Concord.Tests.Features.Accounts.SignInSteps;

namespace Concord.Tests.Features.Accounts;

// An official's own page: who they are, their language, their second factor, where they are signed in.
public abstract class AccountPageTests(ConcordFactory factory)
{
    [Fact]
    public async Task TheAccountPageSaysWhoIAm()
    {
        var account = await factory.CreateAccountAsync(Role.FocalPoint, "la-bankan");
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);

        var home = await client.GetPageAsync("/");
        Assert.Equal("/account", home.QuerySelector("#signed-in-as")!.GetAttribute("href"));
        var page = await client.GetPageAsync("/account");
        Assert.StartsWith("Test FocalPoint", page.QuerySelector("#me-name")!.TextContent.Trim());
        Assert.Equal(account.Email, page.QuerySelector("#me-email")!.TextContent.Trim());
        Assert.Contains("Bản Cân", page.QuerySelector("#me-organisation")!.TextContent);
        Assert.Equal("Lào", page.QuerySelector("#me-side")!.TextContent.Trim());
        Assert.StartsWith("Cán bộ đầu mối", page.QuerySelector("#me-role")!.TextContent.Trim());
    }

    [Fact]
    public async Task MyLanguageIsUsedWhereverISignInAndBeatsTheLanguageCookieButNotTheQuery()
    {
        var account = await factory.CreateAccountAsync(Role.Reader);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);
        // This browser was set to Vietnamese with the header's picker (the page is in English: no account choice yet,
        // the test client asks for no language, so it starts in Vietnamese and the picker offers English).
        await client.PickLanguageAsync("en");
        await client.PickLanguageAsync("vi");
        Assert.Equal("vi", await LanguageOfAsync(client, "/"));

        var saved = await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["Language"] = "en" }, "#language-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("en", await LanguageOfAsync(client, "/"));
        Assert.Equal("vi", await LanguageOfAsync(client, "/?culture=vi"));
        Assert.Equal("en", await factory.AccountAsync(account, a => a.Language));

        var elsewhere = factory.NewClient(redirects: false);
        await elsewhere.SignInAsync(account);
        Assert.Equal("en", await LanguageOfAsync(elsewhere, "/commitments"));

        // The header's picker changes the choice too, or it would seem broken.
        await client.PickLanguageAsync("vi");
        Assert.Equal("vi", await LanguageOfAsync(client, "/"));
        Assert.Equal("vi", await factory.AccountAsync(account, a => a.Language));
    }

    // Issue 10, finding 5: a link or an image on another site (a GET), or a form there without the token,
    // must not change the language an official saved.
    [Fact]
    public async Task AnotherSiteCannotChangeMySavedLanguage()
    {
        var account = await factory.CreateAccountAsync(Role.Reader);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);
        await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["Language"] = "en" }, "#language-form");
        Assert.Equal("en", await factory.AccountAsync(account, a => a.Language));

        var image = await client.GetAsync("/culture/lo?returnUrl=/");
        Assert.NotEqual(HttpStatusCode.Redirect, image.StatusCode);
        var forged = await client.PostAsync("/culture/lo", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("en", await factory.AccountAsync(account, a => a.Language));

        // The picker itself, a form with the page's token, still changes it.
        var picked = await client.PickLanguageAsync("lo");
        Assert.Equal(HttpStatusCode.Redirect, picked.StatusCode);
        Assert.Equal("lo", await factory.AccountAsync(account, a => a.Language));
    }

    [Fact]
    public async Task AFocalPointTurnsOnTwoFactorAndThenNeedsACodeToSignIn()
    {
        var account = await factory.CreateAccountAsync(Role.FocalPoint);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);
        var page = await client.GetPageAsync("/account");
        Assert.Contains("Đang tắt", page.QuerySelector("#two-factor-status")!.TextContent);
        Assert.Equal("/account/two-factor/setup", page.QuerySelector("#enable-two-factor")!.GetAttribute("href"));

        var setup = await client.GetPageAsync("/account/two-factor/setup");
        Assert.NotNull(setup.QuerySelector(".qr svg"));
        var key = setup.QuerySelector("#authenticator-key")!.GetAttribute("data-key")!;
        var wrongPassword = await client.SubmitFormAsync("/account/two-factor/setup", new Dictionary<string, string?>
        {
            ["Code"] = Code(key, DateTime.UtcNow), ["Password"] = "not my password at all",
        });
        Assert.Equal(PasswordRefused, (await Html.ParseAsync(await wrongPassword.Content.ReadAsStringAsync())).ErrorFor("Password"));
        Assert.False(await factory.AccountAsync(account, a => a.TwoFactorEnabled));

        var done = await client.SubmitFormAsync("/account/two-factor/setup", new Dictionary<string, string?>
        {
            ["Code"] = Code(key, DateTime.UtcNow), ["Password"] = account.Password,
        });
        Assert.Equal(10, (await Html.ParseAsync(await done.Content.ReadAsStringAsync())).QuerySelectorAll("#recovery-codes li").Length);
        var after = await client.GetPageAsync("/account");
        Assert.Contains("Đang bật", after.QuerySelector("#two-factor-status")!.TextContent);
        Assert.Contains("Còn 10 mã khôi phục chưa dùng.", after.QuerySelector("#two-factor-status")!.TextContent);

        Assert.Equal("/account/two-factor", PathOf(await factory.NewClient(redirects: false).PasswordStepAsync(account)));
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, TestAccounts.LaoCooperation);
        var old = await factory.RecoveryCodesAsync(account);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);

        var refused = await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["RegeneratePassword"] = "a wrong guess here" }, "#recovery-codes-form");
        var refusedPage = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal(PasswordRefused, refusedPage.ErrorFor("RegeneratePassword"));
        Assert.Empty(refusedPage.QuerySelectorAll("#recovery-codes li"));

        var made = await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["RegeneratePassword"] = account.Password }, "#recovery-codes-form");
        var codes = (await Html.ParseAsync(await made.Content.ReadAsStringAsync())).QuerySelectorAll("#recovery-codes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Empty(codes.Intersect(old));

        var withOld = await factory.NewClient(redirects: false).SignInWithCodeAsync(account, old[0], recovery: true);
        Assert.Equal(RecoveryCodeRefused, (await Html.ParseAsync(await withOld.Content.ReadAsStringAsync())).ErrorFor("Code"));
        Assert.Equal("/", PathOf(await factory.NewClient(redirects: false).SignInWithCodeAsync(account, codes[0], recovery: true)));
    }

    [Fact]
    public async Task AReaderMayTurnTwoFactorOffButACoordinatorMayNot()
    {
        var reader = await factory.CreateAccountAsync(Role.Reader, twoFactor: true);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(reader);
        var off = await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["DisablePassword"] = reader.Password }, "#disable-two-factor-form");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Đang tắt", (await client.GetPageAsync("/account")).QuerySelector("#two-factor-status")!.TextContent);
        Assert.Equal("/", PathOf(await factory.NewClient(redirects: false).PasswordStepAsync(reader)));

        var coordinator = await factory.CreateAccountAsync(Role.Coordinator);
        var own = factory.NewClient(redirects: false);
        await own.SignInAsync(coordinator);
        var page = await own.GetPageAsync("/account");
        Assert.Null(page.QuerySelector("#disable-two-factor-form"));
        Assert.NotNull(page.QuerySelector("#two-factor-required"));
        // Posting what the page does not offer is refused all the same.
        var token = page.QuerySelector("#recovery-codes-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await own.PostAsync("/account?handler=DisableTwoFactor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["DisablePassword"] = coordinator.Password,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
        Assert.True(await factory.AccountAsync(coordinator, a => a.TwoFactorEnabled));
    }

    [Fact]
    public async Task SigningOutEverywhereElseEndsMyOtherSessionsButNotThisOne()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, TestAccounts.LaoCooperation);
        var office = factory.NewClient(redirects: false);
        var home = factory.NewClient(redirects: false);
        await office.SignInAsync(account);
        await home.SignInAsync(account);

        var page = await office.GetPageAsync("/account");
        Assert.Equal(2, page.QuerySelectorAll("#session-list tbody tr").Length);
        Assert.Single(page.QuerySelectorAll("#this-session"));

        var ended = await office.SubmitFormAsync("/account", new Dictionary<string, string?>(), "#end-other-sessions-form");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.False(await home.IsSignedInAsync());
        Assert.True(await office.IsSignedInAsync());
        Assert.Single((await office.GetPageAsync("/account")).QuerySelectorAll("#session-list tbody tr"));
    }

    const string PasswordRefused = "Mật khẩu không đúng, hoặc tài khoản đang tạm khóa sau nhiều lần nhập sai.";

    static async Task<string?> LanguageOfAsync(HttpClient client, string url) =>
        (await client.GetPageAsync(url)).DocumentElement.GetAttribute("lang");
}

public sealed class AccountPageOnSqlite(SqliteFactory factory) : AccountPageTests(factory), IClassFixture<SqliteFactory>;
public sealed class AccountPageOnPostgres(PostgresFactory factory) : AccountPageTests(factory), IClassFixture<PostgresFactory>;
