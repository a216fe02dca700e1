namespace Concord.Features.Commitments;

// Which status changes an edit may make.
//  - Open statuses (NotStarted, InProgress, PartlyDone, Delayed) may move freely among themselves,
//    since a status is an assessment that gets corrected, and may close as Done or Dropped.
//  - Done and Dropped are closed: they can only be reopened, and reopening means work resumes (InProgress);
//    anything else would rewrite an assessment the two sides agreed on.
//  - CarriedOver is set only by the carry-over action, which also creates the clause that carries
//    the work on; an edit can neither set it nor leave it (undoing a carry-over is not an edit).
//  - NoInformation says the sources are silent. It is neither open nor closed: never overdue, and
//    counted apart. Any news moves it to the status the news gives; an open status may become it
//    (an assessment nobody can back), a closed one may not (Done and Dropped were agreed).
// A new commitment may start in any status but CarriedOver: recording an old conference's clauses
// means entering some that are already done.
public static class CommitmentStatusRules
{
    public static bool IsClosed(CommitmentStatus status) =>
        status is CommitmentStatus.Done or CommitmentStatus.Dropped or CommitmentStatus.CarriedOver;

    // Work the sides still owe: the only statuses that can be overdue.
    public static bool IsOpen(CommitmentStatus status) =>
        status is CommitmentStatus.NotStarted or CommitmentStatus.InProgress or CommitmentStatus.PartlyDone or CommitmentStatus.Delayed;

    public static bool CanCreateAs(CommitmentStatus status) =>
        Enum.IsDefined(status) && status != CommitmentStatus.CarriedOver;

    public static bool CanChange(CommitmentStatus from, CommitmentStatus to)
    {
        if (from == to) return true;
        if (!Enum.IsDefined(to) || to == CommitmentStatus.CarriedOver) return false;
        return from switch
        {
            CommitmentStatus.CarriedOver => false,
            CommitmentStatus.Done or CommitmentStatus.Dropped => to == CommitmentStatus.InProgress,
            // Any news replaces "no information".
            CommitmentStatus.NoInformation => true,
            _ => true,
        };
    }

    // Closing a commitment (Done, Dropped) and reopening a closed one are agreed by both sides: one side's
    // coordinator proposes, the other side's confirms (StatusProposals). An edit cannot make these changes.
    public static bool NeedsBothSides(CommitmentStatus from, CommitmentStatus to) =>
        from != to && (to is CommitmentStatus.Done or CommitmentStatus.Dropped || from is CommitmentStatus.Done or CommitmentStatus.Dropped);

    // What a proposal may ask for from the current status: to close open work, or to reopen closed work.
    public static bool CanPropose(CommitmentStatus from, CommitmentStatus to) => NeedsBothSides(from, to) && CanChange(from, to);

    public static IReadOnlyList<CommitmentStatus> ProposalChoices(CommitmentStatus current) =>
        Enum.GetValues<CommitmentStatus>().Where(s => CanPropose(current, s)).ToList();

    // The statuses an edit form offers: for a new commitment (current is null) or from the current one,
    // without the changes both sides must agree on.
    public static IReadOnlyList<CommitmentStatus> Choices(CommitmentStatus? current) =>
        Enum.GetValues<CommitmentStatus>().Where(s => current is { } c ? CanChange(c, s) && !NeedsBothSides(c, s) : CanCreateAs(s)).ToList();

    // Finished and abandoned work is not carried into the next plan, and a clause is carried over once:
    // the clause it was carried into is the one to carry on.
    // A clause nobody has news of is not carried over either: first someone must say how it stands.
    public static bool CanCarryOver(CommitmentStatus status) => IsOpen(status);

    // What a side may say in a progress report: carrying over is a decision of the next conference,
    // recorded with the carry-over action, not a side's assessment.
    // Nor is NoInformation: a side that reports has something to say.
    public static bool CanReport(CommitmentStatus status) =>
        Enum.IsDefined(status) && status != CommitmentStatus.CarriedOver && status != CommitmentStatus.NoInformation;

    public static IReadOnlyList<CommitmentStatus> ReportChoices { get; } =
        Enum.GetValues<CommitmentStatus>().Where(CanReport).ToList();
}
