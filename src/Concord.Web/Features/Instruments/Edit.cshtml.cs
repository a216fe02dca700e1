using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Instruments;

// Serves both /instruments/new (New.cshtml) and /instruments/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    [BindProperty]
    public InstrumentInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; private set; }
    public string? Side => user.Country;
    public List<Choice> Kinds { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];
    public List<Choice> Organisations { get; private set; } = [];
    public List<Choice> People { get; private set; } = [];
    public List<Choice> OtherInstruments { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var instrument = await LoadAsync(existing, tracked: false, ct);
            if (instrument is null) return NotFound();
            Input = InstrumentInput.From(instrument);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
        }
        else
        {
            Input.Status = InstrumentStatus.Draft;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Instrument? instrument = null;
        if (id is { } existing)
        {
            instrument = await LoadAsync(existing, tracked: true, ct);
            if (instrument is null) return NotFound();
        }
        ModelState.AddRuleErrors(await Input.CheckAsync(db, id, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (instrument is null)
        {
            instrument = new Instrument();
            db.Instruments.Add(instrument);
        }
        else
        {
            db.SaveAgainstVersion(instrument, Input.Version);
        }
        Input.ApplyTo(instrument, user);
        if (await db.TrySaveAsync(ct)) return Redirect($"/instruments/{instrument.Id}");
        return await ConflictAsync(instrument.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, InstrumentInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        await LoadChoicesAsync(ct);
        await this.ShowConflictAsync(db, Merge, current, InstrumentInput.From(current), Input, NameOf, t, ct);
        return Page();
    }

    string? NameOf(string field, int id)
    {
        var choices = field switch
        {
            nameof(Input.KindId) => Kinds,
            nameof(Input.MeetingId) => Meetings,
            nameof(Input.PartyIds) => Organisations,
            nameof(Input.SignatoryIds) => People,
            _ => OtherInstruments,
        };
        return choices.Find(c => c.Id == id) is { } choice ? Display.Plain(choice.Name) : null;
    }

    Task<Instrument?> LoadAsync(int id, bool tracked, CancellationToken ct) =>
        (tracked ? InstrumentInput.ForEdit(db) : InstrumentInput.ForEdit(db).AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, ct);

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await db.Terms.AsNoTracking().Where(x => x.Vocabulary == Vocabularies.InstrumentKind && x.IsActive)
            .OrderBy(x => x.SortOrder).Select(x => new Choice(x.Id, x.Name)).ToListAsync(ct);
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).Take(300)
            .Select(m => new Choice(m.Id, m.Title)).ToListAsync(ct);
        People = await db.People.AsNoTracking().OrderBy(db.SortName<Person>(p => p.Name)).ThenBy(p => p.Id).Take(1000)
            .Select(p => new Choice(p.Id, new LocalizedText(p.Name, null, null))).ToListAsync(ct);
        // Agreements and MoUs are what minutes implement and what new instruments supersede; the latest 500 suffice for a picker.
        OtherInstruments = await db.Instruments.AsNoTracking().Where(i => i.Id != Id)
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo))).ToListAsync(ct);
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.ParentId == null || o.Parent!.ParentId == null)
            .OrderBy(o => o.Country).ThenBy(db.SortName<Organisation>(o => o.Name)).ThenBy(o => o.Id).Take(500).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
    }
}
