using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// "1 commitment", "2 commitments": every count shown goes through here. English has two forms (one, other);
// Vietnamese and Lao have none: a noun stays the same after any number (CLDR plural rules). A key holds the
// "other" form in every language; its ".one" twin the English singular (its vi and lo repeat "other").
public static class Plurals
{
    public static string Count(this IStringLocalizer t, string key, long n, params object[] more)
    {
        var number = n.ToString("N0", CultureInfo.CurrentCulture);
        var form = IsOne(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, n) && !t[key + ".one"].ResourceNotFound ? key + ".one" : key;
        return t[form, [number, .. more]];
    }

    public static bool IsOne(string language, long n) => language == "en" && n == 1;
}
