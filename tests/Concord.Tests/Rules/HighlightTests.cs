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
