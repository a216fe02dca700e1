using System.Net;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.AccountTesting;

namespace Concord.Tests.Features;

public abstract class AccountAdminTests(ConcordFactory factory)
{
    // Pages with the layout carry the sign-out form first; the page's own forms are in <main>.
    const string PageForm = "main form[method=post]";

    Task<HttpClient> AdminAsync() => factory.ClientAsync(Role.Administrator);

    static async Task<IDocument> InviteAsync(HttpClient admin, string email, string name, int organisationId, Role role, string language = "")
    {
        var response = await admin.SubmitFormAsync("/admin/accounts/invite", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = name,
            ["Input.OrganisationId"] = organisationId.ToString(),
            ["Input.Role"] = role.ToString(),
            ["Input.Language"] = language,
        }, PageForm);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.PageAsync();
    }

    static async Task<IDocument> SetPasswordAsync(HttpClient client, string link, string password) =>
        await (await client.SubmitFormAsync(link, new Dictionary<string, string?>
        {
            ["Input.NewPassword"] = password,
            ["Input.ConfirmPassword"] = password,
        }, PageForm)).PageAsync();

    Task<HttpResponseMessage> SaveAsync(HttpClient admin, int id, Dictionary<string, string?> fields) =>
        admin.SubmitFormAsync($"/admin/accounts/{id}", fields, "#account-form");

    static async Task AssertSignedOutAsync(HttpClient client)
    {
        var response = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task WithoutAnEmailServerTheAdministratorIsShownTheInvitationLinkWhichSetsAPasswordOnce()
    {
        var email = $"invitee-{Unique()}@test.example";
        var organisation = await factory.OrganisationIdAsync(TestAccounts.LaoCooperation);

        var invited = await InviteAsync(await AdminAsync(), email, "Bounmy Phommachanh", organisation, Role.FocalPoint);

        Assert.Equal("false", invited.QuerySelector("#link-delivery")!.GetAttribute("data-emailed"));
        Assert.Contains("chưa được cấu hình máy chủ gửi e-mail", invited.Text("#link-delivery"));
        var link = new Uri(invited.Text("#delivered-link")).PathAndQuery;
        var account = await factory.AccountAsync(email);
        Assert.Equal(("LA", Role.FocalPoint, false, (string?)null), (account.Country, account.Role, account.EmailConfirmed, account.PasswordHash));
        Assert.Contains(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.AccountInvited);

        var tampered = await factory.NewClient().GetPageAsync(link.Replace("token=", "token=AAAA"));
        Assert.Equal("Invalid", tampered.QuerySelector("#link-refused")!.GetAttribute("data-state"));
        var invitee = factory.NewClient();
        const string password = "ruộng lúa bên bờ sông Mê Kông";
        var done = await SetPasswordAsync(invitee, link, password);

        Assert.NotNull(done.QuerySelector("#password-set"));
        Assert.True((await factory.AccountAsync(account.Id)).EmailConfirmed);
        await invitee.SignInAsync(new TestAccount(account.Id, email, password, null, "LA", organisation, Role.FocalPoint));
        var again = await factory.NewClient().GetPageAsync(link);
        Assert.Equal("Used", again.QuerySelector("#link-refused")!.GetAttribute("data-state"));
        Assert.Null(again.QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task WithAnEmailServerTheInvitationIsEmailedInTheInviteesLanguageOrInVietnameseAndEnglish()
    {
        await using var smtp = new SmtpTestServer();
        await using var withMail = factory.WithSmtp(smtp);
        var (admin, _) = await withMail.SignedInAsync(Role.Administrator);
        var organisation = await factory.OrganisationIdAsync("la-bankan");
        var email = $"somchai-{Unique()}@test.example";

        var invited = await InviteAsync(admin, email, "Somchai Vongsa", organisation, Role.Reader);

        Assert.Equal("true", invited.QuerySelector("#link-delivery")!.GetAttribute("data-emailed"));
        Assert.Null(invited.QuerySelector("#delivered-link"));
        var mail = await smtp.NextAsync();
        Assert.Equal([email], mail.To);
        Assert.Contains("Kính gửi Anh/Chị Somchai Vongsa", mail.Body);
        Assert.Contains("Dear Somchai Vongsa", mail.Body);
        var link = mail.LinkTo("/account/accept");
        var done = await SetPasswordAsync(withMail.NewClient(), link, "bảy ngày để nhận lời mời");
        Assert.NotNull(done.QuerySelector("#password-set"));

        await InviteAsync(admin, $"english-{Unique()}@test.example", "Jane Reader", organisation, Role.Reader, language: "en");
        var english = await smtp.NextAsync();
        Assert.Contains("Dear Jane Reader", english.Body);
        Assert.DoesNotContain("Kính gửi", english.Body);

        // Lao texts await review: the English follows them.
        await InviteAsync(admin, $"lao-{Unique()}@test.example", "Khamla Reader", organisation, Role.Reader, language: "lo");
        var lao = await smtp.NextAsync();
        Assert.Contains("ຮຽນ Khamla Reader", lao.Body);
        Assert.Contains("Dear Khamla Reader", lao.Body);
        Assert.DoesNotContain("Kính gửi", lao.Body);
    }

    [Fact]
    public async Task WhenTheEmailServerCannotBeReachedTheAdministratorIsShownTheLinkInstead()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var unreachable = factory.WithWebHostBuilder(b => b.UseSetting("Smtp:Host", "127.0.0.1").UseSetting("Smtp:Port", port.ToString()));
        var (admin, _) = await unreachable.SignedInAsync(Role.Administrator);

        var invited = await InviteAsync(admin, $"unlucky-{Unique()}@test.example", "Unlucky Invitee", await factory.OrganisationIdAsync("vn-moha"), Role.Reader);

        Assert.Equal("false", invited.QuerySelector("#link-delivery")!.GetAttribute("data-emailed"));
        Assert.Contains("Không gửi được e-mail", invited.Text("#link-delivery"));
        Assert.StartsWith("https://localhost/account/accept?id=", invited.Text("#delivered-link"));
    }

    [Fact]
    public async Task AnExpiredInvitationLinkSaysItHasExpired()
    {
        await using var shortLived = factory.WithSetting("Accounts:InvitationLifespan", "00:00:00");
        var (admin, _) = await shortLived.SignedInAsync(Role.Administrator);
        var invited = await InviteAsync(admin, $"late-{Unique()}@test.example", "Late Invitee", await factory.OrganisationIdAsync("vn-ninhbinh"), Role.Reader);
        var link = new Uri(invited.Text("#delivered-link")).PathAndQuery;
        await Task.Delay(50);

        var page = await shortLived.NewClient().GetPageAsync(link);

        Assert.Equal("Expired", page.QuerySelector("#link-refused")!.GetAttribute("data-state"));
        Assert.Contains("Lời mời này đã hết hạn", page.Text("#link-refused"));
    }

    [Fact]
    public async Task SendingTheInvitationAgainReplacesTheEarlierLink()
    {
        var admin = await AdminAsync();
        var email = $"again-{Unique()}@test.example";
        var first = new Uri((await InviteAsync(admin, email, "Twice Invited", await factory.OrganisationIdAsync("vn-molisa"), Role.Reader)).Text("#delivered-link")).PathAndQuery;
        var account = await factory.AccountAsync(email);

        var page = await (await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#link-form")).PageAsync();
        var second = new Uri(page.Text("#delivered-link")).PathAndQuery;
        Assert.Null(page.QuerySelector("#error-summary"));

        Assert.NotEqual(first, second);
        Assert.Equal("Used", (await factory.NewClient().GetPageAsync(first)).QuerySelector("#link-refused")!.GetAttribute("data-state"));
        Assert.NotNull((await factory.NewClient().GetPageAsync(second)).QuerySelector("input[name='Input.NewPassword']"));
    }

    [Fact]
    public async Task AnAddressThatAlreadyHasAnAccountIsRefusedBesideTheField()
    {
        var existing = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);

        var page = await InviteAsync(await AdminAsync(), existing.Email.ToUpperInvariant(), "Someone Else", existing.OrganisationId, Role.Reader);

        Assert.Equal("Đã có tài khoản với địa chỉ e-mail này.", page.ErrorFor("Input.Email"));
        Assert.Null(page.QuerySelector("#link-delivery"));
    }

    [Fact]
    public async Task CoordinatorsAndFocalPointsMustBelongToOneOfTheTwoSides()
    {
        var international = await factory.WithDbAsync(async db =>
        {
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind).Select(t => t.Id).FirstAsync();
            var organisation = new Organisation { KindId = kind, Country = null, Name = new LocalizedText($"Tổ chức quốc tế thử {Unique()}") };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        var admin = await AdminAsync();

        var coordinator = await InviteAsync(admin, $"intl-coordinator-{Unique()}@test.example", "International Coordinator", international, Role.Coordinator);
        var reader = await InviteAsync(admin, $"intl-reader-{Unique()}@test.example", "International Reader", international, Role.Reader);

        Assert.Contains("phía Việt Nam hoặc phía Lào", coordinator.ErrorFor("Input.Role"));
        Assert.NotNull(reader.QuerySelector("#link-delivery"));
    }

    [Fact]
    public async Task ChangingTheRoleEndsTheAccountsSessionsAtOnceAndIsRecordedWithBeforeAndAfter()
    {
        var (user, account) = await factory.SignedInAsync(Role.Reader, redirects: false);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/account/password")).StatusCode);

        var saved = await (await SaveAsync(await AdminAsync(), account.Id, new() { ["Input.Role"] = "FocalPoint" })).PageAsync();

        Assert.NotNull(saved.QuerySelector("#saved"));
        Assert.Equal(Role.FocalPoint, (await factory.AccountAsync(account.Id)).Role);
        await AssertSignedOutAsync(user);
        var changed = Assert.Single(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.RoleChanged);
        Assert.StartsWith("Role: Reader → FocalPoint", changed.Detail);
    }

    [Fact]
    public async Task ChangingTheOrganisationMovesTheAccountToThatOrganisationsSide()
    {
        var (user, account) = await factory.SignedInAsync(Role.Reader, redirects: false);
        var lao = await factory.OrganisationIdAsync("la-mlsw");

        await SaveAsync(await AdminAsync(), account.Id, new() { ["Input.OrganisationId"] = lao.ToString() });

        var saved = await factory.AccountAsync(account.Id);
        Assert.Equal((lao, "LA"), (saved.OrganisationId, saved.Country));
        await AssertSignedOutAsync(user);
        var changed = Assert.Single(await factory.EventsAsync(account.Id), e => e.Kind == SecurityEventKind.AccountChanged);
        Assert.Contains("Side: VN → LA", changed.Detail);
        Assert.Contains($"(#{lao})", changed.Detail);
    }

    [Fact]
    public async Task DisablingAnAccountEndsItsSessionsAndEnablingItLetsItSignInAgain()
    {
        var (user, account) = await factory.SignedInAsync(Role.Reader, redirects: false);
        var admin = await AdminAsync();

        await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#disable-form");

        Assert.True((await factory.AccountAsync(account.Id)).IsDisabled);
        await AssertSignedOutAsync(user);
        var page = await admin.GetPageAsync($"/admin/accounts/{account.Id}");
        Assert.NotNull(page.QuerySelector("#status-disabled"));

        await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#enable-form");

        Assert.False((await factory.AccountAsync(account.Id)).IsDisabled);
        await factory.NewClient().SignInAsync(account);
        var events = (await factory.EventsAsync(account.Id)).Select(e => e.Kind).ToList();
        Assert.Contains(SecurityEventKind.AccountDisabled, events);
        Assert.Contains(SecurityEventKind.AccountEnabled, events);
    }

    [Fact]
    public async Task AnAdministratorCannotDemoteOrDisableThemselves()
    {
        var (me, account) = await factory.SignedInAsync(Role.Administrator);

        var demoted = await (await SaveAsync(me, account.Id, new() { ["Input.Role"] = "Reader" })).PageAsync();
        var disabled = await (await me.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#disable-form")).PageAsync();

        Assert.Equal("Bạn không thể tự thay đổi vai trò quản trị viên của chính mình. Hãy nhờ một quản trị viên khác.", demoted.ErrorFor("Input.Role"));
        Assert.Contains("Bạn không thể vô hiệu hóa tài khoản của chính mình.", disabled.Text("#error-summary"));
        var saved = await factory.AccountAsync(account.Id);
        Assert.Equal((Role.Administrator, false), (saved.Role, saved.IsDisabled));
    }

    [Fact]
    public async Task TheSecondOfTwoAdministratorsSavingTheSameAccountIsRefused()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var admin = await AdminAsync();
        var loaded = await admin.GetPageAsync($"/admin/accounts/{account.Id}");
        var stamp = loaded.QuerySelector("input[name='Input.ConcurrencyStamp']")!.GetAttribute("value");

        await SaveAsync(admin, account.Id, new() { ["Input.DisplayName"] = "Saved first" });
        var second = await (await SaveAsync(admin, account.Id, new() { ["Input.DisplayName"] = "Saved second", ["Input.ConcurrencyStamp"] = stamp })).PageAsync();

        Assert.Contains("vừa được người khác sửa", second.Text("#error-summary"));
        Assert.Equal("Saved first", (await factory.AccountAsync(account.Id)).DisplayName);
    }

    [Fact]
    public async Task AnAdministratorSeesTheOpenSessionsOfAnAccountAndEndsThemAll()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var office = factory.NewClient(redirects: false);
        await office.SignInAsync(account);
        var home = factory.NewClient(redirects: false);
        await home.SignInAsync(account);
        var admin = await AdminAsync();
        var page = await admin.GetPageAsync($"/admin/accounts/{account.Id}");
        Assert.Equal(2, page.QuerySelectorAll("#sessions tbody tr").Length);

        var ended = await (await admin.SubmitFormAsync($"/admin/accounts/{account.Id}", new Dictionary<string, string?>(), "#end-sessions-form")).PageAsync();

        Assert.NotNull(ended.QuerySelector("#no-sessions"));
        await AssertSignedOutAsync(office);
        await AssertSignedOutAsync(home);
    }

    [Fact]
    public async Task TheListFiltersBySideRoleStatusAndByNameTypedWithoutDiacritics()
    {
        var tag = Unique();
        var hong = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var bounmy = await factory.CreateAccountAsync(Role.FocalPoint, TestAccounts.LaoCooperation, twoFactor: false);
        var duc = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        await factory.WithDbAsync(async db =>
        {
            await db.Users.Where(a => a.Id == hong.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisplayName, $"Đào Thị Hồng {tag}"));
            await db.Users.Where(a => a.Id == bounmy.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisplayName, $"Bounmy Đào {tag}"));
            await db.Users.Where(a => a.Id == duc.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.DisplayName, $"Nguyễn Đức {tag}").SetProperty(a => a.IsDisabled, true));
        });
        var admin = await AdminAsync();
        async Task<int[]> Shown(string query) =>
            [.. (await admin.GetPageAsync($"/admin/accounts?{query}")).QuerySelectorAll("tr[data-account]").Select(r => int.Parse(r.GetAttribute("data-account")!)).Order()];

        Assert.Equal([hong.Id, bounmy.Id, duc.Id], await Shown($"q={tag}"));
        Assert.Equal([hong.Id], await Shown($"q=dao thi hong {tag}"));
        Assert.Equal([bounmy.Id], await Shown($"side=LA&q={tag}"));
        Assert.Equal([bounmy.Id], await Shown($"role=FocalPoint&q={tag}"));
        Assert.Equal([duc.Id], await Shown($"status=disabled&q={tag}"));
        Assert.Equal([hong.Id, bounmy.Id], await Shown($"status=active&q={tag}"));
        var row = (await admin.GetPageAsync($"/admin/accounts?side=LA&q={tag}")).QuerySelector($"tr[data-account='{bounmy.Id}']")!.TextContent;
        Assert.Contains("Lào", row);
        Assert.Contains("Cán bộ đầu mối", row);
        Assert.Contains(bounmy.Email, row);
    }

    [Fact]
    public async Task TheListShowsFiftyAccountsAPageAndTheRestOnTheNext()
    {
        var tag = Unique();
        var organisation = await factory.OrganisationIdAsync("vn-molisa");
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 51; i++)
                db.Users.Add(new Account
                {
                    UserName = $"many{i}-{tag}@test.example", Email = $"many{i}-{tag}@test.example", NormalizedEmail = $"MANY{i}-{tag}@TEST.EXAMPLE",
                    NormalizedUserName = $"MANY{i}-{tag}@TEST.EXAMPLE", DisplayName = $"Many {i:00} {tag}", OrganisationId = organisation, Country = "VN",
                    Role = Role.Reader, SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTime.UtcNow,
                });
            await db.SaveChangesAsync();
        });
        var admin = await AdminAsync();

        var first = await admin.GetPageAsync($"/admin/accounts?q={tag}");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await admin.GetPageAsync(next);

        Assert.Equal(50, first.QuerySelectorAll("tr[data-account]").Length);
        Assert.Equal($"Many 00 {tag}", first.QuerySelector("tr[data-account] a")!.TextContent);
        Assert.Equal([$"Many 50 {tag}"], second.QuerySelectorAll("tr[data-account] a").Select(a => a.TextContent));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task OnlyAdministratorsReachAccountAdministrationAndAnonymousVisitorsAreSentToSignIn()
    {
        var account = await factory.CreateAccountAsync(Role.Reader, twoFactor: false);
        var coordinator = await factory.CoordinatorAsync(redirects: false);
        var reader = await factory.ClientAsync(Role.Reader, redirects: false);
        var anonymous = factory.NewClient(redirects: false);

        foreach (var url in new[] { "/admin/accounts", "/admin/accounts/invite", $"/admin/accounts/{account.Id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync(url)).StatusCode);
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        }
        Assert.Equal(HttpStatusCode.OK, (await (await AdminAsync()).GetAsync("/admin/accounts")).StatusCode);
    }
}

public sealed class AccountAdminOnSqlite(SqliteFactory factory) : AccountAdminTests(factory), IClassFixture<SqliteFactory>;
public sealed class AccountAdminOnPostgres(PostgresFactory factory) : AccountAdminTests(factory), IClassFixture<PostgresFactory>;
