namespace Concord.Features.Import;

// The template's columns, in order: what the importer reads is found by position, and the header row is
// checked against these headings in any of the three languages, so a file made in Lao can be read back by a
// Vietnamese reader. The last three are Concord's own (hidden in the XLSX): which report the row was made from,
// its version then, and the language the narrative column is written in.
public static class TemplateColumns
{
    public const int CommitmentId = 0, Number = 1, Text = 2, Side = 3, Period = 4, Status = 5, Narrative = 6,
        People = 7, Women = 8, Amount = 9, Currency = 10, ReportedOn = 11, ReportId = 12, Version = 13, Language = 14;

    public const int Count = 15;

    // Heading string keys, and widths in characters for the XLSX.
    public static readonly (string Key, double Width)[] All =
    [
        ("Import.Column.CommitmentId", 10), ("Import.Column.Number", 8), ("Import.Column.Text", 60), ("Import.Column.Side", 7),
        ("Import.Column.Period", 11), ("Import.Column.Status", 20), ("Import.Column.Narrative", 60), ("Import.Column.People", 10),
        ("Import.Column.Women", 10), ("Import.Column.Amount", 14), ("Import.Column.Currency", 9), ("Import.Column.ReportedOn", 12),
        ("Import.Column.ReportId", 12), ("Import.Column.Version", 10), ("Import.Column.Language", 10),
    ];

    public static readonly IReadOnlySet<int> Hidden = new HashSet<int> { ReportId, Version, Language };
}
