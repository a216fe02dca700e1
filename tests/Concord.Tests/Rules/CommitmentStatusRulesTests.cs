using Concord.Features.Commitments;
using static Concord.Features.Commitments.CommitmentStatus;

namespace Concord.Tests.Rules;

public class CommitmentStatusRulesTests
{
    static readonly CommitmentStatus[] Open = [NotStarted, InProgress, PartlyDone, Delayed];

    [Theory]
    [InlineData(Done)]
    [InlineData(Dropped)]
    public void DoneAndDroppedCanOnlyBeReopenedAsInProgress(CommitmentStatus closed)
    {
        var allowed = Enum.GetValues<CommitmentStatus>().Where(to => to != closed && CommitmentStatusRules.CanChange(closed, to));
        Assert.Equal([InProgress], allowed);
    }

    [Fact]
    public void AnEditNeitherSetsNorLeavesCarriedOver()
    {
        foreach (var other in Enum.GetValues<CommitmentStatus>().Where(s => s != CarriedOver))
        {
            Assert.False(CommitmentStatusRules.CanChange(other, CarriedOver), $"{other} -> CarriedOver");
            Assert.False(CommitmentStatusRules.CanChange(CarriedOver, other), $"CarriedOver -> {other}");
        }
    }

    [Fact]
    public void OpenStatusesMoveAmongThemselvesAndMayCloseAsDoneOrDropped()
    {
        foreach (var from in Open)
        foreach (var to in Open.Append(Done).Append(Dropped))
            Assert.True(CommitmentStatusRules.CanChange(from, to), $"{from} -> {to}");
    }

    [Fact]
    public void KeepingTheSavedStatusIsAlwaysAllowed()
    {
        foreach (var s in Enum.GetValues<CommitmentStatus>())
            Assert.True(CommitmentStatusRules.CanChange(s, s));
    }

    [Fact]
    public void ANewCommitmentMayStartInAnyStatusButCarriedOver()
    {
        Assert.Equal([NotStarted, InProgress, Done, PartlyDone, Delayed, Dropped, NoInformation], CommitmentStatusRules.Choices(null));
    }

    [Fact]
    public void TheEditFormOffersExactlyTheAllowedStatusesLeavingClosingAndReopeningToBothSides()
    {
        Assert.Equal([Done], CommitmentStatusRules.Choices(Done));
        Assert.Equal([CarriedOver], CommitmentStatusRules.Choices(CarriedOver));
        Assert.DoesNotContain(CarriedOver, CommitmentStatusRules.Choices(Delayed));
        Assert.Equal([NotStarted, InProgress, PartlyDone, Delayed, NoInformation], CommitmentStatusRules.Choices(Delayed));
    }

    [Fact]
    public void ClosingAndReopeningAreProposedNeverEdited()
    {
        Assert.True(CommitmentStatusRules.NeedsBothSides(InProgress, Done));
        Assert.True(CommitmentStatusRules.NeedsBothSides(NoInformation, Dropped));
        Assert.True(CommitmentStatusRules.NeedsBothSides(Done, InProgress));
        Assert.False(CommitmentStatusRules.NeedsBothSides(InProgress, Delayed));
        Assert.False(CommitmentStatusRules.NeedsBothSides(Done, Done));
        Assert.Equal([Done, Dropped], CommitmentStatusRules.ProposalChoices(PartlyDone));
        Assert.Equal([InProgress], CommitmentStatusRules.ProposalChoices(Dropped));
        Assert.Empty(CommitmentStatusRules.ProposalChoices(CarriedOver));
    }

    [Fact]
    public void NoInformationIsNeitherOpenNorClosedAndAnyNewsReplacesIt()
    {
        Assert.False(CommitmentStatusRules.IsOpen(NoInformation));
        Assert.False(CommitmentStatusRules.IsClosed(NoInformation));
        foreach (var to in Open.Append(Done).Append(Dropped))
            Assert.True(CommitmentStatusRules.CanChange(NoInformation, to), $"NoInformation -> {to}");
        Assert.False(CommitmentStatusRules.CanChange(NoInformation, CarriedOver));
    }

    [Fact]
    public void AnOpenAssessmentMayBecomeNoInformationButAnAgreedClosedOneMayNot()
    {
        foreach (var from in Open) Assert.True(CommitmentStatusRules.CanChange(from, NoInformation), $"{from} -> NoInformation");
        Assert.False(CommitmentStatusRules.CanChange(Done, NoInformation));
        Assert.False(CommitmentStatusRules.CanChange(Dropped, NoInformation));
        Assert.False(CommitmentStatusRules.CanChange(CarriedOver, NoInformation));
    }

    [Fact]
    public void NoInformationIsNeverOverdueWhateverItsDates()
    {
        var today = new DateOnly(2026, 12, 2);
        Assert.False(CommitmentRules.IsOverdueOn(today, NoInformation, new DateOnly(2020, 1, 1), new Concord.Shared.Period(2019, 2020)));
        Assert.False(CommitmentRules.IsOverdueOn(today, NotStarted, null, null));
        Assert.True(CommitmentRules.IsOverdueOn(today, NotStarted, null, new Concord.Shared.Period(2019, 2020)));
    }

    [Fact]
    public void ASideCannotReportNoInformation() => Assert.DoesNotContain(NoInformation, CommitmentStatusRules.ReportChoices);

    [Fact]
    public void AStatusNumberOutsideTheListIsRefused()
    {
        Assert.False(CommitmentStatusRules.CanChange(InProgress, (CommitmentStatus)42));
        Assert.False(CommitmentStatusRules.CanCreateAs((CommitmentStatus)42));
        Assert.False(CommitmentStatusRules.CanReport((CommitmentStatus)42));
    }

    [Fact]
    public void OnlyOpenCommitmentsCanBeCarriedOver()
    {
        var carriable = Enum.GetValues<CommitmentStatus>().Where(CommitmentStatusRules.CanCarryOver);
        Assert.Equal(Open.Order(), carriable.Order());
    }

    [Fact]
    public void AReportCanGiveAnyStatusButCarriedOver()
    {
        Assert.DoesNotContain(CarriedOver, CommitmentStatusRules.ReportChoices);
        Assert.Equal(6, CommitmentStatusRules.ReportChoices.Count);
    }
}
