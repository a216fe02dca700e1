using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Instruments;

// Serves both /instruments/new (New.cshtml) and /instruments/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Instrument, InstrumentInput>(db, t, user)
{
    public List<Choice> Kinds { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public List<Choice> People { get; private set; } = [];
    public List<Choice> OtherInstruments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? meeting, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        Input.Status = InstrumentStatus.Draft;
        // "Add the minutes signed here" from a meeting's page: minutes of that meeting, signed on its first day.
        if (meeting is { } meetingId)
        {
            var signedAt = await Db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { m.Id, m.StartsOn, m.StartsOnPrecision }).SingleOrDefaultAsync(ct);
            if (signedAt is null) return NotFound();
            Input.MeetingId = signedAt.Id;
            Input.KindId = await Db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == Commitments.CarryOverTargets.MinutesKind)
                .Select(t => (int?)t.Id).SingleOrDefaultAsync(ct);
            Input.Status = InstrumentStatus.Signed;
            if (PartialDate.From(signedAt.StartsOn, signedAt.StartsOnPrecision) is { } day)
                Input.Signed = day.ToInputText();
        }
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override string PageOf(Instrument record) => $"/instruments/{record.Id}";

    protected override string? NameOf(string field, int id)
    {
        if (field == nameof(Input.PartyIds)) return Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0');
        var choices = field switch
        {
            nameof(Input.KindId) => Kinds,
            nameof(Input.MeetingId) => Meetings,
            nameof(Input.SignatoryIds) => People,
            _ => OtherInstruments,
        };
        return choices.Find(c => c.Id == id) is { } choice ? Display.Plain(choice.Name) : null;
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await TermChoices.ForFormAsync(Db, Vocabularies.InstrumentKind, Input.KindId, ct);
        Meetings = await Db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct);
        People = await Db.People.AsNoTracking().OrderBy(Db.SortName<Person>(p => p.Name)).ThenBy(p => p.Id).Take(1000)
            .Select(p => new Choice(p.Id, new LocalizedText(p.Name, null, null), false)).ToListAsync(ct);
        // Agreements and MoUs are what minutes implement and what new instruments supersede; the latest 500 suffice for a picker.
        OtherInstruments = await Db.Instruments.AsNoTracking().Where(i => i.Id != Id)
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct);
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, include: Input.PartyIds);
    }
}
