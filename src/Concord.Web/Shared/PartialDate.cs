using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Concord.Shared;

public enum DatePrecision
{
    Day = 0,
    Month = 1,
    Year = 2,
}

// A date known to a day, a month or only a year. Stored as the first day of what is known
// (so it sorts) plus the precision (so a page never shows a made-up day or month).
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate(DateOnly Date, DatePrecision Precision)
{
    public static PartialDate OfYear(int year) => new(new DateOnly(year, 1, 1), DatePrecision.Year);
    public static PartialDate OfMonth(int year, int month) => new(new DateOnly(year, month, 1), DatePrecision.Month);
    public static PartialDate OfDay(int year, int month, int day) => new(new DateOnly(year, month, day), DatePrecision.Day);

    public static PartialDate? From(DateOnly? date, DatePrecision precision) =>
        date is { } d ? new PartialDate(d, precision) : null;

    // Accepts what officials type and what the sources give: "2013", "04/2017", "12/11/2025" (day first), or ISO "2025-11-12", "2017-04".
    public static bool TryParse(string? text, out PartialDate value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(t, ["d/M/yyyy", "dd/MM/yyyy", "yyyy-MM-dd"], inv, DateTimeStyles.None, out var day))
        {
            value = new PartialDate(day, DatePrecision.Day);
            return true;
        }
        if (DateOnly.TryParseExact(t, ["M/yyyy", "MM/yyyy", "yyyy-MM"], inv, DateTimeStyles.None, out var month))
        {
            value = new PartialDate(new DateOnly(month.Year, month.Month, 1), DatePrecision.Month);
            return true;
        }
        if (t.Length == 4 && int.TryParse(t, NumberStyles.None, inv, out var year) && year is >= 1900 and <= 2200)
        {
            value = OfYear(year);
            return true;
        }
        return false;
    }

    // The last day the date may stand for: "2023" is not over before 31/12/2023.
    public DateOnly LatestDay => Precision switch
    {
        DatePrecision.Year => new DateOnly(Date.Year, 12, 31),
        DatePrecision.Month => new DateOnly(Date.Year, Date.Month, 1).AddMonths(1).AddDays(-1),
        _ => Date,
    };

    // ISO 8601 at the precision known (reduced precision): "2013", "2017-04", "2025-11-12". What the API writes.
    public string ToIso() => Precision switch
    {
        DatePrecision.Year => Date.ToString("yyyy", CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        _ => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public string ToInputText() => Precision switch
    {
        DatePrecision.Year => Date.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => Date.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        _ => Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    // Officials write "04/2017" and "12/11/2025" in Vietnamese; English reads "April 2017" and
    // "12 November 2025", which no reader can take for a US month-first date. Lao writes a day as
    // Vietnamese does (day first, 12/11/2025) and a month by its Lao name ("ເມສາ 2017", CLDR's
    // year-month pattern for lo). A year is the Gregorian year in every language.
    public string Format(CultureInfo culture) => (Precision, culture.TwoLetterISOLanguageName) switch
    {
        (DatePrecision.Year, _) => Date.Year.ToString(CultureInfo.InvariantCulture),
        (DatePrecision.Month, "en" or "lo") => Date.ToString("MMMM yyyy", culture),
        (DatePrecision.Month, _) => Date.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        (_, "en") => Date.ToString("d MMMM yyyy", culture),
        _ => Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    public override string ToString() => Format(CultureInfo.CurrentCulture);
}

// The API writes a partial date as ISO 8601 at its own precision ("2013", never "2013-01-01" with a
// precision beside it) and reads the same forms (and the others TryParse accepts).
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)
            ? date
            : throw new JsonException("A date is written \"2013\", \"2017-04\" or \"2025-11-12\".");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToIso());
}
