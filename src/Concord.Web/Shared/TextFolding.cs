using System.Globalization;
using System.Text;

namespace Concord.Shared;

// Folds text so that an official typing without diacritics finds text with them:
// "hop tac" finds "Hợp tác", "ban can" finds "Bản Cân". Decompose, drop combining marks,
// map đ to d (it is a letter, not a mark), lowercase. Lao has no case and its vowel and tone
// signs are part of the word, so Lao is kept as it is; LIKE on the folded text still finds a
// Lao word inside a sentence written without spaces.
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (IsLao(c))
            {
                sb.Append(c);
                continue;
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string FoldAll(IEnumerable<string?> texts) =>
        string.Join(" \n ", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Fold));

    static bool IsLao(char c) => c is >= '\u0E80' and <= '\u0EFF';
}
