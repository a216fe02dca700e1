using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Concord.Shared;

// The one seam for the reader's language: Vietnamese by default, English and Lao available.
// Chosen by ?culture=, then the signed-in account's choice, then the cookie, then the browser
// ("lo-LA" falls back to "lo").
public static class Cultures
{
    public const string Default = "vi";
    public static readonly string[] Supported = ["vi", "en", "lo"];

    public static IServiceCollection AddConcordCultures(this IServiceCollection services) =>
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Default);
            o.AddSupportedCultures(Supported);
            o.AddSupportedUICultures(Supported);
            o.FallBackToParentCultures = true;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new Concord.Features.Accounts.Self.AccountLanguageProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    // POST /culture/en (returnUrl=/meetings in the form): remembers the choice in a cookie, and for an
    // account that chose a language saves the new one, then goes back. Open to everyone: the picker is on
    // every page, the sign-in page included. A POST with the page's antiforgery token, not a GET: a link or
    // an image on another site must not change what an account saved. ?culture= changes one request only.
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/culture/{culture}", async (string culture, HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http)) return Results.BadRequest();
            if (!Supported.Contains(culture)) return Results.NotFound();
            var returnUrl = (await http.Request.ReadFormAsync()).TryGetValue("returnUrl", out var value) ? value.ToString() : null;
            await Concord.Features.Accounts.Self.AccountLanguage.FollowSwitchAsync(http, culture);
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
            return Results.LocalRedirect(ReturnUrls.Local(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
