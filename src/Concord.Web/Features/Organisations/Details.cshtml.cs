using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Organisations;

[AllowAnonymous]
public class DetailsModel(ConcordDb db) : PageModel
{
    public OrganisationDetails Organisation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await OrganisationDetails.LoadAsync(db, id, ct) is not { } details) return NotFound();
        Organisation = details;
        return Page();
    }
}
