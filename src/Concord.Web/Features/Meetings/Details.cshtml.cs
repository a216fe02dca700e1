using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Meetings;

[AllowAnonymous]
public class DetailsModel(ConcordDb db, Microsoft.Extensions.Localization.IStringLocalizer t) : PageModel
{
    public MeetingDetails Meeting { get; private set; } = null!;
    // The meeting's clauses charted: status by area and side, statuses reported each year, reports received against due.
    public IReadOnlyList<Concord.Shared.ChartData> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await MeetingDetails.LoadAsync(db, id, ct) is not { } details) return await this.NotFoundOrSignInAsync(db.Meetings, id, ct);
        Meeting = details;
        if (details.Commitments.Count > 0)
            Charts = (await Review.CommitmentCharts.LoadAsync(db, db.Commitments.Where(c => c.Instrument.MeetingId == id), null, ct))
                .ToCharts("meeting", k => t[k].Value, Concord.Shared.Display.Plain);
        return Page();
    }
}
