using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Concord.BrowserTests;

// An official's account, made through the server's own services as an administrator's invitation would
// end, with a second factor; and signing in with it through the pages, typing the code an authenticator shows.
public sealed record BrowserAccount(string Email, string Password, string AuthenticatorKey);

public static class BrowserAccounts
{
    public static async Task<BrowserAccount> CreateAsync(this ConcordServer server, Role role, string organisationKey)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var organisation = await db.Organisations.Where(o => o.Key == organisationKey).Select(o => new { o.Id, o.Country }).SingleAsync();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@browser.test";
        var password = "a long walk along the Mekong at dusk";
        var account = new Account
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Browser {role}",
            OrganisationId = organisation.Id, Country = organisation.Country ?? "", Role = role, CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.ResetAuthenticatorKeyAsync(account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return new BrowserAccount(email, password, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    public static async Task SignInAsync(this IPage page, BrowserAccount account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("[name='Input.Email']", account.Email);
        await page.FillAsync("[name='Input.Password']", account.Password);
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
        var code = new Totp(Base32Encoding.ToBytes(account.AuthenticatorKey)).ComputeTotp(DateTime.UtcNow);
        await page.FillAsync("[name='Code']", code);
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/"));
    }
}
