using System.Buffers;
using System.Globalization;
using System.Text;

namespace Concord.Shared;

// Folds text so that an official typing without diacritics finds text with them:
// "hop tac" finds "Hợp tác", "ban can" finds "Bản Cân". Decompose, drop combining marks,
// map đ to d (it is a letter, not a mark), lowercase. Lao has no case and its vowel and tone
// signs are part of the word, so Lao is kept as it is; LIKE on the folded text still finds a
// Lao word inside a sentence written without spaces.
//
// The records' SearchText was folded by this and queries are folded by it, so its output must never change. It works
// in pooled buffers: a search page folds a dozen texts per hit, and the strings of each step (decomposed, folded,
// recomposed) were most of what a search allocated.
public static class TextFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        char[]? buffer = null;
        try
        {
            var folded = FoldInto(text, ref buffer);
            return folded.Equals(text.AsSpan(), StringComparison.Ordinal) ? text : new string(folded);
        }
        finally
        {
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // The folded text appended, without a string of its own (Highlight folds letter by letter).
    public static void AppendFolded(ReadOnlySpan<char> text, StringBuilder into)
    {
        if (text.IsEmpty) return;
        char[]? buffer = null;
        try
        {
            into.Append(FoldInto(text, ref buffer));
        }
        finally
        {
            if (buffer is not null) ArrayPool<char>.Shared.Return(buffer);
        }
    }

    public static string FoldAll(IEnumerable<string?> texts) =>
        string.Join(" \n ", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(Fold));

    // NFD, marks dropped and letters lowered in place, then NFC: the folded text, in `buffer` (rented here, returned by
    // the caller).
    static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> text, ref char[]? buffer)
    {
        var decomposedLength = text.IsNormalized(NormalizationForm.FormD) ? text.Length : text.GetNormalizedLength(NormalizationForm.FormD);
        // Twice the decomposed length: the first half holds the decomposed and folded text, the second its recomposition.
        buffer = ArrayPool<char>.Shared.Rent(2 * decomposedLength);
        var decomposed = buffer.AsSpan(0, decomposedLength);
        if (!text.TryNormalize(decomposed, out var written, NormalizationForm.FormD)) throw new InvalidOperationException("Decomposition did not fit its measured length.");
        var kept = 0;
        for (var i = 0; i < written; i++)
        {
            var c = decomposed[i];
            if (IsLao(c))
            {
                decomposed[kept++] = c;
                continue;
            }
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            decomposed[kept++] = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
        }
        var folded = buffer.AsSpan(0, kept);
        if (folded.IsNormalized(NormalizationForm.FormC)) return folded;
        // Recomposing a decomposed text never lengthens it: its second half has room.
        var composed = buffer.AsSpan(decomposedLength, decomposedLength);
        if (!folded.TryNormalize(composed, out var length, NormalizationForm.FormC)) throw new InvalidOperationException("Recomposition did not fit.");
        return composed[..length];
    }

    static bool IsLao(char c) => c is >= '\u0E80' and <= '\u0EFF';
}
