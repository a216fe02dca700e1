using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using System.Globalization;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Activities;

// Serves both /activities/new (New.cshtml) and /activities/{id}/edit (Edit.cshtml).
// Commitments are picked without rendering all of them (there may be 500,000): the editor shows those
// already linked, the clauses of one chosen instrument, and a box for typing commitment numbers (ids).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Activity, ActivityInput>(db, t, user)
{
    // "12, 345": commitment ids typed by an editor who knows them, added to the ticked ones.
    [BindProperty]
    public string? AddCommitmentIds { get; set; }
    // The instrument whose clauses the editor wants to pick from.
    [BindProperty]
    public int? PickInstrument { get; set; }
    public List<Choice> Kinds { get; private set; } = [];
    public List<CodeChoice> Currencies { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<CommitmentChoice> ChosenCommitments { get; private set; } = [];
    public List<CommitmentChoice> InstrumentCommitments { get; private set; } = [];
    // Commitments only the saved version links, named in the conflict table.
    List<CommitmentChoice> savedOnly = [];

    public sealed record CommitmentChoice(int Id, string? Number, LocalizedText Text, LocalizedText InstrumentTitle);

    public async Task<IActionResult> OnGetAsync(int? id, int? commitment, int? meeting, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        // "Record an activity" from a commitment's or a meeting's page arrives with it already chosen.
        if (commitment is { } c) Input.CommitmentIds.Add(c);
        Input.MeetingId = meeting;
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override void BeforeCheck() => AddTypedCommitments();

    protected override string PageOf(Activity record) => $"/activities/{record.Id}";

    // The ticked commitments are the user's; those only the saved version links are named too.
    protected override async Task LoadConflictNamesAsync(ActivityInput saved, CancellationToken ct)
    {
        var more = saved.CommitmentIds.Except(ChosenCommitments.Select(c => c.Id)).ToList();
        savedOnly = await CommitmentChoicesAsync(Db.Commitments.Where(c => more.Contains(c.Id)), ct);
    }

    protected override string? NameOf(string field, int choice) => field switch
    {
        nameof(Input.KindId) => Kinds.Find(k => k.Id == choice) is { } k ? Display.Plain(k.Name) : null,
        nameof(Input.MeetingId) => Meetings.Find(m => m.Id == choice) is { } m ? Display.Plain(m.Name) : null,
        nameof(Input.CommitmentIds) => ChosenCommitments.Concat(savedOnly).FirstOrDefault(c => c.Id == choice) is { } c
            ? string.Join(' ', new[] { $"#{c.Id}", c.Number, Display.Plain(c.Text) }.Where(x => !string.IsNullOrEmpty(x))) : null,
        _ => Organisations.Find(o => o.Id == choice)?.Label(Cultures.Language).TrimStart('\u00A0'),
    };

    // "Show its commitments": the same form comes back with the chosen instrument's clauses to tick.
    // Nothing is saved and nothing is checked yet, so no error shows for fields not filled in so far.
    public async Task<IActionResult> OnPostPickAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing && !await Db.Activities.AnyAsync(a => a.Id == existing, ct)) return NotFound();
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
                ModelState.AddModelError(nameof(AddCommitmentIds), T["Activities.CommitmentIdsInvalid"]);
                return;
            }
        }
        Input.CommitmentIds = [.. Input.CommitmentIds.Concat(typed).Distinct()];
        // Now ticked in the list; the box is emptied so a second save does not add them twice.
        AddCommitmentIds = null;
        ModelState.Remove(nameof(AddCommitmentIds));
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await TermChoices.ForFormAsync(Db, Vocabularies.ActivityKind, Input.KindId, ct);
        Currencies = await TermChoices.CodesForFormAsync(Db, Vocabularies.Currency, Input.ValueCurrency, ct);

        Meetings = await Db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct);
        if (Input.MeetingId is { } meeting && Meetings.All(m => m.Id != meeting))
            Meetings.AddRange(await Db.Meetings.AsNoTracking().Where(m => m.Id == meeting).Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct));

        // An organisation already chosen is always offered, however far down the list it sits.
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, include: Input.Roles().Select(r => r.OrganisationId));

        Instruments = await Db.Instruments.AsNoTracking()
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct);

        var ids = Input.CommitmentIds.Distinct().Take(ActivityInput.MaxCommitments).ToList();
        ChosenCommitments = ids.Count == 0 ? [] : await CommitmentChoicesAsync(Db.Commitments.Where(c => ids.Contains(c.Id)), ct);
        if (PickInstrument is { } instrument)
        {
            // An instrument's clauses are bounded (minutes run to tens of clauses).
            InstrumentCommitments = await CommitmentChoicesAsync(Db.Commitments.Where(c => c.InstrumentId == instrument), ct, 1000);
            InstrumentCommitments.RemoveAll(c => ids.Contains(c.Id));
        }
    }

    // Localized names are read column by column: given whole to a record's constructor, EF would read entire rows.
    static Task<List<CommitmentChoice>> CommitmentChoicesAsync(IQueryable<Commitment> commitments, CancellationToken ct, int max = ActivityInput.MaxCommitments) =>
        commitments.AsNoTracking().OrderBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id).Take(max)
            .Select(c => new CommitmentChoice(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), new LocalizedText(c.Instrument.Title.Vi, c.Instrument.Title.En, c.Instrument.Title.Lo)))
            .ToListAsync(ct);
}
