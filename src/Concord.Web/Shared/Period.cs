using System.Globalization;

namespace Concord.Shared;

// A planning period of whole years, as the minutes write it: "2026-2027" (or one year, "2026").
public readonly record struct Period(int StartYear, int EndYear)
{
    public int Years => EndYear - StartYear + 1;

    // The period that follows, of the same length: the plan after "2024-2025" is "2026-2027".
    public Period Next() => new(EndYear + 1, EndYear + Years);

    public bool Contains(DateOnly date) => date.Year >= StartYear && date.Year <= EndYear;

    public bool IsOverBy(DateOnly today) => today.Year > EndYear;

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)) return false;
        var end = start;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)) return false;
        if (start is < 1900 or > 2200 || end < start || end - start > 10) return false;
        period = new Period(start, end);
        return true;
    }

    // A commitment's period is unknown when its source gives none.
    public static Period? Of(int? start, int? end) => start is { } s && end is { } e ? new Period(s, e) : null;

    public static string Text(int? start, int? end) => Of(start, end)?.ToString() ?? "";

    // As pages print it, with an en dash: "2026–2027".
    public static string Dashed(int? start, int? end) => Of(start, end) is { } p
        ? p.StartYear == p.EndYear ? p.StartYear.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{p.StartYear}–{p.EndYear}")
        : "";

    public override string ToString() => StartYear == EndYear
        ? StartYear.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{EndYear}");
}
