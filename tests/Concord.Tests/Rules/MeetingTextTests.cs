using System.Globalization;
using Concord.Features.Meetings;
using Concord.Shared;

namespace Concord.Tests.Rules;

public class MeetingTextTests
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");
    static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(9, "9th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(112, "112th")]
    public void EnglishOrdinalsTakeTheirSuffix(int number, string expected) => Assert.Equal(expected, MeetingText.Ordinal(number, "en"));

    [Fact]
    public void VietnameseNumberIsThePlainNumberForLanThu() => Assert.Equal("9", MeetingText.Ordinal(9, "vi"));

    [Fact]
    public void OneDayMeetingShowsOneDate()
    {
        Assert.Equal("12/11/2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 12), null, Vi));
        Assert.Equal("12/11/2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 12), new DateOnly(2025, 11, 12), Vi));
    }

    [Fact]
    public void MeetingWithinAMonthSharesItsMonthAndYear()
    {
        Assert.Equal("11–12/11/2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 11), new DateOnly(2025, 11, 12), Vi));
        Assert.Equal("11–12 November 2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 11), new DateOnly(2025, 11, 12), En));
    }

    [Fact]
    public void MeetingAcrossMonthsOrYearsSpellsBothEnds()
    {
        Assert.Equal("28/11–02/12/2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 28), new DateOnly(2025, 12, 2), Vi));
        Assert.Equal("28 November – 2 December 2025", MeetingText.Dates(PartialDate.OfDay(2025, 11, 28), new DateOnly(2025, 12, 2), En));
        Assert.Equal("30/12/2025–02/01/2026", MeetingText.Dates(PartialDate.OfDay(2025, 12, 30), new DateOnly(2026, 1, 2), Vi));
    }

    [Fact]
    public void StartKnownOnlyToTheMonthIsNeverGivenADay()
    {
        Assert.Equal("04/2017", MeetingText.Dates(PartialDate.OfMonth(2017, 4), null, Vi));
        Assert.Equal("2023", MeetingText.Dates(PartialDate.OfYear(2023), null, Vi));
        Assert.Equal("", MeetingText.Dates(null, null, Vi));
    }
}
