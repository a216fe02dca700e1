using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Translations;

// The interface strings no native speaker has reviewed yet, read from the strings files themselves
// ("unreviewed": ["lo"]), so the review can be tracked. Read-only: a review is an edit of the file.
[Authorize(Policy = Access.Administer)]
public class IndexModel(StringCatalog catalog) : PageModel
{
    public string? Language { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<LanguageCount> Counts { get; private set; } = [];
    public int Total { get; private set; }

    public sealed record Row(string Key, string File, IReadOnlyDictionary<string, string> Texts, IReadOnlySet<string> Unreviewed);
    public sealed record LanguageCount(string Language, int Count);

    public void OnGet(string? language)
    {
        // An unknown language in the address shows everything rather than an empty, misleading list.
        Language = language is not null && StringCatalog.Languages.Contains(language) ? language : null;
        Counts = [.. StringCatalog.Languages.Select(l => new LanguageCount(l, catalog.Unreviewed.Values.Count(u => u.Contains(l))))];
        Total = catalog.Unreviewed.Count;
        Rows = [.. catalog.Unreviewed
            .Where(u => Language is null || u.Value.Contains(Language))
            .Select(u => new Row(u.Key, catalog.Files[u.Key], catalog.Entries[u.Key], u.Value))
            .OrderBy(r => r.File, StringComparer.Ordinal)
            .ThenBy(r => r.Key, StringComparer.Ordinal)];
    }
}
