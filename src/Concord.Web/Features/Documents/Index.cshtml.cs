using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Documents;

// "My documents": what this account asked Concord to make, being made or ready, until each expires.
[Authorize(Policy = Access.SignedIn)]
public class IndexModel(ConcordDb db, CurrentUser user, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DocumentRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Rows = await DocumentList.Query(db, user.AccountId!.Value, clock.GetUtcNow().UtcDateTime).Take(200).ToListAsync(ct);
        // Without script: the browser reloads the page while a document is being made.
        if (Rows.Any(r => r.IsPending)) Response.Headers["Refresh"] = "3";
    }
}
