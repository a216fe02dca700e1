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

// The Vietnamese, English and Lao fields of one text on a form (Features/Shared/_LocalizedTextFields.cshtml):
// `Name` is the inputs' name less the language ("Input.Title" for Input.TitleVi, Input.TitleEn, Input.TitleLo)
// and `Label` the key of the words before "(Vietnamese)". `Form` is the page's ViewData, where each input's
// rules ([StringLength] and the like) are found as asp-for finds them. A textarea of `Rows` rows when given;
// `Hint` is a key shown under the Vietnamese field and describing all three. Side by side suits short names;
// otherwise Vietnamese takes the full width above English and Lao.
public sealed record LocalizedTextFields(Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary Form, string Name, string Label)
{
    public int Rows { get; init; }
    public string? Hint { get; init; }
    public bool SideBySide { get; init; }
}
