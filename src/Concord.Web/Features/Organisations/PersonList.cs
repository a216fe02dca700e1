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

public sealed record PersonRow(int Id, string Name, LocalizedText Position, int? OrganisationId, int Version) : IVersioned;

// GET /api/people: by name as the reader's language sorts it, keyset-paged on (name, id). A person's
// name is written once, in its own script, so only the order depends on the reader.
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
        var language = Cultures.Language;
        var name = db.SortName<Person>(p => p.Name, language);
        // A cursor made for another language's order is ignored: the list starts again.
        if (Cursor.TryDecode(filter.After, out var after, out var afterId) && after.Split(Separator, 2) is [var cursorLanguage, var afterName] && cursorLanguage == language)
            query = query.Where(Collation.After(name, afterName, afterId));
        var rows = await query.OrderBy(name).ThenBy(p => p.Id).Take(size + 1)
            .Select(p => new PersonRow(p.Id, p.Name, p.Position, p.OrganisationId, p.Version))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = Cursor.Encode(language + Separator + rows[^1].Name, rows[^1].Id);
        }
        return new Page<PersonRow>(rows, next);
    }

    const char Separator = '\u001F';

    public static Task<PersonRow?> LoadAsync(ConcordDb db, int id, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new PersonRow(p.Id, p.Name, p.Position, p.OrganisationId, p.Version))
            .SingleOrDefaultAsync(ct);
}
