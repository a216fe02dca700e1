using System.Text.RegularExpressions;
using Concord.Shared;

namespace Concord.Tests.Rules;

// Every interface string the activities, home and search pages ask for exists, in Vietnamese and English.
public partial class ActivitiesHomeSearchStringsTests
{
    static readonly string[] Features = ["Activities", "Home", "Search"];

    static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found above the test folder"), "src", "Concord.Web", "Features");
    }

    [Fact]
    public void EveryKeyOfTheseFeaturesHasVietnameseAndEnglish()
    {
        var catalog = StringCatalog.FromDirectory(Root());
        var keys = catalog.Entries.Where(e => Features.Any(f => e.Key.StartsWith(f + ".", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(keys);
        foreach (var (key, byLanguage) in keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(byLanguage.GetValueOrDefault("vi")), $"{key} has no Vietnamese");
            Assert.False(string.IsNullOrWhiteSpace(byLanguage.GetValueOrDefault("en")), $"{key} has no English");
        }
    }

    [Fact]
    public void EveryKeyTheirPagesAndRulesAskForExists()
    {
        var root = Root();
        var catalog = StringCatalog.FromDirectory(root);
        var missing = Features
            .SelectMany(f => Directory.EnumerateFiles(Path.Combine(root, f)).Where(p => p.EndsWith(".cshtml") || p.EndsWith(".cs")))
            .SelectMany(file => Used().Matches(File.ReadAllText(file)).Select(m => (file: Path.GetFileName(file), key: m.Groups[1].Value)))
            .Where(u => !catalog.Entries.ContainsKey(u.key))
            .Select(u => $"{u.file}: {u.key}")
            .ToList();
        Assert.Empty(missing);
    }

    // T["Key"], t["Key"] and the rule keys returned by CheckAsync ("Activities.PeopleExceedTotal").
    [GeneratedRegex("""(?:[Tt]\[|= )"((?:Activities|Home|Search|Common|Validation|Money|Pager)\.[A-Za-z.]+)"[\],;]""")]
    private static partial Regex Used();
}
