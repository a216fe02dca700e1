using System.Globalization;
using System.Text.Json.Serialization;

namespace Concord.Shared;

// A text held in the languages it exists in. Mapped as an EF complex type: columns Title_Vi, Title_En, Title_Lo.
public sealed class LocalizedText
{
    public static readonly string[] Languages = ["vi", "en", "lo"];

    public string? Vi { get; set; }
    public string? En { get; set; }
    public string? Lo { get; set; }

    public LocalizedText() { }
    public LocalizedText(string? vi, string? en = null, string? lo = null) { Vi = vi; En = en; Lo = lo; }

    public string? In(string language) => language switch
    {
        "vi" => Vi,
        "en" => En,
        "lo" => Lo,
        _ => null,
    };

    // The property (and column suffix: Title_Lo) that holds a language, for code that builds queries.
    public static string Property(string language) => language switch
    {
        "vi" => nameof(Vi),
        "en" => nameof(En),
        "lo" => nameof(Lo),
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    [JsonIgnore]
    public bool IsEmpty => string.IsNullOrWhiteSpace(Vi) && string.IsNullOrWhiteSpace(En) && string.IsNullOrWhiteSpace(Lo);

    // The text in the reader's language, or else the first language that has it, saying which,
    // so a page can show "original in Vietnamese" instead of pretending a translation exists; given
    // the record's original language, that one first.
    public (string Text, string Language) Best(string language, string? original = null)
    {
        var own = In(language);
        if (!string.IsNullOrWhiteSpace(own)) return (own, language);
        // Where the record says which language it was written in, the original comes before any translation.
        if (original is not null && In(original) is { } first && !string.IsNullOrWhiteSpace(first)) return (first, original);
        foreach (var other in Languages)
        {
            var text = In(other);
            if (!string.IsNullOrWhiteSpace(text)) return (text, other);
        }
        return ("", language);
    }

    public string For(CultureInfo culture) => Best(culture.TwoLetterISOLanguageName).Text;

    public override string ToString() => Best(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName).Text;

    public IEnumerable<string?> All() => [Vi, En, Lo];
}
