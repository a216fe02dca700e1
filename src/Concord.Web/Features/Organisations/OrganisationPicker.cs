using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// The one list of organisations offered in a filter or form, in tree order (each ministry followed by its
// departments) so that a department is found under its ministry rather than alphabetically
// among hundreds. Organisations are counted in hundreds, not millions; the cap keeps a
// runaway import from producing a megabyte of <option>s, and the ones a record already holds
// are offered beyond it.
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

    // sidesOnly: the two sides' ministries and departments (leads and reporters), Vietnam's first.
    public static async Task<List<OrganisationOption>> LoadAsync(ConcordDb db, CancellationToken ct, int? exclude = null,
        bool sidesOnly = false, IEnumerable<int>? include = null)
    {
        var query = db.Organisations.AsNoTracking();
        if (sidesOnly) query = query.Where(o => o.Country == Sides.Vietnam || o.Country == Sides.Laos);
        var all = await query.OrderBy(o => o.Id).Take(Cap)
            .Select(o => new { o.Id, o.Name, o.Abbreviation, o.Country, o.ParentId })
            .ToListAsync(ct);
        var missing = (include ?? []).Distinct().Where(id => all.All(o => o.Id != id)).Take(IdList.Max).ToList();
        if (missing.Count > 0 && all.Count >= Cap)
            all.AddRange(await query.Where(o => missing.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Abbreviation, o.Country, o.ParentId }).ToListAsync(ct));
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

        foreach (var r in roots.OrderBy(r => sidesOnly ? SideOrder(r.Country) : CountryOrder(r.Country)).ThenBy(r => r.Country, StringComparer.Ordinal).ThenBy(r => r.Name.Best(language).Text, order))
            Walk(r.Id, r.Name, r.Abbreviation, r.Country, 0);
        // Whatever a broken parent chain left unreachable is still offered, at the top level.
        foreach (var o in all.Where(o => !seen.Contains(o.Id)))
            Walk(o.Id, o.Name, o.Abbreviation, o.Country, 0);
        return result;
    }

    static int SideOrder(string? country) => Array.IndexOf(Sides.All, country) is var i and >= 0 ? i : CountryOrder(country);

    // As the organisations list orders them: by country code, international bodies last; the two sides
    // first when only they are offered, in the programme's order (Vietnam, Laos).
    static int CountryOrder(string? country) => country is null ? Sides.All.Length + 1 : Sides.All.Length;
}
