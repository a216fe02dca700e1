using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Bilingual;

// A meeting and its minutes, two languages side by side: what the meeting was, then every instrument
// signed there (the minutes, and any MoU signed with them) with its clauses. Open to whoever may open
// the meeting's own page.
[AllowAnonymous]
public class MeetingModel(ConcordDb db, StringCatalog catalog, TimeProvider clock) : PageModel
{
    public BilingualFrame Frame { get; private set; } = null!;
    public BilingualDocument.MeetingHead Meeting { get; private set; } = null!;
    public IReadOnlyList<BilingualDocument.InstrumentHead> Instruments { get; private set; } = [];
    public BilingualDocument.Clauses Clauses { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? left, string? right, CancellationToken ct)
    {
        if (await BilingualDocument.MeetingAsync(db, id, ct) is not { } meeting) return await this.NotFoundOrSignInAsync(db.Meetings, id, ct);
        Meeting = meeting;
        Instruments = await BilingualDocument.InstrumentsAsync(db.Instruments.Where(i => i.MeetingId == id), ct);
        Clauses = await BilingualDocument.ClausesAsync(db.Commitments.Where(c => c.Instrument.MeetingId == id), ct);
        Frame = BilingualFrame.For(left, right, catalog, clock);
        return Page();
    }
}
