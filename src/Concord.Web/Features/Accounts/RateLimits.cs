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
                var user = CurrentUser.From(context.HttpContext.User);
                await context.HttpContext.RequestServices.GetRequiredService<SecurityLog>()
                    .RecordAsync(SecurityEventKind.RateLimited, user.AccountId, null, $"{context.HttpContext.Request.Method} {context.HttpContext.Request.Path}");
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
