using Concord.Shared;

namespace Concord.Tests.Rules;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Hợp tác", "hop tac")]
    [InlineData("Đào tạo", "dao tao")]
    [InlineData("ĐÀO TẠO", "dao tao")]
    [InlineData("Bản Cân", "ban can")]
    [InlineData("Ninh Bình", "ninh binh")]
    [InlineData("Labour Cooperation", "labour cooperation")]
    public void VietnameseWithoutDiacriticsMatchesTextWithThem(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void DecomposedInputFoldsLikeComposedInput() =>
        Assert.Equal(TextFolding.Fold("Hợp tác"), TextFolding.Fold("Hợp tác".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void LaoKeepsItsVowelAndToneMarksSoAWordIsFoundInsideASentence()
    {
        const string ministry = "ກະຊວງແຮງງານ ແລະ ສະຫວັດດີການສັງຄົມ";
        var folded = TextFolding.Fold(ministry);
        Assert.Equal(ministry, folded);
        Assert.Contains(TextFolding.Fold("ແຮງງານ"), folded);
    }
}

// The records' SearchText was folded by earlier builds and stays in the database: a query folded differently would no
// longer find them. The fold now works in pooled buffers; these hold it to the plain version it replaced, character
// for character, on the demo history's every text and on random text of the scripts and marks that fold differently.
public class TextFoldingIsUnchangedTests
{
    static string ReferenceFold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var sb = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= '\u0E80' and <= '\u0EFF')
            {
                sb.Append(c);
                continue;
            }
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' or 'Đ' => 'd', _ => char.ToLowerInvariant(c) });
        }
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    [Fact]
    public void EveryTextOfTheDemoHistoryFoldsAsBefore()
    {
        var texts = new List<string>();
        foreach (var name in typeof(TextFolding).Assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = typeof(TextFolding).Assembly.GetManifestResourceStream(name)!;
            Collect(System.Text.Json.JsonDocument.Parse(stream).RootElement, texts);
        }
        Assert.True(texts.Count > 500, $"Only {texts.Count} texts found in the demo data.");
        Assert.All(texts, t => Assert.Equal(ReferenceFold(t), TextFolding.Fold(t)));
    }

    static void Collect(System.Text.Json.JsonElement e, List<string> into)
    {
        switch (e.ValueKind)
        {
            case System.Text.Json.JsonValueKind.String: into.Add(e.GetString()!); break;
            case System.Text.Json.JsonValueKind.Array: foreach (var x in e.EnumerateArray()) Collect(x, into); break;
            case System.Text.Json.JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Collect(p.Value, into); break;
        }
    }

    [Fact]
    public void RandomTextOfEveryKindFoldsAsBefore()
    {
        // Vietnamese composed and decomposed, đ, Lao with its marks and its compatibility characters, marks alone and
        // stacked, letters that decompose without recomposing (Å as the ångström sign, a CJK compatibility ideograph),
        // Hangul, the dotted capital I, Greek, surrogate pairs, spaces, digits and ASCII.
        string[] pieces =
        [
            "Hợp tác", "Hợp tác".Normalize(System.Text.NormalizationForm.FormD), "ĐÀO TẠO", "đ", "Bản Cân", "ắ", "ỡ", "Ư", "ơ",
            "ກະຊວງແຮງງານ", "ຳ", "ໜ", "ໝ", "\u0EB1\u0EC8", "\u0301", "\u0323\u0302", "\u0303\u0309", "\u212B", "\uF900", "한국어",
            "\u0130", "Ω", "ΆΈ", "😀", "𝔸", " ", "\n", "\r\n", "0", "A", "z", "-", "\u00A0", "ﬁ", "\u0E3F",
        ];
        var random = new Random(20261204);
        for (var n = 0; n < 20_000; n++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.Equal(ReferenceFold(text), TextFolding.Fold(text));
        }
        // A long text, past any stack or pool size.
        var long_ = string.Concat(Enumerable.Repeat("Tăng cường hợp tác ກະຊວງແຮງງານ Å ", 5_000));
        Assert.Equal(ReferenceFold(long_), TextFolding.Fold(long_));
    }
}
