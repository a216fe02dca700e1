using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

// Serves both /organisations/new (New.cshtml) and /organisations/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public OrganisationInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; private set; }
    public List<Choice> Kinds { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == existing, ct);
            if (organisation is null) return NotFound();
            Input = OrganisationInput.From(organisation);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
        }
        else if (parent is { } p && await db.Organisations.AsNoTracking().Where(o => o.Id == p).Select(o => new { o.Id, o.Country }).SingleOrDefaultAsync(ct) is { } under)
        {
            // "Add a department" from a ministry's page: under it, in its country.
            Input.ParentId = under.Id;
            Input.Country = under.Country;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Organisation? organisation = null;
        if (id is { } existing)
        {
            organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == existing, ct);
            if (organisation is null) return NotFound();
        }
        ModelState.AddRuleErrors(await Input.CheckAsync(db, id, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (organisation is null)
        {
            organisation = new Organisation();
            Input.ApplyTo(organisation);
            db.Organisations.Add(organisation);
        }
        else
        {
            var target = organisation;
            OrganisationsApi.Save(db, target, Input.Version, () => Input.ApplyTo(target));
        }
        if (await db.TrySaveAsync(ct)) return Redirect($"/organisations/{organisation.Id}");
        return await ConflictAsync(organisation.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, OrganisationInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (current is null) return NotFound();
        await LoadChoicesAsync(ct);
        await this.ShowConflictAsync(db, Merge, current, OrganisationInput.From(current), Input, NameOf, t, ct);
        return Page();
    }

    string? NameOf(string field, int id) => field == nameof(Input.KindId)
        ? Kinds.Find(k => k.Id == id) is { } kind ? Display.Plain(kind.Name) : null
        : Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0');

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await db.Terms.AsNoTracking().Where(x => x.Vocabulary == Vocabularies.OrganisationKind && (x.IsActive || x.Id == Input.KindId))
            .OrderBy(x => x.SortOrder).Select(x => new Choice(x.Id, x.Name)).ToListAsync(ct);
        Organisations = await OrganisationPicker.LoadAsync(db, ct, exclude: Id);
    }
}
