using System.Globalization;
using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Sources;

// A record's citations as its page and its API answer show them. Read after the record itself, so a
// record the reader may not see never reaches here.
public sealed record CitationRow(int SourceId, string Title, string? Outlet, string? Author, DateOnly? PublishedOn, TimeOnly? PublishedAt,
    string? Url, string? Passage, LocalizedText Note)
{
    // "'Title', Outlet, Author, 20/10/2021 21:40": what the article gives, nothing more.
    public string Reference(CultureInfo culture)
    {
        var parts = new List<string> { $"‘{Title}’" };
        if (Outlet is not null) parts.Add(Outlet);
        if (Author is not null) parts.Add(Author);
        if (PublishedOn is { } on)
        {
            var day = new PartialDate(on, DatePrecision.Day).Format(culture);
            parts.Add(PublishedAt is { } at ? $"{day} {at.ToString("HH:mm", CultureInfo.InvariantCulture)}" : day);
        }
        return string.Join(", ", parts);
    }
}

public static class Citations
{
    public static async Task<IReadOnlyList<CitationRow>> ForAsync(ConcordDb db, string recordType, int recordId, CancellationToken ct) =>
        [.. (await ForManyAsync(db, recordType, [recordId], ct))[recordId]];

    public static async Task<ILookup<int, CitationRow>> ForManyAsync(ConcordDb db, string recordType, IReadOnlyCollection<int> ids, CancellationToken ct) =>
        (await ForManyAsync(db, [(recordType, ids)], ct))[recordType];

    // The citations of records of several kinds, in one statement (a commitment's page: the clause and its reports),
    // by kind and then by record.
    public static async Task<Dictionary<string, ILookup<int, CitationRow>>> ForManyAsync(ConcordDb db,
        IReadOnlyList<(string RecordType, IReadOnlyCollection<int> Ids)> records, CancellationToken ct)
    {
        var types = records.Select(r => r.RecordType).Distinct().ToList();
        var ids = records.SelectMany(r => r.Ids).Distinct().ToList();
        var wanted = records.SelectMany(r => r.Ids.Select(id => (r.RecordType, id))).ToHashSet();
        var rows = ids.Count == 0 ? [] : await db.Citations.AsNoTracking()
            .Where(c => types.Contains(c.RecordType) && ids.Contains(c.RecordId))
            .OrderBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new { c.RecordType, c.RecordId, Row = new CitationRow(c.SourceId, c.Source.Title, c.Source.Outlet, c.Source.Author, c.Source.PublishedOn, c.Source.PublishedAt,
                c.Source.Url, c.Passage, new LocalizedText(c.Note.Vi, c.Note.En, c.Note.Lo)) })
            .ToListAsync(ct);
        // One kind's id may be another's: only the pairs asked for.
        var found = rows.Where(r => wanted.Contains((r.RecordType, r.RecordId))).ToList();
        return types.ToDictionary(t => t, t => found.Where(r => r.RecordType == t).ToLookup(r => r.RecordId, r => r.Row));
    }
}
