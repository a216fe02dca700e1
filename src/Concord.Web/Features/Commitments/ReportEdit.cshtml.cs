using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using System.Globalization;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// Serves /commitments/{id}/reports/new (ReportNew.cshtml) and /commitments/{id}/reports/{reportId}/edit (ReportEdit.cshtml).
// Saving a report leaves the commitment's status alone; the commitment page then offers to take the status
// the sides report (see CommitmentRules.SuggestedStatus).
[Authorize(Policy = Access.Report)]
public class ReportEditModel(ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user) : PageModel
{
    [BindProperty]
    public ProgressReportInput Input { get; set; } = new();
    [BindProperty]
    public MergeForm Merge { get; set; } = new();
    public int CommitmentId { get; private set; }
    public int? ReportId { get; private set; }
    public string? Side => user.Country;
    // Reports are shared with both sides or kept to their own; only one already public (the demo history) keeps that choice.
    public bool OfferPublic { get; private set; }
    public CommitmentHeader Commitment { get; private set; } = null!;
    public List<OrganisationChoice> Organisations { get; private set; } = [];
    public List<CodeChoice> Currencies { get; private set; } = [];

    public sealed record CommitmentHeader(int Id, string? Number, LocalizedText Text, int PeriodStart, int PeriodEnd, CommitmentStatus Status)
    {
        public Period Period => new(PeriodStart, PeriodEnd);
    }

    public async Task<IActionResult> OnGetAsync(int id, int? reportId, [FromQuery] string? side, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct)) return NotFound();
        if (reportId is { } existing)
        {
            var report = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == existing && r.CommitmentId == id, ct);
            if (report is null) return NotFound();
            if (!await ReportAccess.AllowsAsync(db, user, id, report.Country, ct)) return await DeniedAsync();
            Input = ProgressReportInput.From(report);
            Merge.Loaded = ConflictMerge.Fingerprint(Input);
            ReportId = existing;
            OfferPublic = report.Visibility == Visibility.Public;
        }
        else
        {
            // A side writes only its own reports: the form starts on the user's side.
            var country = user.Country;
            if (!await ReportAccess.AllowsAsync(db, user, id, country, ct)) return await DeniedAsync();
            if (Sides.IsKnown(country))
            {
                Input.Country = country;
                // Usually the department that leads on that side reports.
                Input.OrganisationId = await db.CommitmentLeads.Where(l => l.CommitmentId == id && l.Country == country)
                    .OrderBy(l => l.OrganisationId).Select(l => (int?)l.OrganisationId).FirstOrDefaultAsync(ct);
            }
            Input.Period = Commitment.Period.ToString();
            Input.Status = CommitmentStatusRules.CanReport(Commitment.Status) ? Commitment.Status : CommitmentStatus.InProgress;
            Input.ReportedOn = clock.Today().ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? reportId, CancellationToken ct)
    {
        if (!await LoadHeaderAsync(id, ct)) return NotFound();
        ReportId = reportId;
        ProgressReport? report = null;
        if (reportId is { } existing)
        {
            report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == existing && r.CommitmentId == id, ct);
            if (report is null) return NotFound();
            if (!await ReportAccess.AllowsAsync(db, user, id, report.Country, ct)) return await DeniedAsync();
            OfferPublic = report.Visibility == Visibility.Public;
        }
        // Neither a new report nor a moved one may be written for a side (or a commitment) the user does not report on.
        var side = Input.Country?.Trim().ToUpperInvariant();
        if (Sides.IsKnown(side) && !await ReportAccess.AllowsAsync(db, user, id, side, ct)) return await DeniedAsync();
        ModelState.AddRuleErrors(await Input.CheckAsync(db, report, clock.Today(), ct), t);
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        if (report is null)
        {
            report = new ProgressReport { CommitmentId = id, Country = "" };
            db.ProgressReports.Add(report);
            Input.ApplyTo(report);
        }
        else
        {
            db.SaveAgainstVersion(report, Input.Version);
            Input.ApplyTo(report);
        }
        if (await db.TrySaveAsync(ct)) return Redirect($"/commitments/{id}#period-{report.Period}");
        return await ConflictAsync(id, report.Id, ct);
    }

    // "Save merged version" from the conflict table; the save itself checks again that the user reports on this side.
    public async Task<IActionResult> OnPostMergeAsync(int id, int reportId, CancellationToken ct)
    {
        var current = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.CommitmentId == id, ct);
        if (current is null) return NotFound();
        Input = this.MergeOnto(Merge, ProgressReportInput.From(current), current.Version, Input);
        return await OnPostAsync(id, reportId, ct);
    }

    async Task<IActionResult> ConflictAsync(int id, int reportId, CancellationToken ct)
    {
        var current = await db.ProgressReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId && r.CommitmentId == id, ct);
        if (current is null) return NotFound();
        // Moved to the other side meanwhile: that side's report is not this user's to see or merge.
        if (!await ReportAccess.AllowsAsync(db, user, id, current.Country, ct)) return await DeniedAsync();
        await LoadChoicesAsync(ct);
        await this.ShowConflictAsync(db, Merge, current, ProgressReportInput.From(current), Input,
            (_, organisation) => Organisations.Find(o => o.Id == organisation) is { } o ? Display.Plain(o.Name) + (o.Abbreviation is null ? "" : $" ({o.Abbreviation})") : null, t, ct);
        return Page();
    }

    async Task<IActionResult> DeniedAsync()
    {
        await HttpContext.RequestServices.GetRequiredService<Concord.Features.Audit.SecurityLog>().RecordDeniedAsync(HttpContext);
        return Forbid();
    }

    async Task<bool> LoadHeaderAsync(int id, CancellationToken ct)
    {
        CommitmentId = id;
        var header = await db.Commitments.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommitmentHeader(c.Id, c.Number, c.Text, c.PeriodStart, c.PeriodEnd, c.Status))
            .SingleOrDefaultAsync(ct);
        if (header is null) return false;
        Commitment = header;
        return true;
    }

    async Task LoadChoicesAsync(CancellationToken ct)
    {
        Organisations = await Choices.OrganisationsAsync(db, ct);
        Currencies = await Choices.CurrenciesAsync(db, ct);
    }
}
