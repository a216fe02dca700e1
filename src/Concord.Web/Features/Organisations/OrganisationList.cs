using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

public sealed class OrganisationFilter
{
    public int? Kind { get; set; }
    // "VN", "LA", any other ISO code, or "other" for everything but Vietnam and Laos (international bodies included).
    public string? Country { get; set; }
    public string? Q { get; set; }
    // Only the organisations directly under this one (a ministry's departments).
    public int? Parent { get; set; }
    // Only organisations at the top of the hierarchy (countries, ministries, provinces, international bodies).
    public bool? TopLevel { get; set; }
    // "country" (the default: by country, then by name) or "name".
    public string? Sort { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }
}

public sealed record OrganisationRow(
    int Id, string KindCode, LocalizedText Kind, string? Country, LocalizedText Name, string? Abbreviation,
    int? ParentId, int? SuccessorId, DateOnly? SucceededOn, DatePrecision SucceededOnPrecision, bool IsIllustrative)
{
    public PartialDate? Succeeded => PartialDate.From(SucceededOn, SucceededOnPrecision);
}

// The list behind /organisations and GET /api/organisations. By country (organisations of no country
// last), then by name as the reader's language sorts it; or by name alone (sort=name, the flat list's
// order). Keyset-paged on (country, name, id): the cursor holds the reader's language too, since a name
// sorted for a Vietnamese reader means nothing in a Lao reader's order.
public static class OrganisationList
{
    public const string ByCountry = "country";
    public const string ByName = "name";

    public static async Task<Page<OrganisationRow>> QueryAsync(ConcordDb db, OrganisationFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var byCountry = filter.Sort != ByName;
        var language = Cultures.Language;
        var name = db.SortName<Organisation>(o => o.Name, language);
        var query = db.Organisations.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(o => o.KindId == kind);
        if (filter.Country is { Length: > 0 } country)
        {
            if (string.Equals(country, "other", StringComparison.OrdinalIgnoreCase))
                query = query.Where(o => o.Country == null || (o.Country != "VN" && o.Country != "LA"));
            else
            {
                var code = country.ToUpperInvariant();
                query = query.Where(o => o.Country == code);
            }
        }
        if (filter.Parent is { } parent) query = query.Where(o => o.ParentId == parent);
        if (filter.TopLevel == true) query = query.Where(o => o.ParentId == null);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + LikePattern.Escape(TextFolding.Fold(filter.Q.Trim())) + "%";
            query = query.Where(o => EF.Functions.Like(o.SearchText, pattern, LikePattern.EscapeCharacter));
        }
        if (DecodeCursor(filter.After, language, byCountry) is (var afterCountry, var afterName, var afterId))
        {
            if (!byCountry)
                query = query.Where(Collation.After(name, afterName, afterId));
            else if (afterCountry is null)
                query = query.Where(o => o.Country == null).Where(Collation.After(name, afterName, afterId));
            else
                query = query.Where(o => o.Country == null || string.Compare(o.Country, afterCountry) >= 0)
                    .Where(Collation.After(name, afterName, afterId, orElse: o => o.Country != afterCountry));
        }
        var ordered = byCountry
            ? query.OrderBy(o => o.Country == null).ThenBy(o => o.Country).ThenBy(name).ThenBy(o => o.Id)
            : query.OrderBy(name).ThenBy(o => o.Id);
        var rows = await ordered
            .Take(size + 1)
            .Select(o => new OrganisationRow(o.Id, o.Kind.Code, o.Kind.Name, o.Country, o.Name, o.Abbreviation,
                o.ParentId, o.SuccessorId, o.SucceededOn, o.SucceededOnPrecision, o.IsIllustrative))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            next = Cursor.Encode(string.Join(Separator, Order(language, byCountry), last.Country ?? "", Collation.SortText(last.Name, language)), last.Id);
        }
        return new Page<OrganisationRow>(rows, next);
    }

    const char Separator = '\u001F';

    // A cursor made for another language or order is ignored: the list starts again at its first page.
    static (string? Country, string Name, int Id)? DecodeCursor(string? after, string language, bool byCountry)
    {
        if (!Cursor.TryDecode(after, out var value, out var id)) return null;
        var parts = value.Split(Separator, 3);
        if (parts.Length != 3 || parts[0] != Order(language, byCountry)) return null;
        return (parts[1].Length == 0 ? null : parts[1], parts[2], id);
    }

    static string Order(string language, bool byCountry) => $"{language} {(byCountry ? ByCountry : ByName)}";

    // The departments, and their units, under a page of top-level organisations: one query per
    // level of the hierarchy (three or four), not one per organisation.
    public static async Task<ILookup<int, OrganisationRow>> DescendantsAsync(ConcordDb db, IEnumerable<int> roots, CancellationToken ct)
    {
        var found = new List<OrganisationRow>();
        var seen = roots.ToHashSet();
        var frontier = seen.ToList();
        for (var depth = 0; depth < 8 && frontier.Count > 0 && found.Count < OrganisationPicker.Cap; depth++)
        {
            var level = await db.Organisations.AsNoTracking()
                .Where(o => o.ParentId != null && frontier.Contains(o.ParentId.Value))
                .OrderBy(o => o.Id)
                .Take(OrganisationPicker.Cap)
                .Select(o => new OrganisationRow(o.Id, o.Kind.Code, o.Kind.Name, o.Country, o.Name, o.Abbreviation,
                    o.ParentId, o.SuccessorId, o.SucceededOn, o.SucceededOnPrecision, o.IsIllustrative))
                .ToListAsync(ct);
            level = level.Where(o => seen.Add(o.Id)).ToList();
            found.AddRange(level);
            frontier = level.Select(o => o.Id).ToList();
        }
        return found.ToLookup(o => o.ParentId!.Value);
    }

    // Names of the successors a page of rows mentions ("merged into the Ministry of Home Affairs"), in one query.
    public static async Task<Dictionary<int, (LocalizedText Name, string? Abbreviation)>> NamesAsync(ConcordDb db, IEnumerable<int> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Abbreviation }).ToListAsync(ct);
        return rows.ToDictionary(o => o.Id, o => (o.Name, o.Abbreviation));
    }
}
