using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Activities;

[AllowAnonymous]
public class DetailsModel(ConcordDb db) : PageModel
{
    public ActivityDetails Activity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await ActivityDetails.LoadAsync(db, id, ct) is not { } details) return await this.NotFoundOrSignInAsync(db.Activities, id, ct);
        Activity = details;
        return Page();
    }
}
