using System.Linq.Expressions;
using Concord.Shared;

namespace Concord.Features.Commitments;

// One side's latest word on a commitment for a period; Id breaks a tie between two reports of the same day
// (the one entered later stands).
public sealed record ReportedStatus(string Country, DateOnly ReportedOn, int Id, CommitmentStatus Status);

public static class CommitmentRules
{
    // Overdue: still open (NotStarted, InProgress, PartlyDone, Delayed: never NoInformation, where the sources
    // are silent and nobody may call the work late) and past its due date, or, without a due date,
    // past the end of its period. A due date of today is not overdue yet.
    // Written so that a database can run it: the list filter and the home page count use this expression,
    // pages showing a loaded row use IsOverdueOn below, and a unit test holds the two to the same answers.
    public static Expression<Func<Commitment, bool>> IsOverdue(DateOnly today)
    {
        var year = today.Year;
        return c => (c.Status == CommitmentStatus.NotStarted || c.Status == CommitmentStatus.InProgress
                || c.Status == CommitmentStatus.PartlyDone || c.Status == CommitmentStatus.Delayed)
            && ((c.DueOn != null && c.DueOn < today) || (c.DueOn == null && c.PeriodEnd != null && c.PeriodEnd < year));
    }

    public static bool IsOverdueOn(DateOnly today, CommitmentStatus status, DateOnly? dueOn, Period? period) =>
        CommitmentStatusRules.IsOpen(status) && (dueOn is { } due ? due < today : period is { } p && p.IsOverBy(today));

    // Each side's latest status among reports for one commitment and one period.
    public static IReadOnlyDictionary<string, CommitmentStatus> LatestBySide(IEnumerable<ReportedStatus> reports) =>
        reports.GroupBy(r => r.Country)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => (r.ReportedOn, r.Id))!.Status);

    // The two sides disagree when each has reported on the period and their latest reports give different statuses.
    // One side alone cannot disagree; an earlier report superseded by a later one of the same side does not count.
    public static bool SidesDisagree(IEnumerable<ReportedStatus> reports) =>
        LatestBySide(reports).Values.Distinct().Count() > 1;

    // When the sides' latest reports agree on a status the commitment does not have yet, and an edit could
    // make that change, the commitment page offers it. It never happens on its own: the commitment's status is
    // the joint record, a report is one side's word.
    public static CommitmentStatus? SuggestedStatus(CommitmentStatus current, IEnumerable<ReportedStatus> reportsForCurrentPeriod)
    {
        var latest = LatestBySide(reportsForCurrentPeriod).Values.Distinct().ToList();
        if (latest.Count != 1) return null;
        var reported = latest[0];
        return reported != current && CommitmentStatusRules.CanChange(current, reported) ? reported : null;
    }
}
