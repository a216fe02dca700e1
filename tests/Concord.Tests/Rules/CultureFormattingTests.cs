using System.Globalization;
using Concord.Features.Activities;
using Concord.Features.Meetings;
using Concord.Shared;

namespace Concord.Tests.Rules;

// Dates at each precision, numbers and amounts in each currency, as a Vietnamese, an English and a
// Lao reader see them (.NET's ICU cultures vi, en, lo).
public class CultureFormattingTests
{
    static readonly JsonStringLocalizer T = new(StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features")));

    static T2 In<T2>(string culture, Func<T2> format)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return format(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    [Theory]
    [InlineData("vi", "2013")]
    [InlineData("en", "2013")]
    [InlineData("lo", "2013")]
    public void AYearReadsAsTheYearAloneInEveryLanguage(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Date(PartialDate.OfYear(2013))));

    [Theory]
    [InlineData("vi", "04/2017")]
    [InlineData("en", "April 2017")]
    [InlineData("lo", "ເມສາ 2017")]
    public void AMonthReadsWithoutADay(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Date(PartialDate.OfMonth(2017, 4))));

    [Theory]
    [InlineData("vi", "12/11/2025")]
    [InlineData("en", "12 November 2025")]
    [InlineData("lo", "12/11/2025")]
    [InlineData("lo-LA", "12/11/2025")]
    public void ADayReadsDayFirst(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Date(PartialDate.OfDay(2025, 11, 12))));

    [Theory]
    [InlineData("lo", 1, "ມັງກອນ 2024")]
    [InlineData("lo", 7, "ກໍລະກົດ 2024")]
    [InlineData("lo", 12, "ທັນວາ 2024")]
    public void LaoMonthsHaveTheirLaoNames(string culture, int month, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Date(PartialDate.OfMonth(2024, month))));

    [Theory]
    [InlineData("vi", "3.900.000.000 VND")]
    [InlineData("en", "3,900,000,000 VND")]
    [InlineData("lo", "3.900.000.000 VND")]
    public void DongAmountsKeepTheirCodeAndTheReadersDigitGrouping(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Money(3_900_000_000m, "VND")));

    [Theory]
    [InlineData("vi", "150.000.000 LAK")]
    [InlineData("en", "150,000,000 LAK")]
    [InlineData("lo", "150.000.000 ກີບ")]
    public void KipAmountsReadAsKipInLao(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Display.Money(150_000_000m, "LAK")));

    [Theory]
    [InlineData("vi", "12.500,50 USD", "20.000 USD")]
    [InlineData("en", "12,500.50 USD", "20,000 USD")]
    [InlineData("lo", "12.500,50 USD", "20.000 USD")]
    public void DollarAmountsShowCentsOnlyWhenThereAreAny(string culture, string withCents, string whole)
    {
        Assert.Equal(withCents, In(culture, () => Display.Money(12_500.5m, "USD")));
        Assert.Equal(whole, In(culture, () => Display.Money(20_000m, "USD")));
    }

    [Theory]
    [InlineData("vi", "trên 1.000.000 LAK")]
    [InlineData("en", "over 1,000,000 LAK")]
    [InlineData("lo", "ຫຼາຍກວ່າ 1.000.000 ກີບ")]
    public void AMinimumAmountSaysSoInTheReadersLanguage(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => ActivityFormat.Value(1_000_000m, "LAK", lowerBound: true, T)));

    [Theory]
    [InlineData("vi", "1.250 người (nữ 600, nam 650)")]
    [InlineData("en", "1,250 people (women 600, men 650)")]
    [InlineData("lo", "1.250 ຄົນ (ຍິງ 600, ຊາຍ 650)")]
    public void CountsOfPeopleAreGroupedAsTheReaderGroupsDigits(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => ActivityFormat.People(1250, 600, 650, T)));

    [Theory]
    [InlineData("vi", "Hội nghị Bộ trưởng lần thứ 9", "11–12/11/2025")]
    [InlineData("en", "9th Ministerial conference", "11–12 November 2025")]
    [InlineData("lo", "ກອງປະຊຸມລັດຖະມົນຕີ ຄັ້ງທີ 9", "11–12/11/2025")]
    public void AConferenceIsNumberedAndDatedInTheReadersLanguage(string culture, string name, string dates)
    {
        var kind = culture switch { "vi" => "Hội nghị Bộ trưởng", "en" => "Ministerial conference", _ => "ກອງປະຊຸມລັດຖະມົນຕີ" };
        Assert.Equal(name, In(culture, () => T["Meetings.KindNumbered", kind, MeetingText.Ordinal(9, Cultures.Language)].Value));
        Assert.Equal(dates, In(culture, () => MeetingText.Dates(PartialDate.OfDay(2025, 11, 11), new DateOnly(2025, 11, 12), CultureInfo.CurrentCulture)));
    }
}
