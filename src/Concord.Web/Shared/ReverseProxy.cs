using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Concord.Shared;

// Behind a reverse proxy (nginx, IIS, a load balancer) that ends TLS, Concord sees the proxy's address and
// plain HTTP. X-Forwarded-For and X-Forwarded-Proto give back the client's address (for rate limits and the
// security log) and the scheme (for HSTS and Secure cookies), but anyone can send those headers: they are
// believed only from the addresses listed in ForwardedHeaders:KnownProxies (comma-separated), and not at
// all when none is listed, which is the default.
public static class ReverseProxy
{
    public static IServiceCollection AddConcordReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies, not the loopback addresses ASP.NET trusts by default.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(configuration)) o.KnownProxies.Add(proxy);
        });
        return services;
    }

    public static IApplicationBuilder UseConcordReverseProxy(this IApplicationBuilder app, IConfiguration configuration) =>
        KnownProxies(configuration).Length > 0 ? app.UseForwardedHeaders() : app;

    static IPAddress[] KnownProxies(IConfiguration configuration) =>
        (configuration["ForwardedHeaders:KnownProxies"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => IPAddress.TryParse(p, out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{p}' is not an IP address."))
            .ToArray();
}
