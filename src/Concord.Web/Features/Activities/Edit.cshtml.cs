using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using System.Globalization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Activities;

// Serves both /activities/new (New.cshtml) and /activities/{id}/edit (Edit.cshtml).
// Commitments are picked without rendering all of them (there may be 500,000): the editor shows those
// already linked, the clauses of one chosen instrument, and a box for typing commitment numbers (ids).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : PageModel
{
    [BindProperty]
    public ActivityInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    // "12, 345": commitment ids typed by an editor who knows them, added to the ticked ones.
    [BindProperty]
    public string? AddCommitmentIds { get; set; }
    // The instrument whose clauses the editor wants to pick from.
    [BindProperty]
    public int? PickInstrument { get; set; }
    public int? Id { get; private set; }
    public string? Side => user.Country;
    public List<Choice> Kinds { get; private set; } = [];
    public List<CodeChoice> Currencies { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];
    public List<Choice> Organisations { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<CommitmentChoice> ChosenCommitments { get; private set; } = [];
    public List<CommitmentChoice> InstrumentCommitments { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);
    public sealed record CodeChoice(string Code, LocalizedText Name);
    public sealed record CommitmentChoice(int Id, string? Number, LocalizedText Text, LocalizedText InstrumentTitle);

    public async Task<IActionResult> OnGetAsync(int? id, int? commitment, int? meeting, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var activity = await LoadAsync(existing, tracked: false, ct);
            if (activity is null) return NotFound();
            Input = ActivityInput.From(activity);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            Id = existing;
        }
        else
        {
            // "Record an activity" from a commitment's or a meeting's page arrives with it already chosen.
            if (commitment is { } c) Input.CommitmentIds.Add(c);
            Input.MeetingId = meeting;
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        Activity? activity = null;
        if (id is { } existing)
        {
            activity = await LoadAsync(existing, tracked: true, ct);
            if (activity is null) return NotFound();
        }
        AddTypedCommitments();
        ModelState.AddRuleErrors(await Input.CheckAsync(db, ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (activity is null)
        {
            activity = new Activity();
            db.Activities.Add(activity);
        }
        else
        {
            db.SaveAgainstVersion(activity, Input.Version);
        }
        Input.ApplyTo(activity, user);
        if (await db.TrySaveAsync(ct)) return Redirect($"/activities/{activity.Id}");
        return await ConflictAsync(activity.Id, ct);
    }

    // "Save merged version" from the conflict table.
    public async Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, ActivityInput.From(current), current.Version, Input);
        return await OnPostAsync(id, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, CancellationToken ct)
    {
        var current = await LoadAsync(id, tracked: false, ct);
        if (current is null) return NotFound();
        var saved = ActivityInput.From(current);
        await LoadChoicesAsync(ct);
        // The ticked commitments are the user's; those only the saved version links are named too.
        var more = saved.CommitmentIds.Except(ChosenCommitments.Select(c => c.Id)).ToList();
        var commitments = ChosenCommitments.Concat(await db.Commitments.AsNoTracking().Where(c => more.Contains(c.Id))
            .Select(c => new CommitmentChoice(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), new LocalizedText(c.Instrument.Title.Vi, c.Instrument.Title.En, c.Instrument.Title.Lo)))
            .ToListAsync(ct)).ToList();
        string? NameOf(string field, int choice) => field switch
        {
            nameof(Input.KindId) => Kinds.Find(k => k.Id == choice) is { } k ? Display.Plain(k.Name) : null,
            nameof(Input.MeetingId) => Meetings.Find(m => m.Id == choice) is { } m ? Display.Plain(m.Name) : null,
            nameof(Input.CommitmentIds) => commitments.Find(c => c.Id == choice) is { } c ? string.Join(' ', new[] { $"#{c.Id}", c.Number, Display.Plain(c.Text) }.Where(x => !string.IsNullOrEmpty(x))) : null,
            _ => Organisations.Find(o => o.Id == choice) is { } o ? Display.Plain(o.Name) : null,
        };
        await this.ShowConflictAsync(db, Merge, current, saved, Input, NameOf, t, ct);
        return Page();
    }

    Task<Activity?> LoadAsync(int id, bool tracked, CancellationToken ct) =>
        (tracked ? ActivityInput.ForEdit(db) : ActivityInput.ForEdit(db).AsNoTracking()).SingleOrDefaultAsync(a => a.Id == id, ct);

    // "Show its commitments": the same form comes back with the chosen instrument's clauses to tick.
    // Nothing is saved and nothing is checked yet, so no error shows for fields not filled in so far.
    public async Task<IActionResult> OnPostPickAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing && !await db.Activities.AnyAsync(a => a.Id == existing, ct)) return NotFound();
        ModelState.Clear();
        AddTypedCommitments();
        await LoadChoicesAsync(ct);
        return Page();
    }

    void AddTypedCommitments()
    {
        if (string.IsNullOrWhiteSpace(AddCommitmentIds)) return;
        var typed = new List<int>();
        foreach (var token in AddCommitmentIds.Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(token.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
                typed.Add(value);
            else
            {
                ModelState.AddModelError(nameof(AddCommitmentIds), t["Activities.CommitmentIdsInvalid"]);
                return;
            }
        }
        Input.CommitmentIds = [.. Input.CommitmentIds.Concat(typed).Distinct()];
        // Now ticked in the list; the box is emptied so a second save does not add them twice.
        AddCommitmentIds = null;
        ModelState.Remove(nameof(AddCommitmentIds));
    }

    // Localized names are read column by column: given whole to a record's constructor, EF would read entire rows.
    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await db.Terms.AsNoTracking().Where(x => x.Vocabulary == Vocabularies.ActivityKind && x.IsActive)
            .OrderBy(x => x.SortOrder).Select(x => new Choice(x.Id, new LocalizedText(x.Name.Vi, x.Name.En, x.Name.Lo))).ToListAsync(ct);
        Currencies = await db.Terms.AsNoTracking().Where(x => x.Vocabulary == Vocabularies.Currency && x.IsActive)
            .OrderBy(x => x.SortOrder).Select(x => new CodeChoice(x.Code, new LocalizedText(x.Name.Vi, x.Name.En, x.Name.Lo))).ToListAsync(ct);

        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo))).ToListAsync(ct);
        if (Input.MeetingId is { } meeting && Meetings.All(m => m.Id != meeting))
            Meetings.AddRange(await db.Meetings.AsNoTracking().Where(m => m.Id == meeting).Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo))).ToListAsync(ct));

        // Ministries, top-level bodies and their direct units (the Ban Kan centre under the Lao ministry);
        // an organisation already chosen is always offered, however deep it sits.
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.ParentId == null || o.Parent!.ParentId == null)
            .OrderBy(o => o.Country).ThenBy(db.SortName<Organisation>(o => o.Name)).ThenBy(o => o.Id).Take(500)
            .Select(o => new Choice(o.Id, new LocalizedText(o.Name.Vi, o.Name.En, o.Name.Lo))).ToListAsync(ct);
        var chosen = Input.Roles().Select(r => r.OrganisationId).Where(i => Organisations.All(o => o.Id != i)).Distinct().Take(300).ToList();
        if (chosen.Count > 0)
            Organisations.AddRange(await db.Organisations.AsNoTracking().Where(o => chosen.Contains(o.Id)).Select(o => new Choice(o.Id, new LocalizedText(o.Name.Vi, o.Name.En, o.Name.Lo))).ToListAsync(ct));

        Instruments = await db.Instruments.AsNoTracking()
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo))).ToListAsync(ct);

        var ids = Input.CommitmentIds.Distinct().Take(ActivityInput.MaxCommitments).ToList();
        ChosenCommitments = ids.Count == 0 ? [] : await db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new CommitmentChoice(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), new LocalizedText(c.Instrument.Title.Vi, c.Instrument.Title.En, c.Instrument.Title.Lo))).ToListAsync(ct);
        if (PickInstrument is { } instrument)
        {
            // An instrument's clauses are bounded (minutes run to tens of clauses).
            InstrumentCommitments = await db.Commitments.AsNoTracking().Where(c => c.InstrumentId == instrument)
                .OrderBy(c => c.Sequence).ThenBy(c => c.Id).Take(1000)
                .Select(c => new CommitmentChoice(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), new LocalizedText(c.Instrument.Title.Vi, c.Instrument.Title.En, c.Instrument.Title.Lo))).ToListAsync(ct);
            InstrumentCommitments.RemoveAll(c => ids.Contains(c.Id));
        }
    }
}
