using Concord.Features.Commitments;
using Concord.Shared;
using static Concord.Features.Commitments.CommitmentStatus;

namespace Concord.Tests.Rules;

public class OverdueTests
{
    static readonly DateOnly Today = new(2026, 3, 12);
    static readonly Period Plan = new(2026, 2027);

    static bool Overdue(CommitmentStatus status, DateOnly? due, Period period) => CommitmentRules.IsOverdueOn(Today, status, due, period);

    [Fact]
    public void AnOpenCommitmentPastItsDueDateIsOverdue() =>
        Assert.True(Overdue(InProgress, new DateOnly(2026, 3, 11), Plan));

    [Fact]
    public void ACommitmentDueTodayIsNotOverdueYet() =>
        Assert.False(Overdue(NotStarted, Today, Plan));

    [Theory]
    [InlineData(Done)]
    [InlineData(Dropped)]
    [InlineData(CarriedOver)]
    public void AClosedCommitmentIsNeverOverdue(CommitmentStatus closed)
    {
        Assert.False(Overdue(closed, new DateOnly(2020, 1, 1), Plan));
        Assert.False(Overdue(closed, null, new Period(2020, 2021)));
    }

    [Fact]
    public void WithoutADueDateItIsOverdueOnlyOnceItsPeriodHasEnded()
    {
        Assert.False(Overdue(Delayed, null, new Period(2025, 2026)));
        Assert.True(Overdue(Delayed, null, new Period(2024, 2025)));
        Assert.False(CommitmentRules.IsOverdueOn(new DateOnly(2025, 12, 31), Delayed, null, new Period(2024, 2025)));
    }

    [Fact]
    public void ADueDateAfterThePeriodCountsInsteadOfThePeriodsEnd() =>
        Assert.False(Overdue(InProgress, new DateOnly(2026, 6, 30), new Period(2024, 2025)));

    [Fact]
    public void TheDatabasePredicateGivesTheSameAnswersAsTheInMemoryRule()
    {
        var predicate = CommitmentRules.IsOverdue(Today).Compile();
        DateOnly?[] dues = [null, Today.AddDays(-400), Today.AddDays(-1), Today, Today.AddDays(1)];
        Period[] periods = [new(2020, 2021), new(2025, 2025), new(2025, 2026), new(2026, 2027), new(2028, 2029)];
        foreach (var status in Enum.GetValues<CommitmentStatus>())
        foreach (var due in dues)
        foreach (var period in periods)
        {
            var commitment = new Commitment { Status = status, DueOn = due, Period = period };
            Assert.True(predicate(commitment) == Overdue(status, due, period), $"{status}, due {due}, period {period}");
        }
    }
}

public class DisagreementTests
{
    static ReportedStatus R(string side, int day, CommitmentStatus status, int id = 0) =>
        new(side, new DateOnly(2026, 3, day), id == 0 ? day : id, status);

    [Fact]
    public void SidesWhoseLatestReportsGiveDifferentStatusesDisagree() =>
        Assert.True(CommitmentRules.SidesDisagree([R("VN", 1, Done), R("LA", 2, InProgress)]));

    [Fact]
    public void SidesGivingTheSameStatusAgree() =>
        Assert.False(CommitmentRules.SidesDisagree([R("VN", 1, Done), R("LA", 2, Done)]));

    [Fact]
    public void OneSideAloneCannotDisagreeEvenWithItself() =>
        Assert.False(CommitmentRules.SidesDisagree([R("VN", 1, Delayed), R("VN", 5, InProgress)]));

    [Fact]
    public void ASidesEarlierReportNoLongerCounts()
    {
        Assert.False(CommitmentRules.SidesDisagree([R("VN", 1, Delayed), R("LA", 2, Done), R("VN", 3, Done)]));
        Assert.True(CommitmentRules.SidesDisagree([R("VN", 1, Done), R("LA", 2, Done), R("VN", 3, Delayed)]));
    }

    [Fact]
    public void OfTwoReportsOnTheSameDayTheOneEnteredLaterStands()
    {
        var latest = CommitmentRules.LatestBySide([R("LA", 4, Delayed, id: 10), R("LA", 4, Done, id: 11)]);
        Assert.Equal(Done, latest["LA"]);
    }

    [Fact]
    public void NoReportsNoDisagreement() => Assert.False(CommitmentRules.SidesDisagree([]));

    [Fact]
    public void TheStatusTheSidesAgreeOnIsOfferedWhenTheCommitmentCouldTakeIt()
    {
        Assert.Equal(Done, CommitmentRules.SuggestedStatus(InProgress, [R("VN", 1, Done), R("LA", 2, Done)]));
        Assert.Equal(Delayed, CommitmentRules.SuggestedStatus(NotStarted, [R("LA", 2, Delayed)]));
    }

    [Fact]
    public void NothingIsOfferedWhenTheSidesDisagreeOrTheChangeIsNotAllowed()
    {
        Assert.Null(CommitmentRules.SuggestedStatus(InProgress, [R("VN", 1, Done), R("LA", 2, Delayed)]));
        Assert.Null(CommitmentRules.SuggestedStatus(Done, [R("VN", 1, Done)]));
        Assert.Null(CommitmentRules.SuggestedStatus(Dropped, [R("VN", 1, Done)]));
        Assert.Null(CommitmentRules.SuggestedStatus(CarriedOver, [R("VN", 1, InProgress)]));
        Assert.Null(CommitmentRules.SuggestedStatus(InProgress, []));
    }
}

public class ProgrammeCalendarTests
{
    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void TodayIsTheDateInHanoiAndVientianeNotInUtc()
    {
        Assert.Equal(new DateOnly(2026, 3, 12), new FixedClock(new DateTimeOffset(2026, 3, 11, 18, 30, 0, TimeSpan.Zero)).Today());
        Assert.Equal(new DateOnly(2026, 3, 11), new FixedClock(new DateTimeOffset(2026, 3, 11, 16, 59, 0, TimeSpan.Zero)).Today());
    }
}
