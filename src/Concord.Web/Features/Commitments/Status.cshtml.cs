using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// /commitments/{id}/status: closing or reopening a commitment, agreed by both sides. One side's coordinator
// proposes here; the other side's coordinator confirms or declines the pending proposal here.
[Authorize(Policy = Access.EditRecord)]
public class StatusModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    public sealed record Header(int Id, string? Number, LocalizedText Text, CommitmentStatus Status);
    public sealed record ProposalRow(int Id, CommitmentStatus FromStatus, CommitmentStatus ToStatus, string ProposedBySide, string? ProposedByName,
        DateTime ProposedAt, string? Reason, ProposalState State, string? DecidedByName, DateTime? DecidedAt, string? DeclineReason);

    public Header Commitment { get; private set; } = null!;
    public ProposalRow? Pending { get; private set; }
    public List<ProposalRow> Past { get; private set; } = [];
    public IReadOnlyList<CommitmentStatus> Choices { get; private set; } = [];
    // The other side's coordinator answers the pending proposal; the side that made it waits.
    public bool CanAnswer => Pending is not null && StatusProposals.MayTakePart(user) && user.Country != Pending.ProposedBySide;
    public bool CanPropose => Pending is null && StatusProposals.MayTakePart(user) && Choices.Count > 0;

    [BindProperty] public CommitmentStatus? ToStatus { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery] CommitmentStatus? to, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (to is { } wanted && Choices.Contains(wanted)) ToStatus = wanted;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var outcome = await StatusProposals.ProposeAsync(db, id, ToStatus, Reason, user, ct);
        return await AnswerAsync(id, outcome, "Proposed", ct);
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, int proposal, CancellationToken ct)
    {
        if (!await BelongsAsync(id, proposal, ct)) return NotFound();
        return await AnswerAsync(id, await StatusProposals.ConfirmAsync(db, proposal, user, ct), "Confirmed", ct);
    }

    public async Task<IActionResult> OnPostDeclineAsync(int id, int proposal, CancellationToken ct)
    {
        if (!await BelongsAsync(id, proposal, ct)) return NotFound();
        return await AnswerAsync(id, await StatusProposals.DeclineAsync(db, proposal, Reason, user, ct), "Declined", ct);
    }

    Task<bool> BelongsAsync(int id, int proposal, CancellationToken ct) => db.StatusProposals.AnyAsync(p => p.Id == proposal && p.CommitmentId == id, ct);

    // Refused: the page again with what was typed and the reason beside the field.
    async Task<IActionResult> AnswerAsync(int id, StatusProposals.Outcome outcome, string flash, CancellationToken ct)
    {
        if (outcome.NotFound) return NotFound();
        if (outcome.Forbidden) return Forbid();
        if (outcome.Succeeded)
        {
            TempData[Flash.Key] = flash;
            return Redirect($"/commitments/{id}/status");
        }
        db.ChangeTracker.Clear();
        ModelState.AddModelError(outcome.Field ?? "", t[outcome.Error!]);
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var header = await db.Commitments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new Header(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), c.Status)).SingleOrDefaultAsync(ct);
        if (header is null) return false;
        Commitment = header;
        Choices = CommitmentStatusRules.ProposalChoices(header.Status);
        // A commitment has a handful of proposals in its life: the last twenty are plenty.
        var rows = await db.StatusProposals.AsNoTracking().Where(p => p.CommitmentId == id).OrderByDescending(p => p.Id).Take(20)
            .Select(p => new ProposalRow(p.Id, p.FromStatus, p.ToStatus, p.ProposedBySide, p.ProposedByName, p.ProposedAt, p.Reason, p.State,
                p.DecidedByName, p.DecidedAt, p.DeclineReason))
            .ToListAsync(ct);
        Pending = rows.FirstOrDefault(r => r.State == ProposalState.Pending);
        Past = rows.Where(r => r.State != ProposalState.Pending).ToList();
        return true;
    }
}
