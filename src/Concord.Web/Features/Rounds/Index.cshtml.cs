using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// /rounds: open rounds first (by due date), then closed ones, newest first; a page at a time.
[Authorize(Policy = Access.SignedIn)]
public class IndexModel(ConcordDb db, CurrentUser user) : PageModel
{
    public sealed record Row(int Id, LocalizedText Name, int PeriodStart, int PeriodEnd, DateOnly DueOn, string? Side, RoundState State, bool IsIllustrative)
    {
        public Period Period => new(PeriodStart, PeriodEnd);
    }

    public List<Row> Open { get; private set; } = [];
    public Page<Row> Closed { get; private set; } = new([], null);
    public bool CanCreate => user.CanEdit && Sides.IsKnown(user.Country);

    public async Task OnGetAsync(string? after, int? size, CancellationToken ct)
    {
        // Open rounds are a handful at a time; closed ones accumulate and are paged by id.
        Open = await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open).OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(100)
            .Select(r => new Row(r.Id, new LocalizedText(r.Name.Vi, r.Name.En, r.Name.Lo), r.PeriodStart, r.PeriodEnd, r.DueOn, r.Side, r.State, r.IsIllustrative))
            .ToListAsync(ct);
        var closed = db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Closed);
        if (Cursor.TryDecode(after, out _, out var afterId)) closed = closed.Where(r => r.Id < afterId);
        var pageSize = Cursor.Size(size);
        var rows = await closed.OrderByDescending(r => r.Id).Take(pageSize + 1)
            .Select(r => new Row(r.Id, new LocalizedText(r.Name.Vi, r.Name.En, r.Name.Lo), r.PeriodStart, r.PeriodEnd, r.DueOn, r.Side, r.State, r.IsIllustrative))
            .ToListAsync(ct);
        var items = rows.Take(pageSize).ToList();
        Closed = new Page<Row>(items, rows.Count > pageSize ? Cursor.Encode("", items[^1].Id) : null);
    }
}
