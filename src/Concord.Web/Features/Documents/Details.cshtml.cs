using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Documents;

// One document's progress, then its download. Its owner's only: anyone else is told it is not there.
[Authorize(Policy = Access.SignedIn)]
public class DetailsModel(ConcordDb db, CurrentUser user, TimeProvider clock) : PageModel
{
    public DocumentRow Row { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var row = await DocumentList.Query(db, user.AccountId!.Value, clock.GetUtcNow().UtcDateTime, id).SingleOrDefaultAsync(ct);
        if (row is null) return NotFound();
        Row = row;
        if (row.IsPending) Response.Headers["Refresh"] = "2";
        return Page();
    }
}
