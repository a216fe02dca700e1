using System.Globalization;
using Concord.Shared;

namespace Concord.Tests.Rules;

public class PartialDateTests
{
    static readonly CultureInfo Vietnamese = new("vi");
    static readonly CultureInfo English = new("en");

    [Theory]
    [InlineData("2013", 2013, 1, 1, DatePrecision.Year)]
    [InlineData("04/2017", 2017, 4, 1, DatePrecision.Month)]
    [InlineData("4/2017", 2017, 4, 1, DatePrecision.Month)]
    [InlineData("2017-04", 2017, 4, 1, DatePrecision.Month)]
    [InlineData("12/11/2025", 2025, 11, 12, DatePrecision.Day)]
    [InlineData("2025-11-12", 2025, 11, 12, DatePrecision.Day)]
    [InlineData(" 19/10/2021 ", 2021, 10, 19, DatePrecision.Day)]
    public void ReadsWhatOfficialsTypeAtThePrecisionTheyGive(string text, int y, int m, int d, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date.Date);
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("28/11")]
    [InlineData("31/02/2020")]
    [InlineData("13/2017")]
    [InlineData("năm 2013")]
    [InlineData("20130")]
    public void RefusesWhatIsNotADate(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void NeverShowsAMadeUpDayOrMonth()
    {
        Assert.Equal("2013", PartialDate.OfYear(2013).Format(Vietnamese));
        Assert.Equal("04/2017", PartialDate.OfMonth(2017, 4).Format(Vietnamese));
        Assert.Equal("April 2017", PartialDate.OfMonth(2017, 4).Format(English));
        Assert.Equal("12/11/2025", PartialDate.OfDay(2025, 11, 12).Format(Vietnamese));
        Assert.Equal("12 November 2025", PartialDate.OfDay(2025, 11, 12).Format(English));
    }

    [Fact]
    public void AYearOrMonthLastsUntilItsLastDay()
    {
        Assert.Equal(new DateOnly(2023, 12, 31), PartialDate.OfYear(2023).LatestDay);
        Assert.Equal(new DateOnly(2024, 2, 29), PartialDate.OfMonth(2024, 2).LatestDay);
        Assert.Equal(new DateOnly(2025, 11, 12), PartialDate.OfDay(2025, 11, 12).LatestDay);
    }

    [Fact]
    public void EditingShowsTheDateAsItWasEntered()
    {
        Assert.Equal("2013", PartialDate.OfYear(2013).ToInputText());
        Assert.Equal("04/2017", PartialDate.OfMonth(2017, 4).ToInputText());
        Assert.Equal("12/11/2025", PartialDate.OfDay(2025, 11, 12).ToInputText());
    }

    [Theory]
    [InlineData("2013", "\"2013\"")]
    [InlineData("04/2017", "\"2017-04\"")]
    [InlineData("12/11/2025", "\"2025-11-12\"")]
    public void JsonWritesIso8601AtTheKnownPrecisionAndReadsItBack(string text, string json)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(date));
        Assert.Equal(date, System.Text.Json.JsonSerializer.Deserialize<PartialDate>(json));
        Assert.Null(System.Text.Json.JsonSerializer.Deserialize<PartialDate?>("null"));
    }
}
