using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// Serves both /commitments/new (New.cshtml) and /commitments/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    [BindProperty]
    public CommitmentInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; private set; }
    public string? Side => user.Country;
    // The status as saved, which decides the statuses an edit may choose.
    public CommitmentStatus? SavedStatus { get; private set; }
    public List<Choice> Instruments { get; private set; } = [];
    public List<Choice> Areas { get; private set; } = [];
    public List<OrganisationChoice> Organisations { get; private set; } = [];
    public IReadOnlyList<CommitmentStatus> Statuses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? instrument, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var commitment = await db.Commitments.AsNoTracking().Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == existing, ct);
            if (commitment is null) return NotFound();
            Input = CommitmentInput.From(commitment);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
            SavedStatus = commitment.Status;
        }
        else
        {
            if (instrument is { } into)
            {
                if (!await db.Instruments.AnyAsync(i => i.Id == into, ct)) return NotFound();
                Input.InstrumentId = into;
                // Clauses of one set of minutes share a plan period: offer the last one's.
                var last = await db.Commitments.Where(c => c.InstrumentId == into)
                    .OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Id)
                    .Select(c => new { c.PeriodStart, c.PeriodEnd }).FirstOrDefaultAsync(ct);
                Input.Period = last is null ? null : new Period(last.PeriodStart, last.PeriodEnd).ToString();
            }
            Input.Status = CommitmentStatus.NotStarted;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Commitment? commitment = null;
        if (id is { } existing)
        {
            commitment = await db.Commitments.Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == existing, ct);
            if (commitment is null) return NotFound();
            SavedStatus = commitment.Status;
        }
        ModelState.AddRuleErrors(await Input.CheckAsync(db, commitment, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        commitment = await Input.ApplyAsync(db, commitment, user, ct);
        if (await db.TrySaveAsync(ct)) return Redirect($"/commitments/{commitment.Id}");
        return await ConflictAsync(commitment.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await db.Commitments.AsNoTracking().Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, CommitmentInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Commitments.AsNoTracking().Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (current is null) return NotFound();
        SavedStatus = current.Status;
        await LoadChoicesAsync(ct);
        await this.ShowConflictAsync(db, Merge, current, CommitmentInput.From(current), Input, NameOf, t, ct);
        return Page();
    }

    string? NameOf(string field, int id) => field switch
    {
        nameof(Input.InstrumentId) => Instruments.Find(i => i.Id == id) is { } i ? Display.Plain(i.Name) : null,
        nameof(Input.AreaId) => Areas.Find(a => a.Id == id) is { } a ? Display.Plain(a.Name) : null,
        _ => Organisations.Find(o => o.Id == id) is { } o ? Display.Plain(o.Name) + (o.Abbreviation is null ? "" : $" ({o.Abbreviation})") : null,
    };

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Instruments = await Choices.InstrumentsAsync(db, Input.InstrumentId, ct);
        Areas = await Choices.AreasAsync(db, ct);
        Organisations = await Choices.OrganisationsAsync(db, ct);
        Statuses = CommitmentStatusRules.Choices(SavedStatus);
    }
}
