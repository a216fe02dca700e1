using System.Buffers;
using System.Globalization;
using System.Text;
using Concord.Shared;
using Microsoft.AspNetCore.Html;

namespace Concord.Features.Search;

public sealed record TextPart(string Text, bool Match);

// Finds folded query words in an original text and marks them there: "hop tac" marks "hợp tác" in
// "Tăng cường hợp tác". The text is folded one text element (a letter with its marks, a Lao cluster)
// at a time, remembering where each folded character came from, so a match maps back to whole
// letters of the original whatever its normalisation.
public static class Highlight
{
    public static bool Contains(string? text, IReadOnlyList<string> words) => Ranges(text, words).Count > 0;

    // Folded whole, as a record's SearchText is: a search page asks this of a dozen texts per hit, and folding
    // letter by letter to map matches back (Map) is only needed for the one text marked.
    public static int WordsFound(string? text, IReadOnlyList<string> words)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var folded = TextFolding.Fold(text);
        return words.Count(w => folded.Contains(w, StringComparison.Ordinal));
    }

    // The whole text, split into plain and matching parts.
    public static IReadOnlyList<TextPart> Parts(string text, IReadOnlyList<string> words) =>
        Split(text, 0, text.Length, Ranges(text, words));

    // A window of about `width` characters around the first match, cut at word boundaries,
    // with "…" where text was left out. Null when nothing matches.
    public static IReadOnlyList<TextPart>? Snippet(string? text, IReadOnlyList<string> words, int width = 200)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var ranges = Ranges(text, words);
        if (ranges.Count == 0) return null;
        if (text.Length <= width) return Split(text, 0, text.Length, ranges);

        var first = ranges[0].Start;
        var start = Math.Max(0, first - width / 3);
        var end = Math.Min(text.Length, start + width);
        start = Math.Max(0, Math.Min(start, end - width));
        start = SnapStart(text, start, first);
        end = SnapEnd(text, end, ranges[0].End);

        var parts = new List<TextPart>();
        if (start > 0) parts.Add(new TextPart("…", false));
        parts.AddRange(Split(text, start, end, ranges));
        if (end < text.Length) parts.Add(new TextPart("…", false));
        return parts;
    }

    // The parts as HTML, matches in <mark>, with no whitespace added between them (Lao has none to spare).
    public static IHtmlContent ToHtml(IEnumerable<TextPart> parts)
    {
        var html = new HtmlContentBuilder();
        foreach (var part in parts)
        {
            if (part.Match) html.AppendHtml("<mark>").Append(part.Text).AppendHtml("</mark>");
            else html.Append(part.Text);
        }
        return html;
    }

    // Original [start, end) ranges of every occurrence of every word, merged where they touch or only spaces part them.
    public static List<(int Start, int End)> Ranges(string? text, IReadOnlyList<string> words)
    {
        var found = new List<(int Start, int End)>();
        if (string.IsNullOrEmpty(text) || words.Count == 0) return found;
        // Most texts a search page looks at hold none of the words (a title, a context line): folded whole, as a record's
        // SearchText is, they are left at that, without mapping each folded letter back to the text.
        var whole = TextFolding.Fold(text);
        if (!words.Any(w => w.Length > 0 && whole.Contains(w, StringComparison.Ordinal))) return found;
        var map = new FoldedMap(text);
        try
        {
            foreach (var word in words)
            {
                if (word.Length == 0) continue;
                for (var at = map.Folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = map.Folded.IndexOf(word, at + 1, StringComparison.Ordinal))
                    found.Add((map.Starts[at], map.Ends[at + word.Length - 1]));
            }
        }
        finally
        {
            map.Return();
        }
        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in found)
        {
            // Words next to each other are marked as one phrase: <mark>hợp tác</mark>.
            if (merged.Count > 0 && (r.Start <= merged[^1].End || string.IsNullOrWhiteSpace(text[merged[^1].End..r.Start])))
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else
                merged.Add(r);
        }
        return merged;
    }

    // The text folded one text element at a time, with where in the text each folded character came from. The
    // positions are in pooled arrays (Return gives them back): a page maps a text or two per hit, each as long as a
    // narrative, and four arrays of its length per text were a third of what a search allocated.
    sealed class FoldedMap
    {
        public string Folded { get; }
        public int[] Starts { get; private set; }
        public int[] Ends { get; private set; }

        public FoldedMap(string text)
        {
            var folded = new StringBuilder(text.Length);
            Starts = ArrayPool<int>.Shared.Rent(text.Length + 16);
            Ends = ArrayPool<int>.Shared.Rent(text.Length + 16);
            var count = 0;
            // Text element by text element, as spans of the text: a string for each would be thousands per search page.
            for (var start = 0; start < text.Length;)
            {
                var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
                // Most letters of English and of numbers fold to themselves in lower case, without the Unicode normalisation.
                if (char.IsAscii(text[start]) && text[start] != '\r' && (start + 1 == text.Length || char.IsAscii(text[start + 1])))
                {
                    folded.Append(char.ToLowerInvariant(text[start]));
                    Add(ref count, start, start + 1);
                }
                else
                {
                    var before = folded.Length;
                    TextFolding.AppendFolded(text.AsSpan(start, length), folded);
                    for (var i = before; i < folded.Length; i++) Add(ref count, start, start + length);
                }
                start += length;
            }
            Folded = folded.ToString();
        }

        void Add(ref int count, int start, int end)
        {
            if (count == Starts.Length)
            {
                Starts = Grown(Starts);
                Ends = Grown(Ends);
            }
            Starts[count] = start;
            Ends[count] = end;
            count++;
        }

        static int[] Grown(int[] array)
        {
            var bigger = ArrayPool<int>.Shared.Rent(array.Length * 2);
            array.CopyTo(bigger, 0);
            ArrayPool<int>.Shared.Return(array);
            return bigger;
        }

        public void Return()
        {
            ArrayPool<int>.Shared.Return(Starts);
            ArrayPool<int>.Shared.Return(Ends);
        }
    }

    static List<TextPart> Split(string text, int from, int to, List<(int Start, int End)> ranges)
    {
        var parts = new List<TextPart>();
        var at = from;
        foreach (var (start, end) in ranges)
        {
            if (end <= from || start >= to) continue;
            var s = Math.Max(start, from);
            var e = Math.Min(end, to);
            if (s > at) parts.Add(new TextPart(text[at..s], false));
            parts.Add(new TextPart(text[s..e], true));
            at = e;
        }
        if (at < to) parts.Add(new TextPart(text[at..to], false));
        return parts;
    }

    // Start the window after a space if one is near, and never inside a letter and its marks.
    static int SnapStart(string text, int start, int limit)
    {
        if (start == 0) return 0;
        var space = text.LastIndexOf(' ', Math.Min(start, text.Length - 1));
        if (space >= 0 && start - space <= 20) return Math.Min(space + 1, limit);
        return ElementBoundaryAtOrBefore(text, start);
    }

    static int SnapEnd(string text, int end, int limit)
    {
        if (end >= text.Length) return text.Length;
        var space = text.IndexOf(' ', end);
        if (space >= 0 && space - end <= 20) return Math.Max(space, limit);
        return Math.Max(ElementBoundaryAtOrBefore(text, end), limit);
    }

    static int ElementBoundaryAtOrBefore(string text, int index)
    {
        var boundary = 0;
        foreach (var s in StringInfo.ParseCombiningCharacters(text))
        {
            if (s > index) break;
            boundary = s;
        }
        return boundary;
    }
}
