using System.Text;
using Concord.Features.Search;

namespace Concord.Tests.Rules;

public class HighlightTests
{
    static string Marked(IEnumerable<TextPart> parts) => string.Concat(parts.Select(p => p.Match ? $"[{p.Text}]" : p.Text));

    static IReadOnlyList<string> Words(string query) => SearchTerms.Parse(query).Words;

    [Fact]
    public void WordsTypedWithoutDiacriticsAreMarkedInTheOriginalText() =>
        Assert.Equal("Tăng cường [Hợp Tác] về [đào] tạo", Marked(Highlight.Parts("Tăng cường Hợp Tác về đào tạo", Words("hop tac dao"))));

    [Fact]
    public void DecomposedTextIsMarkedOnWholeLettersWithTheirMarks()
    {
        var decomposed = "Bản Cân".Normalize(NormalizationForm.FormD);
        var parts = Highlight.Parts(decomposed, Words("ban can"));
        Assert.Equal(decomposed, parts.Single(p => p.Match).Text);
    }

    [Fact]
    public void DStrokeIsFoundAsD() =>
        Assert.Equal("[ĐÀO TẠO] nghề", Marked(Highlight.Parts("ĐÀO TẠO nghề", Words("dao tao"))));

    [Fact]
    public void ALaoWordIsMarkedInsideASentenceWithoutSpaces() =>
        Assert.Equal("ການຝຶກອົບຮົມ[ວິຊາຊີບ]ໃຫ້ແກ່ພະນັກງານ", Marked(Highlight.Parts("ການຝຶກອົບຮົມວິຊາຊີບໃຫ້ແກ່ພະນັກງານ", Words("ວິຊາຊີບ"))));

    [Fact]
    public void EveryOccurrenceIsMarked() =>
        Assert.Equal("[Lào] và Việt Nam, Việt Nam và [Lào]", Marked(Highlight.Parts("Lào và Việt Nam, Việt Nam và Lào", Words("lao"))));

    [Fact]
    public void ASnippetOfALongTextIsAWindowAroundTheFirstMatch()
    {
        var text = string.Concat(Enumerable.Repeat("Hai bên thống nhất phối hợp. ", 20)) + "Trung tâm Bản Cân nhận xe lăn. " + string.Concat(Enumerable.Repeat("Tiếp tục trao đổi đoàn. ", 20));
        var snippet = Highlight.Snippet(text, Words("ban can"), 120)!;
        var shown = Marked(snippet);
        Assert.StartsWith("…", shown);
        Assert.EndsWith("…", shown);
        Assert.Contains("Trung tâm [Bản Cân] nhận xe lăn.", shown);
        Assert.True(shown.Length < 160, shown);
        // Cut at spaces, never inside a word.
        var inner = string.Concat(snippet.Skip(1).SkipLast(1).Select(p => p.Text));
        var at = text.IndexOf(inner, StringComparison.Ordinal);
        Assert.Equal(' ', text[at - 1]);
        Assert.Equal(' ', text[at + inner.Length]);
    }

    [Fact]
    public void NoSnippetWhenNothingMatches() => Assert.Null(Highlight.Snippet("Bảo hiểm xã hội", Words("ban can")));
}

// Marking reads the text element by element as spans now, instead of a string for each: the marks it finds must be
// those the string version found, on random text of every script and mark the fold treats differently.
public class HighlightRangesAreUnchangedTests
{
    static List<(int Start, int End)> ReferenceRanges(string text, IReadOnlyList<string> words)
    {
        var folded = new StringBuilder();
        var starts = new List<int>();
        var ends = new List<int>();
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var start = elements.ElementIndex;
            if (char.IsAscii(text[start]) && text[start] != '\r' && (start + 1 == text.Length || char.IsAscii(text[start + 1])))
            {
                folded.Append(char.ToLowerInvariant(text[start]));
                starts.Add(start);
                ends.Add(start + 1);
                continue;
            }
            var element = elements.GetTextElement();
            foreach (var c in Concord.Shared.TextFolding.Fold(element))
            {
                folded.Append(c);
                starts.Add(start);
                ends.Add(start + element.Length);
            }
        }
        var f = folded.ToString();
        var found = new List<(int Start, int End)>();
        foreach (var word in words)
            for (var at = f.IndexOf(word, StringComparison.Ordinal); at >= 0; at = f.IndexOf(word, at + 1, StringComparison.Ordinal))
                found.Add((starts[at], ends[at + word.Length - 1]));
        found.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var r in found)
        {
            if (merged.Count > 0 && (r.Start <= merged[^1].End || string.IsNullOrWhiteSpace(text[merged[^1].End..r.Start])))
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, r.End));
            else
                merged.Add(r);
        }
        return merged;
    }

    [Fact]
    public void RandomTextIsMarkedWhereTheStringVersionMarkedIt()
    {
        string[] pieces =
        [
            "Hợp tác", "Hợp tác".Normalize(NormalizationForm.FormD), "ĐÀO TẠO", "đ", "Bản Cân", "ban", "can", "ắ", "ỡ", "ກະຊວງແຮງງານ", "ແຮງ", "ຳ",
            "\u0301", "\u0323\u0302", "\u212B", "\uF900", "한국어", "\u0130", "😀", " ", "\r\n", "\n", "0", "A", "a", "ﬁ",
        ];
        string[][] queries = [["hop", "tac"], ["ban can"], ["dao"], ["ແຮງ"], ["a"], ["i"], ["an c"], ["fi"]];
        var random = new Random(20261204);
        var marked = 0;
        for (var n = 0; n < 10_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var words = queries[random.Next(queries.Length)];
            var expected = ReferenceRanges(text, words);
            Assert.Equal(expected, Highlight.Ranges(text, words));
            if (expected.Count > 0) marked++;
        }
        Assert.True(marked > 1_000, $"Only {marked} texts had a mark: the comparison proves little.");
    }
}
