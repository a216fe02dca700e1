using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Audit;

// Writes a security event in a scope of its own, so that it is saved whatever becomes of the request's
// own changes (a refused save, a failed sign-in) and never saves them by accident.
public sealed class SecurityLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock)
{
    // A signed-in user refused by a policy, a handler's policy or a resource rule (a report of the other side).
    public Task RecordDeniedAsync(HttpContext context) =>
        RecordAsync(SecurityEventKind.AccessDenied, Concord.Shared.CurrentUser.From(context.User).AccountId, null, $"{context.Request.Method} {context.Request.Path}");

    public async Task RecordAsync(SecurityEventKind kind, int? accountId, string? userName, string? detail = null)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        // The e-mail as it was at the time, so the log reads (and filters) the same after the account changes.
        if (userName is null && accountId is not null)
            userName = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.Email).SingleOrDefaultAsync();
        db.SecurityEvents.Add(new SecurityEvent
        {
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            AccountId = accountId,
            UserName = userName is { Length: > 256 } ? userName[..256] : userName,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
        });
        await db.SaveChangesAsync();
    }
}
