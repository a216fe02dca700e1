using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// Serves both /commitments/new (New.cshtml) and /commitments/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Commitment, CommitmentInput>(db, t, user)
{
    // The status as saved, which decides the statuses an edit may choose.
    public CommitmentStatus? SavedStatus { get; private set; }
    public List<Choice> Instruments { get; private set; } = [];
    public List<Choice> Areas { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public IReadOnlyList<CommitmentStatus> Statuses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery] int? instrument, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        if (instrument is { } into)
        {
            if (!await Db.Instruments.AnyAsync(i => i.Id == into, ct)) return NotFound();
            Input.InstrumentId = into;
            // Clauses of one set of minutes share a plan period: offer the last one's.
            var last = await Db.Commitments.Where(c => c.InstrumentId == into)
                .OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Id)
                .Select(c => new { c.PeriodStart, c.PeriodEnd }).FirstOrDefaultAsync(ct);
            Input.Period = last is null ? null : Period.Text(last.PeriodStart, last.PeriodEnd);
        }
        Input.Status = CommitmentStatus.NotStarted;
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override void Loaded(Commitment record) => SavedStatus = record.Status;

    protected override string PageOf(Commitment record) => $"/commitments/{record.Id}";

    protected override string? NameOf(string field, int id) => field switch
    {
        nameof(Input.InstrumentId) => Instruments.Find(i => i.Id == id) is { } i ? Display.Plain(i.Name) : null,
        nameof(Input.AreaId) => Areas.Find(a => a.Id == id) is { } a ? Display.Plain(a.Name) : null,
        _ => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0'),
    };

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Instruments = await CommitmentChoices.InstrumentsAsync(Db, Input.InstrumentId, ct);
        Areas = await TermChoices.ForFormAsync(Db, Vocabularies.Area, Input.AreaId, ct);
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, sidesOnly: true);
        Statuses = CommitmentStatusRules.Choices(SavedStatus);
    }
}
