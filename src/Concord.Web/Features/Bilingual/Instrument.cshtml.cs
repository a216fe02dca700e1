using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Bilingual;

// An instrument's header and clauses, two languages side by side: the working copy each delegation reads
// across the table. Open to whoever may open the instrument's own page.
[AllowAnonymous]
public class InstrumentModel(ConcordDb db, StringCatalog catalog, TimeProvider clock) : PageModel
{
    public BilingualFrame Frame { get; private set; } = null!;
    public BilingualDocument.InstrumentHead Instrument { get; private set; } = null!;
    public BilingualDocument.Clauses Clauses { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? left, string? right, CancellationToken ct)
    {
        if ((await BilingualDocument.InstrumentsAsync(db.Instruments.Where(i => i.Id == id), ct)).SingleOrDefault() is not { } instrument)
            return await this.NotFoundOrSignInAsync(db.Instruments, id, ct);
        Instrument = instrument;
        Clauses = await BilingualDocument.ClausesAsync(db.Commitments.Where(c => c.InstrumentId == id), ct);
        Frame = BilingualFrame.For(left, right, catalog, clock);
        return Page();
    }
}
