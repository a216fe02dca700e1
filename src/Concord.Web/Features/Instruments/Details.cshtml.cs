using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Instruments;

[AllowAnonymous]
public class DetailsModel(ConcordDb db) : PageModel
{
    public InstrumentDetails Instrument { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await InstrumentDetails.LoadAsync(db, id, ct) is not { } details) return await this.NotFoundOrSignInAsync(db.Instruments, id, ct);
        Instrument = details;
        return Page();
    }
}
