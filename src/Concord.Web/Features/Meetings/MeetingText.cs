using System.Globalization;
using Concord.Shared;

namespace Concord.Features.Meetings;

// How a meeting's number and dates read. Vietnamese says "lần thứ 9" and "11–12/11/2025";
// English says "9th" and "11–12 November 2025". Lao says "ຄັ້ງທີ 9" and writes days as Vietnamese
// does (PartialDate), so it shares the Vietnamese forms.
public static class MeetingText
{
    public static string Ordinal(int number, string language) =>
        language == "en" ? number.ToString(CultureInfo.InvariantCulture) + EnglishSuffix(number) : number.ToString(CultureInfo.InvariantCulture);

    static string EnglishSuffix(int n) => (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    };

    // The end is stored only when known to the day; a start known only to a month or a year is
    // shown as such, never with a made-up day.
    public static string Dates(PartialDate? start, DateOnly? end, CultureInfo culture)
    {
        if (start is not { } s) return "";
        if (end is not { } e || (s.Precision == DatePrecision.Day && e == s.Date)) return s.Format(culture);
        var endText = new PartialDate(e, DatePrecision.Day).Format(culture);
        if (s.Precision != DatePrecision.Day) return $"{s.Format(culture)} – {endText}";
        var english = culture.TwoLetterISOLanguageName == "en";
        var d = s.Date;
        if (d.Year == e.Year && d.Month == e.Month)
            return english ? $"{d.Day}–{endText}" : $"{d.Day:00}–{endText}";
        if (d.Year == e.Year)
            return english ? $"{d.ToString("d MMMM", culture)} – {endText}" : $"{d.ToString("dd/MM", culture)}–{endText}";
        return english ? $"{s.Format(culture)} – {endText}" : $"{s.Format(culture)}–{endText}";
    }
}
