using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// How records read on a page: a text in the reader's language, or the original marked as such;
// a date with the precision it is known to; an amount with its currency.
public static class Display
{
    // `original`, where the page knows it, is the record's language of origin: the fallback shows it first,
    // and a fallback to some other translation says "in English" rather than calling it the original.
    public static IHtmlContent Text(this IHtmlHelper html, LocalizedText? text, string? original = null)
    {
        if (text is null || text.IsEmpty) return HtmlString.Empty;
        var language = Cultures.Language;
        var (value, shownIn) = text.Best(language, original);
        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<span lang=\"{shownIn}\">");
        builder.Append(value);
        builder.AppendHtml("</span>");
        if (shownIn != language)
        {
            var t = html.ViewContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer>();
            builder.AppendHtml(" <span class=\"original-language\">(");
            var key = original is null || original == shownIn ? "Text.OriginalIn" : "Text.TranslationIn";
            builder.Append(t[key, t[$"LanguageName.{shownIn}"].Value].Value);
            builder.AppendHtml(")</span>");
        }
        return builder;
    }

    public static string Plain(LocalizedText? text) => text?.Best(Cultures.Language).Text ?? "";

    public static string Date(PartialDate? date) => date?.Format(CultureInfo.CurrentCulture) ?? "";

    public static string Date(DateOnly? date) => date is { } d ? new PartialDate(d, DatePrecision.Day).Format(CultureInfo.CurrentCulture) : "";

    // VND and LAK have no minor unit in use; USD shows cents only when there are any. Digits are grouped
    // as the reader's language does (3.900.000.000 in Vietnamese and Lao, 3,900,000,000 in English).
    // The currency is its ISO code, so a VND amount beside a LAK amount is never misread, except that
    // a Lao reader sees the kip as ກີບ, the way every Lao document writes it.
    public static string Money(decimal? amount, string? currency, bool lowerBound = false, IStringLocalizer? t = null)
    {
        if (amount is null) return "";
        var culture = CultureInfo.CurrentCulture;
        var digits = amount.Value % 1 == 0 ? 0 : 2;
        var number = amount.Value.ToString("N" + digits, culture);
        var prefix = lowerBound && t is not null ? t["Money.Over"].Value + " " : "";
        return $"{prefix}{number} {CurrencyName(currency, culture)}".Trim();
    }

    static string? CurrencyName(string? code, CultureInfo culture) =>
        code == "LAK" && culture.TwoLetterISOLanguageName == "lo" ? "ກີບ" : code;
}
