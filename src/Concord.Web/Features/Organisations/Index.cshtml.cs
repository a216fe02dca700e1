using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// Without a kind or words to look for, the list is a tree: each country's ministries and other
// top-level bodies, a page at a time, with their departments under them. With a kind or words
// (or ?view=list) it is a flat list, since a department found by name should not need its
// ministry to be on the same page.
[AllowAnonymous]
public class IndexModel(ConcordDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OrganisationFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "view")]
    public string? View { get; set; }
    public bool Tree => Filter.Kind is null && string.IsNullOrWhiteSpace(Filter.Q) && Filter.Parent is null && View != "list";
    public Page<OrganisationRow> Results { get; private set; } = new([], null);
    public ILookup<int, OrganisationRow> Children { get; private set; } = Enumerable.Empty<OrganisationRow>().ToLookup(o => 0);
    public Dictionary<int, (LocalizedText Name, string? Abbreviation)> Names { get; private set; } = [];
    public List<Choice> Kinds { get; private set; } = [];


    // The same list in the other order, from its first page.
    public string SortUrl(string sort)
    {
        var query = Request.Query
            .Where(kv => kv.Key is not ("sort" or "after"))
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .Append(new("sort", sort));
        return Request.Path + QueryString.Create(query).ToUriComponent();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Tree)
        {
            // Grouped by country under its headings, each country's bodies by name.
            Filter.Sort = OrganisationList.ByCountry;
            Filter.TopLevel = true;
            Filter.Size ??= 50;
            Results = await OrganisationList.QueryAsync(db, Filter, ct);
            Children = await OrganisationList.DescendantsAsync(db, Results.Items.Select(r => r.Id), ct);
        }
        else
        {
            // A flat list is read for a name, so it is sorted by name unless the reader asks for countries.
            Filter.Sort = Filter.Sort == OrganisationList.ByCountry ? OrganisationList.ByCountry : OrganisationList.ByName;
            Results = await OrganisationList.QueryAsync(db, Filter, ct);
        }
        var shown = Results.Items.Concat(Children.SelectMany(g => g));
        Names = await OrganisationList.NamesAsync(db, shown.SelectMany(r => new[] { r.SuccessorId, Tree ? null : r.ParentId }).OfType<int>(), ct);
        Kinds = await TermChoices.ForFilterAsync(db, Vocabularies.OrganisationKind, ct);
    }
}
