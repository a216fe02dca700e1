using Concord.Features.Commitments;
using Concord.Features.Home;

namespace Concord.Tests.Rules;

public class OverdueTests
{
    static readonly DateOnly Today = new(2026, 6, 15);

    static bool IsOverdue(CommitmentStatus status, DateOnly? due, int periodStart, int periodEnd) =>
        Overdue.On(Today).Compile()(new Commitment { Status = status, DueOn = due, PeriodStart = periodStart, PeriodEnd = periodEnd });

    [Theory]
    [InlineData(CommitmentStatus.InProgress, "2026-06-14", true)]
    [InlineData(CommitmentStatus.NotStarted, "2026-06-15", false)]
    [InlineData(CommitmentStatus.Delayed, "2026-01-01", true)]
    [InlineData(CommitmentStatus.PartlyDone, "2026-01-01", true)]
    [InlineData(CommitmentStatus.Done, "2026-01-01", false)]
    [InlineData(CommitmentStatus.Dropped, "2026-01-01", false)]
    [InlineData(CommitmentStatus.CarriedOver, "2026-01-01", false)]
    public void AnOpenCommitmentIsOverdueTheDayAfterItsDueDate(CommitmentStatus status, string due, bool overdue) =>
        Assert.Equal(overdue, IsOverdue(status, DateOnly.Parse(due), 2026, 2027));

    [Theory]
    [InlineData(2024, 2025, true)]
    [InlineData(2025, 2026, false)]
    [InlineData(2026, 2027, false)]
    public void WithoutADueDateACommitmentIsOverdueOnceItsPeriodEndedBeforeThisYear(int start, int end, bool overdue) =>
        Assert.Equal(overdue, IsOverdue(CommitmentStatus.InProgress, null, start, end));

    [Fact]
    public void ADueDateStillAheadWinsOverAnEndedPeriod() =>
        Assert.False(IsOverdue(CommitmentStatus.InProgress, new DateOnly(2026, 12, 31), 2024, 2025));
}
