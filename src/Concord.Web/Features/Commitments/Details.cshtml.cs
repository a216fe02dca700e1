using Concord.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

[AllowAnonymous]
public class DetailsModel(ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user) : PageModel
{
    public CommitmentDetails Commitment { get; private set; } = null!;
    // One row per period, newest first, with each side's reports in it, latest first.
    public List<PeriodReports> Periods { get; private set; } = [];
    // The status both sides' latest reports for the commitment's period give, when the commitment could take it.
    public CommitmentStatus? Suggested { get; private set; }
    // The sides whose reports this user may write here: buttons they could not use are not shown.
    public IReadOnlySet<string> ReportableSides { get; private set; } = new HashSet<string>();
    // Each report's attachments, read for all of them at once.
    public Dictionary<int, List<Concord.Features.Attachments.AttachmentRow>> ReportAttachments { get; private set; } = [];
    public bool CanEdit => user.CanEdit;
    // Histories are for signed-in readers (Audit/_HistoryLink.cshtml): no link an anonymous visitor cannot use.
    public bool IsSignedIn => user.IsSignedIn;

    public sealed record PeriodReports(string Period, bool Disagree, IReadOnlyDictionary<string, List<ReportDetails>> BySide)
    {
        public List<ReportDetails> Of(string side) => BySide.GetValueOrDefault(side) ?? [];
        public ReportDetails? LatestOf(string side) => Of(side).FirstOrDefault();
    }

    // After a refused status change: the status asked for, posted again with the merge.
    public CommitmentStatus? RequestedStatus { get; private set; }
    [BindProperty]
    public MergeForm Merge { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : await this.NotFoundOrSignInAsync(db.Commitments, id, ct);

    // "Take the status the sides report": an edit of the status alone, under the same transition rules
    // and the same version check as the edit form. Refused over a newer version, it shows the status saved
    // meanwhile beside the one asked for, as the edit form's conflict table does.
    [HandlerAuthorize(Access.EditRecord)]
    public async Task<IActionResult> OnPostStatusAsync(int id, CommitmentStatus status, int version, CancellationToken ct)
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commitment is null) return NotFound();
        if (commitment.Status == status || !CommitmentStatusRules.CanChange(commitment.Status, status))
        {
            ModelState.AddModelError("", t["Commitments.StatusNotAllowed"]);
        }
        else if (CommitmentStatusRules.NeedsBothSides(commitment.Status, status))
        {
            ModelState.AddModelError("", t["Commitments.StatusNeedsBothSides"]);
        }
        else
        {
            db.SaveAgainstVersion(commitment, version);
            commitment.Status = status;
            if (await db.TrySaveAsync(ct))
            {
                TempData[Flash.Key] = Flash.Saved;
                return Redirect($"/commitments/{id}");
            }
            var current = await db.Commitments.AsNoTracking().Include(c => c.Leads).SingleAsync(c => c.Id == id, ct);
            var saved = CommitmentInput.From(current);
            var mine = CommitmentInput.From(current);
            mine.Status = status;
            RequestedStatus = status;
            await this.ShowConflictAsync(db, Merge, current, saved, mine, (_, _) => null, t, ct);
        }
        await LoadAsync(id, ct);
        return Page();
    }

    // "Save merged version": keeping the saved status changes nothing; taking the one asked for is tried
    // against the version the table showed.
    [HandlerAuthorize(Access.EditRecord)]
    public async Task<IActionResult> OnPostMergeAsync(int id, CommitmentStatus status, CancellationToken ct)
    {
        // A commitment the user may not see answers as one that does not exist, whatever was posted.
        if (!await db.Commitments.AnyAsync(c => c.Id == id, ct)) return NotFound();
        if (Merge.Choices.GetValueOrDefault(nameof(CommitmentInput.Status)) == MergeForm.Saved || Merge.Version is not { } version)
            return Redirect($"/commitments/{id}");
        return await OnPostStatusAsync(id, status, version, ct);
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        if (await CommitmentDetails.LoadAsync(db, id, clock.Today(), ct) is not { } details) return false;
        Commitment = details;
        // A commitment without a period shows its reports only under their own periods.
        var own = details.PeriodStart is { } ps && details.PeriodEnd is { } pe ? new[] { (PeriodStart: ps, PeriodEnd: pe) } : [];
        var periods = details.Reports.Select(r => (r.PeriodStart, r.PeriodEnd)).Concat(own).Distinct()
            .OrderByDescending(p => p.PeriodStart).ThenByDescending(p => p.PeriodEnd);
        Periods = periods.Select(p =>
        {
            var reports = details.Reports.Where(r => r.PeriodStart == p.PeriodStart && r.PeriodEnd == p.PeriodEnd).ToList();
            var bySide = reports.GroupBy(r => r.Country).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).ToList());
            var period = new Concord.Shared.Period(p.PeriodStart, p.PeriodEnd).ToString();
            return new PeriodReports(period, details.DisagreedPeriods.Contains(period), bySide);
        }).ToList();
        var sides = new HashSet<string>();
        foreach (var side in Sides.All)
            if (await ReportAccess.AllowsAsync(db, user, id, side, ct)) sides.Add(side);
        ReportableSides = sides;
        ReportAttachments = await Concord.Features.Attachments.AttachmentList.ForRecordsAsync(db, Concord.Features.Attachments.AttachmentKind.ProgressReport,
            [.. details.Reports.Select(r => r.Id)], ct);
        Suggested = CommitmentRules.SuggestedStatus(details.Status,
            details.Reports.Where(r => r.PeriodStart == details.PeriodStart && r.PeriodEnd == details.PeriodEnd).Select(r => r.AsStatus()));
        return true;
    }
}
