using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

[Authorize(Policy = Access.EditRecord)]
public class CarryOverModel(ConcordDb db, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public CarryOverInput Input { get; set; } = new();
    public Commitment Original { get; private set; } = null!;
    public LocalizedText OriginalInstrument { get; private set; } = new();
    public List<CarryOverTarget> Instruments { get; private set; } = [];
    public bool Allowed => CommitmentStatusRules.CanCarryOver(Original.Status);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: false, ct)) return NotFound();
        Input.Period = Original.Period?.Next().ToString();
        Input.Version = Original.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, tracked: true, ct)) return NotFound();
        var errors = await CarryOver.CheckAsync(db, Original, Input, ct);
        if (errors.Remove(CarryOver.CommitmentKey, out var general)) ModelState.AddModelError("", t[general]);
        ModelState.AddRuleErrors(errors, t);
        if (!ModelState.IsValid) return Page();
        var copy = await CarryOver.ApplyAsync(db, Original, Input, ct);
        if (await db.TrySaveAsync(ct))
        {
            TempData[Flash.Key] = Flash.CarriedOver;
            return Redirect($"/commitments/{copy.Id}");
        }
        // Nothing of the carry-over is a field to merge: the clause changed, so the user looks at it again.
        ModelState.AddModelError("", t["Common.Conflict"]);
        return Page();
    }

    async Task<bool> LoadAsync(int id, bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Commitments : db.Commitments.AsNoTracking();
        var original = await query.Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (original is null) return false;
        Original = original;
        var source = await db.Instruments.AsNoTracking().Where(i => i.Id == original.InstrumentId).Select(i => new { i.Title, i.SignedOn }).SingleAsync(ct);
        OriginalInstrument = source.Title;
        // Only what the rules accept is offered: later minutes, with their dates.
        Instruments = await CarryOverTargets.LoadAsync(db, original.InstrumentId, source.SignedOn, ct);
        return true;
    }
}
