using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// Interface strings live beside the pages that use them, one file per feature:
// Features/Commitments/Commitments.strings.json = { "Commitments.Title": { "vi": "...", "en": "...", "lo": "...", "unreviewed": ["lo"] } }.
// Keeping every language of a key together makes a missing translation visible in review,
// and lets a test check completeness by reading the files. Keys are global; prefix them with the feature.
// "unreviewed" names the languages whose text no native speaker has checked yet (the translations
// page lists them); reviewing a text means removing its language from the list.
public sealed class StringCatalog
{
    public const string DefaultLanguage = "vi";
    public static readonly string[] Languages = ["vi", "en", "lo"];
    public const string UnreviewedProperty = "unreviewed";

    // key -> language -> text: all the localizer looks at.
    public FrozenDictionary<string, FrozenDictionary<string, string>> Entries { get; }

    // key -> languages flagged unreviewed; keys with none are absent.
    public FrozenDictionary<string, FrozenSet<string>> Unreviewed { get; }

    // key -> the file it is defined in, relative to the folder the catalogue was read from.
    public FrozenDictionary<string, string> Files { get; }

    public StringCatalog(IEnumerable<string> files, string? root = null)
    {
        var all = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        var unreviewed = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var where = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = root is null ? Path.GetFileName(file) : Path.GetRelativePath(root, file).Replace('\\', '/');
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"{name} is not a JSON object of keys.");
            foreach (var key in doc.RootElement.EnumerateObject())
            {
                if (key.Value.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"{key.Name} in {name} is not an object of languages.");
                var texts = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var property in key.Value.EnumerateObject())
                {
                    if (property.NameEquals(UnreviewedProperty))
                    {
                        if (property.Value.ValueKind != JsonValueKind.Array || property.Value.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
                            throw new InvalidOperationException($"\"{UnreviewedProperty}\" of {key.Name} in {name} must be a list of languages, e.g. [\"lo\"].");
                        var languages = property.Value.EnumerateArray().Select(l => l.GetString()!).ToFrozenSet(StringComparer.Ordinal);
                        if (languages.Count > 0) unreviewed[key.Name] = languages;
                    }
                    else if (property.Value.ValueKind == JsonValueKind.String)
                        texts[property.Name] = property.Value.GetString()!;
                    else
                        throw new InvalidOperationException($"{key.Name}.{property.Name} in {name} is not a text.");
                }
                if (!all.TryAdd(key.Name, texts.ToFrozenDictionary(StringComparer.Ordinal)))
                    throw new InvalidOperationException($"String key '{key.Name}' is defined twice (second time in {name}).");
                where[key.Name] = name;
            }
        }
        Entries = all.ToFrozenDictionary(StringComparer.Ordinal);
        Unreviewed = unreviewed.ToFrozenDictionary(StringComparer.Ordinal);
        Files = where.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Files are named from the folder above `root` (the web project's, when root is its Features folder),
    // so "Features/Commitments/Commitments.strings.json" tells a reviewer where to edit.
    public static StringCatalog FromDirectory(string root) =>
        new(Directory.EnumerateFiles(root, "*.strings.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal),
            Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar)));

    public string? Find(string key, string language)
    {
        if (!Entries.TryGetValue(key, out var byLanguage)) return null;
        if (byLanguage.TryGetValue(language, out var text) && !string.IsNullOrEmpty(text)) return text;
        return byLanguage.TryGetValue(DefaultLanguage, out var fallback) ? fallback : null;
    }

    public bool IsUnreviewed(string key, string language) =>
        Unreviewed.TryGetValue(key, out var languages) && languages.Contains(language);
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
