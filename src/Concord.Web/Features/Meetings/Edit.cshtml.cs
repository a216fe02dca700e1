using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Meetings;

// Serves both /meetings/new (New.cshtml) and /meetings/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Meeting, MeetingInput>(db, t, user)
{
    public List<Choice> Kinds { get; private set; } = [];
    public List<MeetingChoice> Meetings { get; private set; } = [];
    public List<PersonChoice> People { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public sealed record MeetingChoice(int Id, LocalizedText Kind, int? Number, LocalizedText Title, DateOnly? StartsOn, DatePrecision StartsOnPrecision, string? DateNote)
    {
        public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    }
    public sealed record PersonChoice(int Id, string Name, LocalizedText Position, string? Organisation);

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? prepares, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        // "Add the meeting that prepares this one" from a conference's page.
        Input.PreparesId = prepares;
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override string PageOf(Meeting record) => $"/meetings/{record.Id}";

    protected override string? NameOf(string field, int id) => field switch
    {
        nameof(Input.KindId) => Kinds.Find(k => k.Id == id) is { } kind ? Display.Plain(kind.Name) : null,
        nameof(Input.PreparesId) => Meetings.Find(m => m.Id == id) is { } m ? (m.Title.IsEmpty ? Display.Plain(m.Kind) : Display.Plain(m.Title)) : null,
        nameof(Input.ChairIds) => People.Find(p => p.Id == id)?.Name,
        _ => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0'),
    };

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await TermChoices.ForFormAsync(Db, Vocabularies.MeetingKind, Input.KindId, ct);
        // The meetings a new one usually prepares are the recent and coming ones; the one already
        // chosen stays offered however old it is.
        var chosen = Input.PreparesId;
        Meetings = await Db.Meetings.AsNoTracking()
            .Where(m => m.Id != (Id ?? 0))
            .OrderBy(m => m.Id == chosen ? 0 : 1).ThenBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Take(300)
            .Select(m => new MeetingChoice(m.Id, m.Kind.Name, m.Number, m.Title, m.StartsOn, m.StartsOnPrecision, m.DateNote))
            .ToListAsync(ct);
        Meetings = [.. Meetings.OrderBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)];
        var chairs = Input.ChairIds;
        People = await Db.People.AsNoTracking()
            .OrderBy(p => chairs.Contains(p.Id) ? 0 : 1).ThenBy(Db.SortName<Person>(p => p.Name)).ThenBy(p => p.Id)
            .Take(1000)
            .Select(p => new PersonChoice(p.Id, p.Name, p.Position, p.Organisation == null ? null : p.Organisation.Abbreviation ?? p.Organisation.Name.Vi ?? p.Organisation.Name.En))
            .ToListAsync(ct);
        People = [.. People.OrderBy(p => p.Name, Collation.Current)];
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, include: Input.ParticipantIds);
    }
}
