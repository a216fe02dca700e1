using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Withdrawals;

// /withdraw/{kind}/{id}: a coordinator withdraws a record made by mistake, giving the reason. The record leaves
// every list, search, count and API answer (the Withdrawn query filter), keeps its history, and waits on
// /withdrawn for a coordinator of the same side to restore it. A clause with reports names them and asks
// for a confirmation first: they leave with it.
[Authorize(Policy = Access.EditRecord)]
public class WithdrawModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    public const int MaxReason = 1000;

    public sealed class WithdrawInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(MaxReason, ErrorMessage = "Validation.TooLong")]
        [FieldLabel("Withdrawals.Reason")]
        public string? Reason { get; set; }
        public bool ConfirmReports { get; set; }
    }

    public sealed record ReportRow(int Id, string Country, Period Period, DateOnly ReportedOn);

    [BindProperty]
    public WithdrawInput Input { get; set; } = new();
    public WithdrawalTarget Target { get; private set; } = null!;
    public List<ReportRow> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken ct) =>
        await LoadAsync(kind, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, int id, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (Reports.Count > 0 && !Input.ConfirmReports)
            ModelState.AddModelError("Input.ConfirmReports", t["Withdrawals.ConfirmReportsNeeded"]);
        if (!ModelState.IsValid) return Page();
        var record = Target.Record;
        record.WithdrawnAt = db.Clock.GetUtcNow().UtcDateTime;
        record.WithdrawnBy = user.Name;
        record.WithdrawnSide = user.Country;
        record.WithdrawalReason = Input.Reason!.Trim();
        await db.SaveChangesAsync(ct);
        TempData[Flash.Key] = Flash.Withdrawn;
        return Redirect(Target.ListUrl);
    }

    async Task<IActionResult?> LoadAsync(string kind, int id, CancellationToken ct)
    {
        if (await WithdrawalTargets.FindAsync(db, kind, id, withdrawn: false, ct) is not { } target) return NotFound();
        if (!WithdrawalTargets.MayWithdraw(user, target)) return Forbid();
        Target = target;
        if (kind == "commitments")
            Reports = await db.ProgressReports.AsNoTracking().Where(r => r.CommitmentId == id)
                .OrderBy(r => r.Country).ThenBy(r => r.ReportedOn)
                .Select(r => new ReportRow(r.Id, r.Country, r.Period, r.ReportedOn)).ToListAsync(ct);
        return null;
    }
}
