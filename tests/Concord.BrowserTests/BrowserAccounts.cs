using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OtpNet;

namespace Concord.BrowserTests;

// An official's account made through the server's own services, and a sign-in through the pages as
// the official would do it: e-mail, password, then the code the authenticator app shows.
public sealed record BrowserAccount(string Email, string Password, string? AuthenticatorKey);

public static class BrowserAccounts
{
    public static async Task<BrowserAccount> CreateAccountAsync(this ConcordServer server, Role role, string organisationKey, bool twoFactor)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var organisation = await db.Organisations.Where(o => o.Key == organisationKey).Select(o => new { o.Id, o.Country }).SingleAsync();
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..8]}@browser.example";
        const string password = "lanterns over the mekong at dusk";
        var account = new Account
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Browser {role}",
            OrganisationId = organisation.Id, Country = organisation.Country ?? "", Role = role, CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        string? key = null;
        if (twoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        return new BrowserAccount(email, password, key);
    }

    public static async Task SignInAsync(this IPage page, BrowserAccount account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("[name='Input.Email']", account.Email);
        await page.FillAsync("[name='Input.Password']", account.Password);
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        if (account.AuthenticatorKey is { } key)
        {
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
            await page.FillAsync("[name='Code']", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow));
            await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        }
        await Assertions.Expect(page.Locator("#signed-in-as")).ToBeVisibleAsync();
    }
}
