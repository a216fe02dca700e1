using Concord.Shared;

namespace Concord.Tests.Rules;

public class StringCatalogTests
{
    static readonly StringCatalog Catalog = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));

    [Fact]
    public void EveryInterfaceStringExistsInVietnameseAndEnglish()
    {
        var missing = Catalog.Entries
            .SelectMany(e => new[] { "vi", "en" }.Where(l => !e.Value.TryGetValue(l, out var text) || string.IsNullOrWhiteSpace(text)).Select(l => $"{e.Key} ({l})"))
            .ToList();
        Assert.True(missing.Count == 0, "Missing translations: " + string.Join(", ", missing));
    }

    [Fact]
    public void PlaceholdersAgreeAcrossLanguages()
    {
        static string Holes(string s) => string.Join(",", System.Text.RegularExpressions.Regex.Matches(s, @"\{\d+\}").Select(m => m.Value).Distinct().Order());
        var wrong = Catalog.Entries
            .Where(e => e.Value.Values.Select(Holes).Distinct().Count() > 1)
            .Select(e => e.Key)
            .ToList();
        Assert.True(wrong.Count == 0, "Placeholders differ between languages: " + string.Join(", ", wrong));
    }
}
