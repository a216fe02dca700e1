using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// /my-work: the reports this account owes in the open rounds, and (for a coordinator) the other side's
// proposals to close or reopen a commitment. ?round= lists one round's commitments, a page at a time.
[Authorize(Policy = Access.Report)]
public class MyWorkModel(ConcordDb db, CurrentUser user) : PageModel
{
    public List<MyWork.RoundSummary> Rounds { get; private set; } = [];
    public Round? Selected { get; private set; }
    // Outstanding (false, the default), reported (true) or all (null).
    public bool? Reported { get; private set; }
    public string Show { get; private set; } = "outstanding";
    public Page<RoundQueries.WorkRow> Items { get; private set; } = new([], null);
    public bool IsLate { get; private set; }
    public Page<StatusProposals.PendingRow> Proposals { get; private set; } = new([], null);
    public bool IsCoordinator => user.Role == Role.Coordinator;

    public async Task<IActionResult> OnGetAsync(int? round, string? show, string? after, int? size, CancellationToken ct)
    {
        var scope = await MyWork.ScopeAsync(db, user, ct);
        if (scope is null) return Page();
        var today = db.Clock.Today();
        Rounds = await MyWork.SummaryAsync(db, scope, today, ct);
        if (IsCoordinator) Proposals = await StatusProposals.AwaitingAsync(db, user, null, 5, ct);
        if (round is { } id)
        {
            Selected = await MyWork.OpenRoundsFor(db, scope.Side).SingleOrDefaultAsync(r => r.Id == id, ct);
            if (Selected is null) return NotFound();
            (Show, Reported) = show switch
            {
                "reported" => ("reported", (bool?)true),
                "all" => ("all", null),
                _ => ("outstanding", false),
            };
            IsLate = RoundQueries.IsLate(Selected, today);
            Items = await RoundQueries.ListAsync(db, Selected, scope.Side, scope.Units, Reported, null, after, Cursor.Size(size), ct);
        }
        return Page();
    }
}
