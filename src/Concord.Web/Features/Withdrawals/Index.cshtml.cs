using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Withdrawals;

// /withdrawn: the records coordinators withdrew, with who, when and why; a coordinator of the side that
// withdrew one restores it, and it is back in every list as it was.
[Authorize(Policy = Access.EditRecord)]
public class IndexModel(ConcordDb db, CurrentUser user) : PageModel
{
    public List<WithdrawalTarget> Records { get; private set; } = [];

    public bool MayRestore(WithdrawalTarget target) => WithdrawalTargets.MayRestore(user, target);

    public async Task OnGetAsync(CancellationToken ct) => Records = await WithdrawalTargets.WithdrawnAsync(db, ct);

    public async Task<IActionResult> OnPostRestoreAsync(string kind, int id, CancellationToken ct)
    {
        if (await WithdrawalTargets.FindAsync(db, kind, id, withdrawn: true, ct) is not { } target) return NotFound();
        if (!WithdrawalTargets.MayRestore(user, target)) return Forbid();
        var record = target.Record;
        record.WithdrawnAt = null;
        record.WithdrawnBy = null;
        record.WithdrawnSide = null;
        record.WithdrawalReason = null;
        await db.SaveChangesAsync(ct);
        TempData[Flash.Key] = Flash.Restored;
        return Redirect(target.PageUrl);
    }
}
