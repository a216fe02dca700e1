using System.Globalization;
using Concord.Shared;

namespace Concord.Features.Bilingual;

// One column of a bilingual view: its language, and the interface words and dates in that language,
// whatever the reader's own. Each delegation reads its own column whole, labels included ("Tên văn kiện"
// beside "ຊື່ເອກະສານ"), so a printed copy handed across the table needs no translation of its frame.
public sealed class Column(string language, StringCatalog catalog)
{
    public string Language { get; } = language;
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language);

    public string Label(string key) => catalog.Find(key, Language) ?? key;

    public string Label(string key, params object[] arguments) => string.Format(Culture, Label(key), arguments);

    public string Date(PartialDate? date) => date?.Format(Culture) ?? "";

    // A short text (an area, an organisation's name) in this column's language, or the first language
    // that has it, saying which: the cell marks it, rather than leave a gap in the row.
    public (string Text, string Language) Pick(LocalizedText? text) => text?.Best(Language) ?? ("", Language);
}

// What both bilingual pages share: the two columns, and the day the copy is printed (its footer says so).
public sealed record BilingualFrame(LanguagePair Pair, IReadOnlyList<Column> Columns, DateOnly PrintedOn)
{
    public static BilingualFrame For(string? left, string? right, StringCatalog catalog, TimeProvider clock)
    {
        var pair = LanguagePair.For(Cultures.Language, left, right);
        return new BilingualFrame(pair, [new Column(pair.Left, catalog), new Column(pair.Right, catalog)],
            DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
    }
}
