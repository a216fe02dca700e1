using System.Threading.RateLimiting;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.RateLimiting;

namespace Concord.Features.Accounts;

public sealed class RateLimitOptions
{
    // Sign-in attempts (password, code) per address per minute. A ministry's office may reach Concord
    // through one address, so this stops scripted guessing rather than a busy morning; lockout guards each account.
    public int SignInPerMinute { get; set; } = 30;
    // API calls per account (or address, for anonymous calls) per minute.
    public int ApiPerMinute { get; set; } = 300;
}

// Guessing passwords and hammering the API are slowed at the door: past the limit, 429 and a security event.
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Api = "api";

    public static IServiceCollection AddConcordRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var user = CurrentUser.From(http.User);
                var request = $"{http.Request.Method} {http.Request.Path}";
                // One security event per client and limit per minute; the rest of a scan is a count (RateLimitRefusal).
                var limit = http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "other";
                var client = limit == Api && user.AccountId is { } id ? $"{limit} account {id}" : $"{limit} {http.Connection.RemoteIpAddress?.ToString() ?? "local"}";
                int count;
                using (var scope = http.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateScope())
                    count = await RateLimitRefusal.CountAsync(scope.ServiceProvider.GetRequiredService<Concord.Data.ConcordDb>(),
                        client, request, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
                if (count == 1)
                    await http.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(SecurityEventKind.RateLimited, user.AccountId, null, request);
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A script gets problem details it can read; a browser gets the error page in its
                // language (the status code page, /error/429, since nothing is written here).
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var t = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>();
                    await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = t["Error.RateLimitedTitle"], Detail = t["Error.RateLimitedMessage"] },
                    });
                }
            };
            // Only attempts count (POST); showing the form does not.
            o.AddPolicy(SignIn, http => HttpMethods.IsGet(http.Request.Method) ? RateLimitPartition.GetNoLimiter("show") : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.SignInPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(Api, http => RateLimitPartition.GetFixedWindowLimiter(
                CurrentUser.From(http.User).AccountId?.ToString() ?? http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.ApiPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}
