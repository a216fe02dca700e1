using System.Security.Claims;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts.Self;

// The language an official chose on the account page wins over the language cookie and the browser, so
// that Concord speaks it on every computer they sign in from; ?culture= still overrides it for one
// request. It travels in the session cookie as a claim (set at sign-in), so no request pays a query for it.
public sealed class AccountLanguageProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
    {
        // Localization runs before authentication and for static files too, so the cookie is read here
        // without asking the database; the pages still validate the session itself. A language taken
        // from a cookie whose session has just ended does no harm.
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(AccountsSetup.SessionScheme);
        var cookie = options.Cookie.Name is { } name ? options.CookieManager.GetRequestCookie(http, name) : null;
        var language = string.IsNullOrEmpty(cookie) ? null : options.TicketDataFormat.Unprotect(cookie)?.Principal?.FindFirstValue(ConcordClaims.Language);
        return Task.FromResult(string.IsNullOrEmpty(language) ? null : new ProviderCultureResult(language));
    }
}

public static class AccountLanguage
{
    // Saves the choice (null: follow the browser) and puts it in this session's cookie at once. The
    // account's other sessions take it at their next sign-in.
    public static async Task SaveAsync(HttpContext http, ConcordDb db, int accountId, string? language)
    {
        var account = await db.Users.SingleAsync(a => a.Id == accountId);
        if (account.Language != language)
        {
            account.Language = language;
            await db.SaveChangesAsync();
        }
        if (http.User.FindFirstValue(ConcordClaims.Session) is null || http.User.FindFirstValue(ConcordClaims.Language) == language) return;
        var claims = http.User.Claims.Where(c => c.Type != ConcordClaims.Language).ToList();
        if (language is not null) claims.Add(new Claim(ConcordClaims.Language, language));
        await http.SignInAsync(AccountsSetup.SessionScheme, new ClaimsPrincipal(new ClaimsIdentity(claims, AccountsSetup.SessionScheme)));
    }

    // The language links in the header. For an account that chose a language, the link changes that
    // choice: otherwise the choice would win over the link's cookie and the link would seem broken.
    public static async Task FollowSwitchAsync(HttpContext http, string culture)
    {
        if (CurrentUser.From(http.User).AccountId is not { } accountId) return;
        if (http.User.FindFirstValue(ConcordClaims.Language) is not { } chosen || chosen == culture) return;
        await SaveAsync(http, http.RequestServices.GetRequiredService<ConcordDb>(), accountId, culture);
    }
}
