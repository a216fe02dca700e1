using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Commitments;

// /status-proposals: what the other side proposed to close or reopen, waiting for this side's answer.
[Authorize(Policy = Access.EditRecord)]
public class ProposalsModel(ConcordDb db, CurrentUser user) : PageModel
{
    public Page<StatusProposals.PendingRow> Awaiting { get; private set; } = new([], null);

    public async Task OnGetAsync(string? after, int? size, CancellationToken ct) =>
        Awaiting = await StatusProposals.AwaitingAsync(db, user, after, Cursor.Size(size), ct);
}
