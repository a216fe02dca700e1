using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

public sealed class PersonFilter
{
    // People of this organisation, its departments and the bodies it succeeded.
    public int? Organisation { get; set; }
    public string? Q { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }
}

public sealed record PersonRow(int Id, string Name, LocalizedText Position, int? OrganisationId, int Version);

// GET /api/people: in the order recorded, keyset-paged on id.
public static class PersonList
{
    public static async Task<Page<PersonRow>> QueryAsync(ConcordDb db, PersonFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = db.People.AsNoTracking();
        if (filter.Organisation is { } org)
        {
            var scope = await OrganisationScope.ExpandAsync(db, org, ct);
            query = query.Where(p => p.OrganisationId != null && scope.Contains(p.OrganisationId.Value));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + LikePattern.Escape(TextFolding.Fold(filter.Q.Trim())) + "%";
            query = query.Where(p => EF.Functions.Like(p.SearchText, pattern, LikePattern.EscapeCharacter));
        }
        if (Cursor.TryDecode(filter.After, out _, out var afterId)) query = query.Where(p => p.Id > afterId);
        var rows = await query.OrderBy(p => p.Id).Take(size + 1)
            .Select(p => new PersonRow(p.Id, p.Name, p.Position, p.OrganisationId, p.Version))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = Cursor.Encode("", rows[^1].Id);
        }
        return new Page<PersonRow>(rows, next);
    }

    public static Task<PersonRow?> LoadAsync(ConcordDb db, int id, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonRow(p.Id, p.Name, p.Position, p.OrganisationId, p.Version))
            .SingleOrDefaultAsync(ct);
}
