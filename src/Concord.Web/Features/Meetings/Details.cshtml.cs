using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Meetings;

[AllowAnonymous]
public class DetailsModel(ConcordDb db) : PageModel
{
    public MeetingDetails Meeting { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await MeetingDetails.LoadAsync(db, id, ct) is not { } details) return await this.NotFoundOrSignInAsync(db.Meetings, id, ct);
        Meeting = details;
        return Page();
    }
}
