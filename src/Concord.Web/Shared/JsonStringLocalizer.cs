using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// Interface strings live beside the pages that use them, one file per feature:
// Features/Commitments/Commitments.strings.json = { "Commitments.Title": { "vi": "...", "en": "...", "lo": "..." } }.
// Keeping every language of a key together makes a missing translation visible in review,
// and lets a test check completeness by reading the files. Keys are global; prefix them with the feature.
public sealed class StringCatalog
{
    public const string DefaultLanguage = "vi";
    public static readonly string[] Languages = ["vi", "en", "lo"];

    public FrozenDictionary<string, FrozenDictionary<string, string>> Entries { get; }

    public StringCatalog(IEnumerable<string> files)
    {
        var all = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var doc = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"Empty strings file {file}");
            foreach (var (key, byLanguage) in doc)
            {
                if (!all.TryAdd(key, byLanguage.ToFrozenDictionary()))
                    throw new InvalidOperationException($"String key '{key}' is defined twice (second time in {Path.GetFileName(file)}).");
            }
        }
        Entries = all.ToFrozenDictionary();
    }

    public static StringCatalog FromDirectory(string root) =>
        new(Directory.EnumerateFiles(root, "*.strings.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal));

    public string? Find(string key, string language)
    {
        if (!Entries.TryGetValue(key, out var byLanguage)) return null;
        if (byLanguage.TryGetValue(language, out var text) && !string.IsNullOrEmpty(text)) return text;
        return byLanguage.TryGetValue(DefaultLanguage, out var fallback) ? fallback : null;
    }
}

public sealed class JsonStringLocalizer(StringCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var text = catalog.Find(name, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
            return new LocalizedString(name, text ?? name, resourceNotFound: text is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var found = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments), found.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Entries.Keys.Select(k => this[k]);
}

public sealed class JsonStringLocalizerFactory(StringCatalog catalog) : IStringLocalizerFactory
{
    readonly JsonStringLocalizer localizer = new(catalog);
    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}
