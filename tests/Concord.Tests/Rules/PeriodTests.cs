using Concord.Shared;

namespace Concord.Tests.Rules;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-2027", 2026, 2027)]
    [InlineData("2026–2027", 2026, 2027)]
    [InlineData(" 2026 - 2027 ", 2026, 2027)]
    [InlineData("2026", 2026, 2026)]
    [InlineData("2021-2030", 2021, 2030)]
    public void ReadsAPeriodAsTheMinutesWriteIt(string text, int start, int end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal(new Period(start, end), period);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("2027-2026")]
    [InlineData("2026-")]
    [InlineData("hai năm tới")]
    [InlineData("2026-2027-2028")]
    [InlineData("1800-1801")]
    [InlineData("2020-2035")]
    [InlineData("+2026")]
    public void RefusesWhatIsNotAPeriod(string? text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData(2024, 2025, 2026, 2027)]
    [InlineData(2026, 2026, 2027, 2027)]
    [InlineData(2021, 2025, 2026, 2030)]
    public void TheNextPeriodFollowsWithTheSameLength(int start, int end, int nextStart, int nextEnd) =>
        Assert.Equal(new Period(nextStart, nextEnd), new Period(start, end).Next());

    [Fact]
    public void WritesItselfTheWayItIsRead()
    {
        Assert.Equal("2026-2027", new Period(2026, 2027).ToString());
        Assert.Equal("2026", new Period(2026, 2026).ToString());
        Assert.True(Period.TryParse(new Period(2026, 2027).ToString(), out var back));
        Assert.Equal(new Period(2026, 2027), back);
    }

    [Fact]
    public void APeriodIsOverOnlyAfterItsLastYear()
    {
        var plan = new Period(2026, 2027);
        Assert.False(plan.IsOverBy(new DateOnly(2027, 12, 31)));
        Assert.True(plan.IsOverBy(new DateOnly(2028, 1, 1)));
        Assert.True(plan.Contains(new DateOnly(2026, 1, 1)));
        Assert.False(plan.Contains(new DateOnly(2025, 12, 31)));
    }
}
