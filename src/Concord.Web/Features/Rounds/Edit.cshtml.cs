using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Rounds;

// Serves /rounds/new (New.cshtml) and /rounds/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Round, RoundInput>(db, t, user)
{
    public List<Choice> Meetings { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<Choice> Areas { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? instrument, [FromQuery] int? meeting, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        Input.InstrumentId = instrument;
        Input.MeetingId = meeting;
        Input.Side = Editor.Country;
        var today = Db.Clock.Today();
        Input.Period = new Period(today.Year, today.Year).ToString();
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    // A side's round is that side's coordinators' to change; a shared round either side's.
    protected override Task<IActionResult?> RefuseAsync(Round? existing, CancellationToken ct) =>
        Task.FromResult<IActionResult?>(existing is not null && !RoundRules.MayManage(Editor, existing) ? Forbid() : null);

    protected override string PageOf(Round record) => $"/rounds/{record.Id}";

    protected override string? NameOf(string field, int id) => field switch
    {
        nameof(Input.MeetingId) => Meetings.Find(m => m.Id == id) is { } m ? Display.Plain(m.Name) : null,
        nameof(Input.InstrumentId) => Instruments.Find(i => i.Id == id) is { } i ? Display.Plain(i.Name) : null,
        nameof(Input.AreaId) => Areas.Find(a => a.Id == id) is { } a ? Display.Plain(a.Name) : null,
        _ => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0'),
    };

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Meetings = await Db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct);
        if (Input.MeetingId is { } meeting && Meetings.All(m => m.Id != meeting))
            Meetings.AddRange(await Db.Meetings.AsNoTracking().Where(m => m.Id == meeting)
                .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct));
        Instruments = await CommitmentChoices.InstrumentsAsync(Db, Input.InstrumentId, ct);
        Areas = await TermChoices.ForFormAsync(Db, Vocabularies.Area, Input.AreaId, ct);
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, sidesOnly: true, include: Input.LeadOrganisationId is { } o ? [o] : null);
    }
}
