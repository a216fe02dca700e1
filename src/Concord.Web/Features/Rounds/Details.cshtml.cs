using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Mail;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Rounds;

// /rounds/{id}: what the round covers and has collected — per side and per department, reported / missing /
// late, the list of what is missing a page at a time, "send a reminder now" for a department that owes
// reports, the reminders sent (or, without a mail server, to pass on), and after closing the reports changed since.
[Authorize(Policy = Access.SignedIn)]
public class DetailsModel(ConcordDb db, CurrentUser user, Mailer mailer, IStringLocalizer t, ReminderDigest digest) : PageModel
{
    const int RemindersShown = 50;

    public Round Round { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public bool IsLate { get; private set; }
    public string? CriteriaMeeting { get; private set; }
    public string? CriteriaInstrument { get; private set; }
    public string? CriteriaArea { get; private set; }
    public string? CriteriaLead { get; private set; }
    public List<RoundQueries.SideCount> BySide { get; private set; } = [];
    public List<RoundQueries.DepartmentCount> ByDepartment { get; private set; } = [];
    public string ListSide { get; private set; } = "";
    public int? ListDepartment { get; private set; }
    public Page<RoundQueries.WorkRow> Missing { get; private set; } = new([], null);
    public bool MailConfigured => mailer.IsConfigured;
    public List<ReminderRow> Reminders { get; private set; } = [];
    public int Submitted { get; private set; }
    public List<ChangedRow> ChangedAfter { get; private set; } = [];

    public sealed record ReminderRow(int Id, DateOnly Day, string Email, ReminderState State, int Missing, bool AfterDue, string Body, string? Error, ReminderKind Kind);
    public sealed record ChangedRow(int ReportId, int CommitmentId, string? Number, LocalizedText Text, string Country, int SubmittedVersion, int Version, DateTime UpdatedAt);

    public async Task<IActionResult> OnGetAsync(int id, string? side, int? department, string? after, int? size, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ListSide = side is not null && Round.Sides.Contains(side) ? side : RoundRules.AsksSide(Round, user.Country) ? user.Country! : Round.Sides[0];
        ListDepartment = department;
        Missing = await RoundQueries.ListAsync(db, Round, ListSide, null, false, department, after, Cursor.Size(size), ct);
        return Page();
    }

    [HandlerAuthorize(Access.EditRecord)]
    public async Task<IActionResult> OnPostCloseAsync(int id, int version, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (!RoundRules.MayManage(user, round)) return Forbid();
        if (!await RoundClosing.CloseAsync(db, id, version, ct))
        {
            ModelState.AddModelError("", t["Rounds.ChangedMeanwhile"]);
            return await OnGetAsync(id, null, null, null, null, ct);
        }
        TempData[Flash.Key] = RoundRules.ClosedFlash;
        return Redirect($"/rounds/{id}");
    }

    // "Send a reminder now" for one department: its focal points get this round's reminder through the same
    // rows and send job as the daily digest. Refused within the hour after the last one for the department.
    [HandlerAuthorize(Access.EditRecord)]
    public async Task<IActionResult> OnPostRemindAsync(int id, int department, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return NotFound();
        if (!RoundRules.MayManage(user, round)) return Forbid();
        var owing = round.State == RoundState.Open
            ? (await RoundQueries.ByDepartmentAsync(db, round, ct)).FirstOrDefault(d => d.OrganisationId == department && d.Outstanding > 0)
            : null;
        var recipients = owing is null ? [] : await digest.OfDepartmentAsync(department, owing.Side, ct);
        if (owing is null) return Landing(id, Flash.ReminderNothingOwed, warns: true);
        if (recipients.Count == 0) return Landing(id, Flash.ReminderNoFocalPoint, warns: true);
        if (!await digest.TryTakeManualAsync(id, department, user.AccountId!.Value, ct)) return Landing(id, Flash.ReminderTooSoon, warns: true);
        await digest.WriteAsync(recipients, [round], db.Clock.Today(), ReminderKind.Manual, user.AccountId, ct);
        return Landing(id, Flash.ReminderSent, warns: false);
    }

    IActionResult Landing(int id, string flash, bool warns)
    {
        TempData[Flash.Key] = flash;
        if (warns) TempData[Flash.Warning] = true;
        return Redirect($"/rounds/{id}");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return false;
        Round = round;
        CanManage = RoundRules.MayManage(user, round);
        IsLate = RoundQueries.IsLate(round, db.Clock.Today());
        if (round.MeetingId is { } m) CriteriaMeeting = Display.Plain(await db.Meetings.Where(x => x.Id == m).Select(x => new LocalizedText(x.Title.Vi, x.Title.En, x.Title.Lo)).SingleOrDefaultAsync(ct));
        if (round.InstrumentId is { } i) CriteriaInstrument = Display.Plain(await db.Instruments.Where(x => x.Id == i).Select(x => new LocalizedText(x.Title.Vi, x.Title.En, x.Title.Lo)).SingleOrDefaultAsync(ct));
        if (round.AreaId is { } a) CriteriaArea = Display.Plain(await db.Terms.Where(x => x.Id == a).Select(x => new LocalizedText(x.Name.Vi, x.Name.En, x.Name.Lo)).SingleOrDefaultAsync(ct));
        if (round.LeadOrganisationId is { } o) CriteriaLead = Display.Plain(await db.Organisations.Where(x => x.Id == o).Select(x => new LocalizedText(x.Name.Vi, x.Name.En, x.Name.Lo)).SingleOrDefaultAsync(ct));
        BySide = await RoundQueries.BySideAsync(db, round, ct);
        ByDepartment = await RoundQueries.ByDepartmentAsync(db, round, ct);
        if (CanManage)
        {
            Reminders = await db.ReminderRounds.AsNoTracking().Where(x => x.RoundId == id)
                .Join(db.Reminders, x => x.ReminderId, r => r.Id, (x, r) => new { x, r })
                .OrderByDescending(j => j.x.ReminderId).Take(RemindersShown)
                .Select(j => new ReminderRow(j.r.Id, j.r.Day, j.r.Email, j.r.State, j.x.Missing, j.x.AfterDue, j.r.Body, j.r.Error, j.r.Kind))
                .ToListAsync(ct);
        }
        if (round.State == RoundState.Closed)
        {
            Submitted = await db.RoundSubmissions.CountAsync(s => s.RoundId == id, ct);
            ChangedAfter = await db.RoundSubmissions.AsNoTracking().Where(s => s.RoundId == id && s.ProgressReport.Version > s.ReportVersion)
                .OrderBy(s => s.ProgressReportId).Take(100)
                .Select(s => new ChangedRow(s.ProgressReportId, s.ProgressReport.CommitmentId, s.ProgressReport.Commitment.Number,
                    new LocalizedText(s.ProgressReport.Commitment.Text.Vi, s.ProgressReport.Commitment.Text.En, s.ProgressReport.Commitment.Text.Lo),
                    s.ProgressReport.Country, s.ReportVersion, s.ProgressReport.Version, s.ProgressReport.UpdatedAt))
                .ToListAsync(ct);
        }
        return true;
    }
}
