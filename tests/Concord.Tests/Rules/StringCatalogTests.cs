using System.Text.RegularExpressions;
using Concord.Shared;

namespace Concord.Tests.Rules;

public partial class StringCatalogTests
{
    static readonly StringCatalog Catalog = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));

    // New keys arrive with Vietnamese and English; tools/lao-strings writes a worksheet of the keys
    // without Lao and applies the filled-in worksheet, flagging each text unreviewed.
    [Fact]
    public void EveryInterfaceStringExistsInVietnameseEnglishAndLao()
    {
        var missing = Catalog.Entries
            .SelectMany(e => StringCatalog.Languages.Where(l => !e.Value.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)).Select(l => $"{e.Key} ({l})"))
            .ToList();
        Assert.True(missing.Count == 0, $"Missing translations ({missing.Count}; for Lao, see tools/lao-strings): " + string.Join(", ", missing));
    }

    [Fact]
    public void PlaceholdersAgreeAcrossLanguages()
    {
        static string Holes(string s) => string.Join(",", Placeholder().Matches(s).Select(m => m.Value).Distinct().Order());
        var wrong = Catalog.Entries
            .Where(e => e.Value.Values.Select(Holes).Distinct().Count() > 1)
            .Select(e => e.Key)
            .ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ between languages: " + string.Join(", ", wrong));
    }

    // A text is reviewed exactly when its language is not in the key's "unreviewed" list, so the list
    // must name only languages the key has a text in; a typo ("la") would hide a text from the review.
    [Fact]
    public void UnreviewedListsNameOnlyLanguagesTheKeyHasATextIn()
    {
        var wrong = Catalog.Unreviewed
            .SelectMany(u => u.Value.Where(l => !StringCatalog.Languages.Contains(l) || string.IsNullOrWhiteSpace(Catalog.Entries[u.Key].GetValueOrDefault(l))).Select(l => $"{u.Key} ({l})"))
            .ToList();
        Assert.True(wrong.Count == 0, "\"unreviewed\" names a language without a text: " + string.Join(", ", wrong));
    }

    // Whether reviewed or not, a Lao text is written in Lao: an English or Vietnamese text pasted into
    // "lo" fails here. Only texts that are the same in every language (API, —, a language's own name) may
    // be without Lao letters.
    [Fact]
    public void EveryLaoTextIsInLaoScriptUnlessItIsTheSameInEveryLanguage()
    {
        var notLao = Catalog.Entries
            .Where(e => e.Value.TryGetValue("lo", out var lo) && !LaoLetter().IsMatch(lo) && e.Value.Values.Distinct().Count() > 1)
            .Select(e => e.Key)
            .ToList();
        Assert.True(notLao.Count == 0, "Lao texts without Lao letters: " + string.Join(", ", notLao));
    }

    [Fact]
    public void TheUnreviewedFlagIsNotALanguageAndEveryKeyKnowsItsFile()
    {
        var key = Catalog.Entries["Nav.Meetings"];
        Assert.Equal(["en", "lo", "vi"], key.Keys.Order());
        Assert.True(Catalog.IsUnreviewed("Nav.Meetings", "lo"));
        Assert.False(Catalog.IsUnreviewed("Nav.Meetings", "vi"));
        Assert.Equal("Features/Shared/Shared.strings.json", Catalog.Files["Nav.Meetings"]);
        Assert.Equal("Features/Commitments/Commitments.strings.json", Catalog.Files["Commitments.Title"]);
    }

    [Fact]
    public void AFlagThatIsNotAListOfLanguagesIsRefusedWhenTheFileIsRead()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.strings.json");
        File.WriteAllText(file, """{ "X.Y": { "vi": "a", "en": "b", "lo": "ກ", "unreviewed": "lo" } }""");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => new StringCatalog([file]));
            Assert.Contains("X.Y", error.Message);
        }
        finally { File.Delete(file); }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\u0E81-\u0EDF]")]
    private static partial Regex LaoLetter();
}
