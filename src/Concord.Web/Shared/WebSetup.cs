using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Concord.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Concord.Shared;

public static class WebSetup
{
    public static IServiceCollection AddConcordWeb(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        // No "Server: Kestrel": it tells a scanner what to try, and nobody else needs it.
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        // Razor would otherwise escape every Vietnamese and Lao letter as &#x...; in the HTML.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddSingleton(_ => StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features")));
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        // One catalogue for the whole app, so pages, handlers and views just ask for IStringLocalizer.
        services.AddSingleton<IStringLocalizer>(sp => sp.GetRequiredService<IStringLocalizerFactory>().Create(typeof(Program)));
        services.AddConcordCultures();
        services.AddMemoryCache();
        // Before MVC's own, which it adds only when none is registered (see FieldLimits.cs).
        services.AddSingleton<Microsoft.AspNetCore.Mvc.DataAnnotations.IValidationAttributeAdapterProvider, FieldLimitAdapterProvider>();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddDataAnnotationsLocalization()
            .AddViewLocalization();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.IHtmlGenerator, FieldLimitsHtmlGenerator>();
        // A value that cannot be read as its field's type (letters in a number field) gets a message in the
        // reader's language beside the field, like every other error, not ASP.NET's English default.
        services.AddOptions<MvcOptions>().Configure<IStringLocalizer>((o, t) =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => t["Validation.NotValid"]);
            m.SetUnknownValueIsInvalidAccessor(_ => t["Validation.NotValid"]);
            m.SetValueIsInvalidAccessor(_ => t["Validation.NotValid"]);
            m.SetValueMustBeANumberAccessor(_ => t["Validation.NotValid"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => t["Validation.NotValid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.NotValid"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.NotValid"]);
            m.SetValueMustNotBeNullAccessor(_ => t["Validation.Required"]);
        });
        services.AddProblemDetails();
        // A __Host- name, like the session's. SameAsRequest here, because with Always antiforgery throws on
        // every form over plain HTTP (a developer's http://localhost); the cookie policy in UseConcordWeb
        // marks it Secure on every response, which browsers accept from localhost too.
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "__Host-concord.antiforgery";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddConcordReverseProxy();
        services.AddConcordCompression();
        return services;
    }

    // Pages and API answers compressed (Brotli, else gzip) on HTTPS too; static files are compressed at build time
    // and served as such by MapStaticAssets. The fastest level: on a 2-core server the CPU is scarcer than the
    // bytes, and it already shrinks a page of Vietnamese and Lao about sixfold.
    //
    // BREACH (a secret in a compressed HTTPS response guessed from its length, with attacker text reflected beside
    // it) was weighed: the secret on Concord's pages is the antiforgery token, which ASP.NET Core masks with a new
    // random value on every response, so no two responses carry it alike and the lengths give nothing to compare;
    // session cookies are never in a body. Search reflects the query, but beside no secret but that masked token.
    static IServiceCollection AddConcordCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/problem+json", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseConcordWeb(this WebApplication app)
    {
        // First, so that every response gets them, errors and static files included. HSTS is sent there
        // on every HTTPS response (UseHsts would leave out localhost, and the tests run on it).
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseConcordReverseProxy(app.Configuration);
        // Every cookie Concord sets is Secure, on http://localhost as well (see AddAntiforgery above).
        app.UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseRequestLocalization();
        app.UseDatabaseUnavailableAnswers();
        app.UseMalformedInputAnswers();
        app.UseRouting();
        app.UseAuthentication();
        // An address nothing answers is "not found" to a visitor who is not signed in too, not a sign-in page:
        // the fallback policy (sign in first) guards Concord's own pages, and a mistyped link, /favicon.ico on a
        // browser that asks elsewhere, or a scanner should hear 404. A signed-in request goes on as before.
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is not null || context.User.Identity?.IsAuthenticated == true) return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        app.UseTokenRefusal();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseQueryValues();
        app.UseAntiforgery();
        // wwwroot as endpoints: fingerprinted names (the layout's links point at them), the Brotli and gzip copies
        // made at publish, ETags, and a year's immutable caching of fingerprinted names. Anyone may fetch them:
        // the sign-in page needs its style sheet before anyone is signed in.
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapCultureSwitch();
        return app;
    }
}
