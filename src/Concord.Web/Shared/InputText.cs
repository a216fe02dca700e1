namespace Concord.Shared;

// How every input reads what was typed: blank is nothing, surrounding spaces do not count, and a date
// is kept at the precision it was typed with ("2013", "04/2017", "12/11/2025").
public static class InputText
{
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static void CheckDate(Dictionary<string, string> errors, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && !PartialDate.TryParse(text, out _)) errors[field] = "Validation.Date";
    }

    public static (DateOnly?, DatePrecision) SplitDate(string? text) =>
        PartialDate.TryParse(text, out var d) ? (d.Date, d.Precision) : (null, DatePrecision.Day);
}
