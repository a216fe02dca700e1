using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// The organisations offered in a filter or form, in tree order (each ministry followed by its
// departments) so that a department is found under its ministry rather than alphabetically
// among hundreds. Organisations are counted in hundreds, not millions; the cap keeps a
// runaway import from producing a megabyte of <option>s.
public sealed record OrganisationOption(int Id, LocalizedText Name, string? Abbreviation, string? Country, int Depth)
{
    public string Label(string language)
    {
        var name = Name.Best(language).Text;
        var text = Abbreviation is { Length: > 0 } a && !name.Contains(a, StringComparison.Ordinal) ? $"{name} ({a})" : name;
        return new string('\u00A0', Depth * 4) + text;
    }
}

public static class OrganisationPicker
{
    public const int Cap = 2000;

    public static async Task<List<OrganisationOption>> LoadAsync(ConcordDb db, CancellationToken ct, int? exclude = null)
    {
        var all = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Id)
            .Take(Cap)
            .Select(o => new { o.Id, o.Name, o.Abbreviation, o.Country, o.ParentId })
            .ToListAsync(ct);
        var language = Cultures.Language;
        var order = Collation.Comparer(language);
        var present = all.Select(o => o.Id).ToHashSet();
        var children = all.Where(o => o.ParentId is { } p && present.Contains(p)).ToLookup(o => o.ParentId!.Value);
        var roots = all.Where(o => o.ParentId is not { } p || !present.Contains(p));
        var result = new List<OrganisationOption>(all.Count);
        var seen = new HashSet<int>();

        void Walk(int id, LocalizedText name, string? abbreviation, string? country, int depth)
        {
            if (!seen.Add(id)) return;
            if (id != exclude) result.Add(new OrganisationOption(id, name, abbreviation, country, depth));
            foreach (var c in children[id].OrderBy(c => c.Name.Best(language).Text, order))
                Walk(c.Id, c.Name, c.Abbreviation, c.Country, depth + 1);
        }

        foreach (var r in roots.OrderBy(r => CountryOrder(r.Country)).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Name.Best(language).Text, order))
            Walk(r.Id, r.Name, r.Abbreviation, r.Country, 0);
        // Whatever a broken parent chain left unreachable is still offered, at the top level.
        foreach (var o in all.Where(o => !seen.Contains(o.Id)))
            Walk(o.Id, o.Name, o.Abbreviation, o.Country, 0);
        return result;
    }

    // As the organisations list orders them: by country code, international bodies last.
    static int CountryOrder(string? country) => country is null ? 1 : 0;
}
