using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

public sealed record Choice(int Id, LocalizedText Name);
public sealed record CodeChoice(string Code, LocalizedText Name);
// Depth 0 is a ministry (or whatever stands at the top of its side's tree), 1 its department, and so on.
public sealed record OrganisationChoice(int Id, string Country, LocalizedText Name, string? Abbreviation, int Depth);

// The options of the commitment forms and filters.
public static class Choices
{
    // A programme's instruments number in the hundreds; a select offers the latest and the one already chosen.
    const int MaxInstruments = 300;
    // The two sides' ministries and departments that lead or report: hundreds, not thousands.
    const int MaxOrganisations = 2000;

    public static Task<List<Choice>> AreasAsync(ConcordDb db, CancellationToken ct) =>
        db.Terms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.Area && t.IsActive)
            .OrderBy(t => t.SortOrder).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);

    public static Task<List<CodeChoice>> CurrenciesAsync(ConcordDb db, CancellationToken ct) =>
        db.Terms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.Currency && t.IsActive)
            .OrderBy(t => t.SortOrder).Select(t => new CodeChoice(t.Code, t.Name)).ToListAsync(ct);

    public static async Task<List<Choice>> InstrumentsAsync(ConcordDb db, int? include, CancellationToken ct)
    {
        var latest = await db.Instruments.AsNoTracking()
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id)
            .Take(MaxInstruments).Select(i => new Choice(i.Id, i.Title)).ToListAsync(ct);
        if (include is { } id && latest.All(c => c.Id != id))
            latest.InsertRange(0, await db.Instruments.AsNoTracking().Where(i => i.Id == id).Select(i => new Choice(i.Id, i.Title)).ToListAsync(ct));
        return latest;
    }

    // Each side's organisations as a tree: a ministry, then its departments indented under it.
    public static async Task<List<OrganisationChoice>> OrganisationsAsync(ConcordDb db, CancellationToken ct)
    {
        var all = await db.Organisations.AsNoTracking().Where(o => o.Country == Sides.Vietnam || o.Country == Sides.Laos)
            .OrderBy(o => o.Id).Take(MaxOrganisations)
            .Select(o => new { o.Id, o.ParentId, Country = o.Country!, o.Name, o.Abbreviation })
            .ToListAsync(ct);
        var ids = all.Select(o => o.Id).ToHashSet();
        var children = all.ToLookup(o => o.ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var compare = Collation.Current;
        var result = new List<OrganisationChoice>(all.Count);
        void Add(int? parent, int depth)
        {
            foreach (var o in children[parent].OrderBy(o => CommitmentList.SideOrder(o.Country)).ThenBy(o => Display.Plain(o.Name), compare))
            {
                result.Add(new OrganisationChoice(o.Id, o.Country, o.Name, o.Abbreviation, depth));
                if (depth < 10) Add(o.Id, depth + 1);
            }
        }
        Add(null, 0);
        return result;
    }
}
