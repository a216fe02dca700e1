using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Search;

[AllowAnonymous]
public class IndexModel(ConcordDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }
    [BindProperty(SupportsGet = true, Name = "type")]
    public string? TypeName { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public SearchType? Type { get; private set; }
    public SearchResults? Results { get; private set; }
    public bool IsEmpty => string.IsNullOrWhiteSpace(Query);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unknown type in a hand-edited link falls back to results of every type.
        Type = SearchTypes.TryParse(TypeName, out var type) ? type : null;
        if (IsEmpty) return;
        Results = await SiteSearch.RunAsync(db, Query, Type, After, null, ct);
    }

    // "More": the same type from where the overview stopped, so nothing shown is shown again.
    public string TypeUrl(SearchType type, string? after) =>
        $"/search?q={Uri.EscapeDataString(Query ?? "")}&type={SearchTypes.Name(type)}" + (after is null ? "" : $"&after={Uri.EscapeDataString(after)}");
    public string AllUrl => $"/search?q={Uri.EscapeDataString(Query ?? "")}";
}

public static class SearchTypes
{
    public static string Name(SearchType type) => type.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out SearchType type)
    {
        type = default;
        return !string.IsNullOrWhiteSpace(name) && !int.TryParse(name, out _) && Enum.TryParse(name, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
