using System.Security.Cryptography;

namespace Concord.Shared;

// The headers every response carries: pages, the API, error pages, static files and redirects alike.
// They are added when the response starts rather than when the request comes in, because the
// exception handler clears the headers of a response it replaces with the error page.
public static class SecurityHeaders
{
    // No inline script or style anywhere: an injected <script> or style="..." does nothing. Pages load
    // their scripts and styles from wwwroot; htmx is told not to inject its indicator style (_Layout).
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // A year, subdomains included: a ministry's Concord is served over HTTPS only.
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    const string StyleNonceKey = "Concord.StyleNonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = http.Items[StyleNonceKey] is string nonce
                    ? ContentSecurityPolicy.Replace("style-src 'self'", $"style-src 'self' 'nonce-{nonce}'")
                    : ContentSecurityPolicy;
                // Read when the response starts, so that a request forwarded by a known proxy from an
                // HTTPS client counts as HTTPS (ForwardedHeaders has set the scheme by then).
                if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                headers.XContentTypeOptions = "nosniff";
                // The origin is enough for another site to know where a visitor came from; the path of a
                // record (an id, a search for a person's name) stays inside Concord. no-referrer would also
                // hide the origin from Concord itself, which sends the Referer to its own pages only.
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // frame-ancestors 'none' says the same to current browsers; this is for older ones.
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // What the API tells one signed-in user (records of their side only, their tokens) is not kept by
                // a browser's or a proxy's cache for the next user of the computer.
                if (http.Request.Path.StartsWithSegments("/api") && http.User.Identity?.IsAuthenticated == true)
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(http);
        });

    // A page whose third-party script injects its own <style> element (the API reference: Scalar reads
    // the nonce from <meta property="csp-nonce">) allows that one element by a nonce, new on every
    // response, instead of allowing inline style for everyone.
    public static string StyleNonce(HttpContext http)
    {
        if (http.Items[StyleNonceKey] is not string nonce)
            http.Items[StyleNonceKey] = nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        return nonce;
    }
}
