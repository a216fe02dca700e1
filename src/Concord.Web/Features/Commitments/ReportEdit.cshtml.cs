using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using System.Globalization;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// Serves /commitments/{id}/reports/new (ReportNew.cshtml) and /commitments/{id}/reports/{reportId}/edit (ReportEdit.cshtml).
// Saving a report leaves the commitment's status alone; the commitment page then offers to take the status
// the sides report (see CommitmentRules.SuggestedStatus).
[Authorize(Policy = Access.Report)]
public class ReportEditModel(ConcordDb db, IStringLocalizer t, CurrentUser user, SecurityLog securityLog)
    : RecordEditPage<ProgressReport, ProgressReportInput>(db, t, user)
{
    public int CommitmentId { get; private set; }
    public int? ReportId => Id;
    // Reports are shared with both sides or kept to their own; only one already public (the demo history) keeps that choice.
    public bool OfferPublic { get; private set; }
    public CommitmentHeader Commitment { get; private set; } = null!;
    public List<OrganisationOption> Organisations { get; private set; } = [];
    // Only the sides this user may report for, so the form never offers a choice a save would refuse.
    public List<string> OfferedSides { get; private set; } = [];
    string? savedSide;
    public List<CodeChoice> Currencies { get; private set; } = [];

    public sealed record CommitmentHeader(int Id, string? Number, LocalizedText Text, int? PeriodStart, int? PeriodEnd, CommitmentStatus Status)
    {
        public Period? Period => Concord.Shared.Period.Of(PeriodStart, PeriodEnd);
    }

    // `period`: the period a reporting round asks for (/my-work links here with it), so nobody has to know the convention.
    public async Task<IActionResult> OnGetAsync(int id, int? reportId, [FromQuery] string? period, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct)) return NotFound();
        if (reportId is { } existing) return await EditAsync(existing, ct);
        // A side writes only its own reports: the form starts on the user's side.
        var country = Editor.Country;
        if (Sides.IsKnown(country))
        {
            Input.Country = country;
            // Usually the department that leads on that side reports.
            Input.OrganisationId = await Db.CommitmentLeads.Where(l => l.CommitmentId == id && l.Country == country)
                .OrderBy(l => l.OrganisationId).Select(l => (int?)l.OrganisationId).FirstOrDefaultAsync(ct);
        }
        Input.Period = Concord.Shared.Period.TryParse(period, out var asked) ? asked.ToString() : Commitment.Period?.ToString();
        Input.Status = CommitmentStatusRules.CanReport(Commitment.Status) ? Commitment.Status : CommitmentStatus.InProgress;
        Input.ReportedOn = Db.Clock.Today().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return await NewAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(int id, int? reportId, CancellationToken ct) =>
        await LoadHeaderAsync(id, ct) ? await SaveAsync(reportId, ct) : NotFound();

    // "Save merged version" from the conflict table; the save itself checks again that the user reports on this side.
    public async Task<IActionResult> OnPostMergeAsync(int id, int reportId, CancellationToken ct) =>
        await LoadHeaderAsync(id, ct) ? await MergeAsync(reportId, ct) : NotFound();

    protected override IQueryable<ProgressReport> Records => base.Records.Where(r => r.CommitmentId == CommitmentId);

    protected override void BeforeCheck() => Input.CommitmentId = CommitmentId;

    protected override void Loaded(ProgressReport record)
    {
        OfferPublic = record.Visibility == Visibility.Public;
        savedSide = record.Country;
    }

    // Neither a report of a side the user does not report for, nor a move to one. A new form opens only on the
    // user's own side; a save (and a conflict after it) is asked with the side saved and the side typed.
    // A report this user may not touch at all is refused outright; a side they may not choose (a crafted
    // form: the form offers only theirs) shows the form again, with what was typed and the reason beside it.
    protected override async Task<IActionResult?> RefuseAsync(ProgressReport? existing, CancellationToken ct)
    {
        var post = HttpMethods.IsPost(Request.Method);
        var allowed = existing is null
            ? await ReportAccess.AllowsAsync(Db, Editor, CommitmentId, Editor.Country, ct)
            : await ReportAccess.AllowsWriteAsync(Db, Editor, CommitmentId, existing.Country, null, ct);
        if (!allowed)
        {
            await securityLog.RecordDeniedAsync(HttpContext);
            return Forbid();
        }
        if (!post || await ReportAccess.AllowsWriteAsync(Db, Editor, CommitmentId, existing?.Country, Input.Country, ct)) return null;
        await securityLog.RecordDeniedAsync(HttpContext);
        BeforeCheck();
        ModelState.AddModelError("Input.Country", T["Commitments.SideNotYours"]);
        await LoadChoicesAsync(ct);
        // Still a refusal (403), but one that shows the form, not a bare error page.
        var page = Page();
        page.StatusCode = StatusCodes.Status403Forbidden;
        return page;
    }

    protected override string PageOf(ProgressReport record) => $"/commitments/{CommitmentId}#period-{record.Period}";

    protected override string? NameOf(string field, int id) => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0');

    async Task<bool> LoadHeaderAsync(int id, CancellationToken ct)
    {
        CommitmentId = id;
        var header = await Db.Commitments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommitmentHeader(c.Id, c.Number, c.Text, c.PeriodStart, c.PeriodEnd, c.Status))
            .SingleOrDefaultAsync(ct);
        if (header is null) return false;
        Commitment = header;
        return true;
    }

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        OfferedSides = await ReportAccess.SidesAsync(Db, Editor, CommitmentId, savedSide, ct);
        var reporters = await ReportAccess.ReportersAsync(Db, Editor, ct);
        var chosen = Input.OrganisationId;
        Organisations = (await OrganisationPicker.LoadAsync(Db, ct, sidesOnly: true, include: chosen is { } o ? [o] : null))
            .Where(o => o.Id == chosen || (OfferedSides.Contains(o.Country!) && (reporters is null || reporters.Contains(o.Id))))
            .ToList();
        Currencies = await TermChoices.CodesForFormAsync(Db, Vocabularies.Currency, Input.ValueCurrency, ct);
    }
}
