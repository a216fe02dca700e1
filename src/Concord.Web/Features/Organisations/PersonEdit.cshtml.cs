using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

// Serves /people/new (PersonNew.cshtml) and /people/{id}/edit (PersonEdit.cshtml): the people
// who chair meetings and sign instruments, each with the organisation they served in.
[Authorize(Policy = Access.EditRecord)]
public class PersonEditModel(ConcordDb db, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public PersonInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; private set; }
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? organisation, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (person is null) return NotFound();
            Input = PersonInput.From(person);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
        }
        else
        {
            Input.OrganisationId = organisation;
        }
        Organisations = await OrganisationPicker.LoadAsync(db, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Person? person = null;
        if (id is { } existing)
        {
            person = await db.People.SingleOrDefaultAsync(p => p.Id == existing, ct);
            if (person is null) return NotFound();
        }
        ModelState.AddRuleErrors(await Input.CheckAsync(db, ct), t);
        if (!ModelState.IsValid)
        {
            Organisations = await OrganisationPicker.LoadAsync(db, ct);
            return Page();
        }
        if (person is null)
        {
            person = new Person { Name = "" };
            Input.ApplyTo(person);
            db.People.Add(person);
        }
        else
        {
            var target = person;
            OrganisationsApi.Save(db, target, Input.Version, () => Input.ApplyTo(target));
        }
        if (await db.TrySaveAsync(ct)) return Redirect(person.OrganisationId is { } org ? $"/organisations/{org}#people" : "/organisations");
        return await ConflictAsync(person.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, PersonInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (current is null) return NotFound();
        Organisations = await OrganisationPicker.LoadAsync(db, ct);
        await this.ShowConflictAsync(db, Merge, current, PersonInput.From(current), Input,
            (_, organisation) => Organisations.Find(o => o.Id == organisation)?.Label(Cultures.Language).TrimStart('\u00A0'), t, ct);
        return Page();
    }
}
