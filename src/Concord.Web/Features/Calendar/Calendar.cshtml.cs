using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Calendar;

// /account/calendar: the public feed's address, and this account's secret feed address: make one (shown once,
// kept only as a hash; a new one revokes the old), or revoke it.
[Authorize(Policy = Access.SignedIn)]
public class CalendarModel(ConcordDb db, CurrentUser user, SecurityLog log, IOptions<AccountLinkOptions> links, IServer server, IConfiguration configuration) : PageModel
{
    public string PublicAddress => Root + "/calendar/public.ics";
    // The new address, on the response to its creation only.
    public string? NewAddress { get; private set; }
    public Feed? Current { get; private set; }

    public sealed record Feed(int Id, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt);

    string Root => links.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : AccountLinks.ServerRoot(server, configuration);

    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context) =>
        Response.Headers.CacheControl = "no-store";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        await RevokeAllAsync(now, ct);
        var (token, prefix) = CalendarFeed.Generate();
        db.CalendarFeeds.Add(new CalendarFeed { AccountId = user.AccountId!.Value, Hash = CalendarFeed.HashOf(token), Prefix = prefix, CreatedAt = now });
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityEventKind.TokenCreated, user.AccountId, user.Name, $"calendar feed {prefix}");
        NewAddress = $"{Root}/calendar/feed/{token}.ics";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await RevokeAllAsync(db.Clock.GetUtcNow().UtcDateTime, ct);
        return RedirectToPage();
    }

    async Task RevokeAllAsync(DateTime now, CancellationToken ct)
    {
        var revoked = await db.CalendarFeeds.Where(f => f.AccountId == user.AccountId && f.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.RevokedAt, now), ct);
        if (revoked > 0) await log.RecordAsync(SecurityEventKind.TokenRevoked, user.AccountId, user.Name, "calendar feed");
    }

    async Task LoadAsync(CancellationToken ct) =>
        Current = await db.CalendarFeeds.AsNoTracking().Where(f => f.AccountId == user.AccountId && f.RevokedAt == null)
            .OrderByDescending(f => f.Id).Select(f => new Feed(f.Id, f.Prefix, f.CreatedAt, f.LastUsedAt)).FirstOrDefaultAsync(ct);
}
