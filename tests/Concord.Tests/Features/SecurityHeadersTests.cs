using System.Net;
using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Errors;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Features;

// The browser's defences Concord switches on: the same headers on every kind of response, cookies
// scripts cannot read and other sites cannot send, and a token on every form.
public abstract class SecurityHeadersTests(ConcordFactory factory)
{
    static void AssertHardened(HttpResponseMessage response, bool https = true)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
            : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");
        var csp = Header("Content-Security-Policy");
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Contains("camera=()", Header("Permissions-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        if (https) Assert.Equal("max-age=31536000; includeSubDomains", Header("Strict-Transport-Security"));
    }

    [Fact]
    public async Task APageCarriesTheSecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task TheNotFoundPageCarriesTheSecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/meetings/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType!.ToString());
        AssertHardened(response);
    }

    [Fact]
    public async Task TheErrorPageOfAnUnexpectedFailureCarriesTheSecurityHeaders()
    {
        // A request that fails after Concord's whole pipeline has run, as a bug in a page would.
        await using var failing = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new FailingPath())));
        // Signed in: a path no endpoint serves sends an anonymous visitor to the sign-in page first.
        var client = failing.NewClient();
        await client.SignInAsync(await failing.CreateAccountAsync(Role.Reader));
        var response = await client.GetAsync("/test/fails");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Đã xảy ra lỗi", page.QuerySelector("h1")!.TextContent);
        AssertHardened(response);
    }

    [Fact]
    public async Task AStaticFileCarriesTheSecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/css/concord.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        AssertHardened(response);
    }

    [Fact]
    public async Task AnApiResponseCarriesTheSecurityHeaders()
    {
        var response = await factory.NewClient().GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        AssertHardened(response);
    }

    [Fact]
    public async Task ARedirectToSignInCarriesTheSecurityHeaders()
    {
        var response = await factory.NewClient(redirects: false).GetAsync("/meetings/new");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in", response.Headers.Location!.ToString());
        AssertHardened(response);
    }

    [Fact]
    public async Task StrictTransportSecurityIsSentOverHttpsOnly()
    {
        var https = await factory.NewClient().GetAsync("/");
        Assert.True(https.Headers.Contains("Strict-Transport-Security"));
        var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost") });
        var http = await plain.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        AssertHardened(http, https: false);
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheApiReferenceLoadsScalarFromConcordWithANonceForItsStylesheetOnly()
    {
        var client = factory.NewClient();
        var response = await client.GetAsync("/api/reference");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var nonce = page.QuerySelector("meta[property=csp-nonce]")!.GetAttribute("content");
        Assert.Contains($"style-src 'self' 'nonce-{nonce}';", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("/openapi/v1.json", page.QuerySelector("#api-reference")!.GetAttribute("data-url"));
        Assert.Equal("/api/reference/scalar.js", page.QuerySelector("script[src]")!.GetAttribute("src"));
        // The script comes from the package, served by Concord, and the package's own page is not served.
        var script = await client.GetAsync("/api/reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reference/v1")).StatusCode);
        // Another response gets a nonce of its own.
        var again = await Html.ParseAsync(await client.GetStringAsync("/api/reference"));
        Assert.NotEqual(nonce, again.QuerySelector("meta[property=csp-nonce]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task CookiesSetAlongTheSignInAreSecureHttpOnlyAndSameSite()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var client = factory.NewClient(redirects: false);
        var cookies = new List<string>();
        var signInPage = await client.GetAsync("/account/sign-in");
        cookies.AddRange(signInPage.Headers.GetValues("Set-Cookie"));
        var password = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = account.Email, ["Input.Password"] = account.Password });
        cookies.AddRange(password.Headers.GetValues("Set-Cookie"));
        var code = await client.SubmitFormAsync(password.Headers.Location!.ToString(), new Dictionary<string, string?> { ["Code"] = account.NextCode() });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        cookies.AddRange(code.Headers.GetValues("Set-Cookie"));

        // __Host-: a browser keeps such a cookie only when it is Secure, for path / and no domain, so a
        // neighbouring subdomain cannot plant or overwrite it (issue 10, finding 6).
        Assert.Contains(cookies, c => c.StartsWith("__Host-concord.session="));
        Assert.Contains(cookies, c => c.StartsWith("__Host-concord.pending="));
        Assert.Contains(cookies, c => c.StartsWith("__Host-concord.antiforgery="));
        foreach (var cookie in cookies.Where(c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)))
        {
            var attributes = cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("path=/"), $"not for path /: {cookie}");
            Assert.False(attributes.Any(a => a.StartsWith("domain=")), $"has a domain: {cookie}");
            Assert.True(attributes.Contains("secure"), $"not Secure: {cookie}");
            Assert.True(attributes.Contains("httponly"), $"not HttpOnly: {cookie}");
            Assert.True(attributes.Any(a => a is "samesite=lax" or "samesite=strict"), $"no SameSite: {cookie}");
        }
    }

    // A developer's http://localhost: the __Host- cookies are Secure there too (browsers accept Secure
    // cookies from localhost), and the forms still get their token instead of an error.
    [Fact]
    public async Task OnPlainHttpLocalhostInDevelopmentTheFormsGetASecureHostCookie()
    {
        await using var development = factory.WithWebHostBuilder(b => b.UseEnvironment("Development"));
        var client = development.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var page = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-concord.antiforgery=")).ToLowerInvariant();
        Assert.Contains("; secure", cookie);
        Assert.Contains("path=/", cookie);
        Assert.DoesNotContain("domain=", cookie);
    }

    [Fact]
    public async Task EveryFormRefusesAPostWithoutItsAntiforgeryToken()
    {
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = factory.NewClient(redirects: false),
            ["between password and code"] = await PendingClientAsync(),
            ["coordinator"] = await factory.CoordinatorAsync(redirects: false),
            ["administrator"] = await factory.ClientAsync(Role.Administrator, redirects: false),
        };
        var pages = await PageEndpoints.AllAsync(factory);
        // The error page shows an error for whatever request failed, a POST included; it has no form and changes nothing.
        var forms = pages.Where(p => p.ModelType != typeof(ErrorModel)).SelectMany(p => p.PostHandlers.Select(h => (p.Url, Handler: h))).ToList();
        Assert.True(forms.Count >= 10, $"only {forms.Count} POST handlers found");

        var failures = new List<string>();
        foreach (var (url, handler) in forms)
        {
            var target = handler is null ? url : $"{url}?handler={handler}";
            var refused = false;
            foreach (var (who, client) in clients)
            {
                // Cookies, a form's fields, but no __RequestVerificationToken: what another site could make a browser send.
                var response = await client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "x" }));
                var status = (int)response.StatusCode;
                if (status == 400) refused = true;
                else if (status is >= 200 and < 300 || (status is >= 300 and < 400 && !response.Headers.Location!.ToString().Contains("/account/sign-in")))
                    failures.Add($"POST {target} as {who}: {status} {response.Headers.Location}");
            }
            if (!refused) failures.Add($"POST {target}: no client got 400");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task NoPageHasInlineScriptStyleOrEventHandlers()
    {
        var coordinator = await factory.CoordinatorAsync(redirects: false);
        var administrator = await factory.ClientAsync(Role.Administrator, redirects: false);
        var checkedPages = new List<string>();
        var failures = new List<string>();
        foreach (var page in await PageEndpoints.AllAsync(factory))
        {
            var response = await coordinator.GetAsync(page.Url);
            if (response.StatusCode is HttpStatusCode.Forbidden) response = await administrator.GetAsync(page.Url);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound)) continue;
            checkedPages.Add(page.Url);
            var html = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            foreach (var element in html.QuerySelectorAll("*"))
            {
                if (element.LocalName == "script" && element.GetAttribute("src") is null && element.GetAttribute("type") != "application/json")
                    failures.Add($"{page.Url}: inline <script>");
                if (element.LocalName == "style") failures.Add($"{page.Url}: <style> element");
                foreach (var attribute in element.Attributes)
                {
                    if (attribute.Name == "style") failures.Add($"{page.Url}: style=\"{attribute.Value}\" on <{element.LocalName}>");
                    if (attribute.Name.StartsWith("on")) failures.Add($"{page.Url}: {attribute.Name} on <{element.LocalName}>");
                    if (attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)) failures.Add($"{page.Url}: javascript: URL");
                }
            }
        }
        Assert.True(checkedPages.Count >= 20, $"only {checkedPages.Count} pages could be read: {string.Join(", ", checkedPages)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
    }

    [Fact]
    public async Task ForwardedHeadersAreBelievedOnlyFromAConfiguredProxy()
    {
        // Concord behind a proxy at 10.0.0.5 that ends TLS; the client is 203.0.113.7.
        await using var proxied = factory.WithWebHostBuilder(b => b
            .UseSetting("ForwardedHeaders:KnownProxies", "10.0.0.9, 10.0.0.5")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ConnectionFrom("10.0.0.5"))));
        var (hsts, address) = await ForwardedRequestAsync(proxied);
        Assert.True(hsts);
        Assert.Equal("203.0.113.7", address);

        // The same headers from an address not listed, or with no proxy configured (the default), change nothing.
        await using var spoofed = factory.WithWebHostBuilder(b => b
            .UseSetting("ForwardedHeaders:KnownProxies", "10.0.0.5")
            .ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ConnectionFrom("10.0.0.6"))));
        Assert.Equal((false, "10.0.0.6"), await ForwardedRequestAsync(spoofed));
        await using var direct = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new ConnectionFrom("10.0.0.5"))));
        Assert.Equal((false, "10.0.0.5"), await ForwardedRequestAsync(direct));
    }

    // A plain-HTTP request saying it was forwarded from an HTTPS client at 203.0.113.7, with a token that
    // does not exist: whether HSTS came back (the request counted as HTTPS), and the address the
    // security log recorded for the refused token.
    async Task<(bool Hsts, string? Address)> ForwardedRequestAsync(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var unknown = $"cnc_{Guid.NewGuid():N}";
        var since = DateTime.UtcNow.AddSeconds(-1);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", unknown);
        var response = await client.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var address = await factory.WithDbAsync(db => db.SecurityEvents
            .Where(e => e.Kind == Concord.Features.Audit.SecurityEventKind.TokenRefused && e.At >= since)
            .OrderByDescending(e => e.Id).Select(e => e.IpAddress).FirstAsync());
        return (response.Headers.Contains("Strict-Transport-Security"), address);
    }

    // TestServer has no network connection; this gives requests the address a proxy would have.
    sealed class ConnectionFrom(string address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext http, RequestDelegate following) =>
            {
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address);
                return following(http);
            });
            next(app);
        };
    }

    // A browser that has given a correct password and not yet its code.
    async Task<HttpClient> PendingClientAsync()
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator);
        var client = factory.NewClient(redirects: false);
        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = account.Email, ["Input.Password"] = account.Password });
        Assert.Contains("/account/two-factor", response.Headers.Location!.ToString());
        return client;
    }

    sealed class FailingPath : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext http, RequestDelegate following) =>
                http.Request.Path == "/test/fails" ? throw new InvalidOperationException("A failure for the test.") : following(http));
        };
    }
}

public sealed class SecurityHeadersOnSqlite(SqliteFactory factory) : SecurityHeadersTests(factory), IClassFixture<SqliteFactory>;
public sealed class SecurityHeadersOnPostgres(PostgresFactory factory) : SecurityHeadersTests(factory), IClassFixture<PostgresFactory>;
