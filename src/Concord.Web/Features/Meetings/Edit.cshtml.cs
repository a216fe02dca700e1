using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Meetings;

// Serves both /meetings/new (New.cshtml) and /meetings/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int? Id { get; private set; }
    public string? Side => user.Country;
    public List<Choice> Kinds { get; private set; } = [];
    public List<MeetingChoice> Meetings { get; private set; } = [];
    public List<PersonChoice> People { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);
    public sealed record MeetingChoice(int Id, LocalizedText Kind, int? Number, LocalizedText Title, DateOnly? StartsOn, DatePrecision StartsOnPrecision, string? DateNote)
    {
        public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    }
    public sealed record PersonChoice(int Id, string Name, LocalizedText Position, string? Organisation);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var meeting = await LoadAsync(existing, tracked: false, ct);
            if (meeting is null) return NotFound();
            Input = MeetingInput.From(meeting);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
        }
        else if (Request.Query.TryGetValue("prepares", out var prepares) && int.TryParse(prepares, out var target))
        {
            // "Add the meeting that prepares this one" from a conference's page.
            Input.PreparesId = target;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Meeting? meeting = null;
        if (id is { } existing)
        {
            meeting = await LoadAsync(existing, tracked: true, ct);
            if (meeting is null) return NotFound();
        }
        ModelState.AddRuleErrors(await Input.CheckAsync(db, id, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (meeting is null)
        {
            meeting = new Meeting();
            Input.ApplyTo(meeting, user);
            db.Meetings.Add(meeting);
        }
        else
        {
            MeetingsApi.Save(db, meeting, Input, user);
        }
        if (await db.TrySaveAsync(ct)) return Redirect($"/meetings/{meeting.Id}");
        return await ConflictAsync(meeting.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, MeetingInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        await LoadChoicesAsync(ct);
        await this.ShowConflictAsync(db, Merge, current, MeetingInput.From(current), Input, NameOf, t, ct);
        return Page();
    }

    string? NameOf(string field, int id) => field switch
    {
        nameof(Input.KindId) => Kinds.Find(k => k.Id == id) is { } kind ? Display.Plain(kind.Name) : null,
        nameof(Input.PreparesId) => Meetings.Find(m => m.Id == id) is { } m ? (m.Title.IsEmpty ? Display.Plain(m.Kind) : Display.Plain(m.Title)) : null,
        nameof(Input.ChairIds) => People.Find(p => p.Id == id)?.Name,
        _ => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0'),
    };

    Task<Meeting?> LoadAsync(int id, bool tracked, CancellationToken ct) =>
        (tracked ? MeetingInput.ForEdit(db) : MeetingInput.ForEdit(db).AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, ct);

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await db.Terms.AsNoTracking().Where(x => x.Vocabulary == Vocabularies.MeetingKind && (x.IsActive || x.Id == Input.KindId))
            .OrderBy(x => x.SortOrder).Select(x => new Choice(x.Id, x.Name)).ToListAsync(ct);
        // The meetings a new one usually prepares are the recent and coming ones; the one already
        // chosen stays offered however old it is.
        var chosen = Input.PreparesId;
        Meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.Id != (Id ?? 0))
            .OrderBy(m => m.Id == chosen ? 0 : 1).ThenBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Take(300)
            .Select(m => new MeetingChoice(m.Id, m.Kind.Name, m.Number, m.Title, m.StartsOn, m.StartsOnPrecision, m.DateNote))
            .ToListAsync(ct);
        Meetings = [.. Meetings.OrderBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)];
        var chairs = Input.ChairIds;
        People = await db.People.AsNoTracking()
            .OrderBy(p => chairs.Contains(p.Id) ? 0 : 1).ThenBy(db.SortName<Person>(p => p.Name)).ThenBy(p => p.Id)
            .Take(1000)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Position, p.Organisation == null ? null : p.Organisation.Abbreviation ?? p.Organisation.Name.Vi ?? p.Organisation.Name.En))
            .ToListAsync(ct);
        People = [.. People.OrderBy(p => p.Name, Collation.Current)];
        Organisations = await OrganisationPicker.LoadAsync(db, ct);
    }
}
