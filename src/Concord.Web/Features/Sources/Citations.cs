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
        (await db.Citations.AsNoTracking()
            .Where(c => c.RecordType == recordType && ids.Contains(c.RecordId))
            .OrderBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new { c.RecordId, Row = new CitationRow(c.SourceId, c.Source.Title, c.Source.Outlet, c.Source.Author, c.Source.PublishedOn, c.Source.PublishedAt,
                c.Source.Url, c.Passage, new LocalizedText(c.Note.Vi, c.Note.En, c.Note.Lo)) })
            .ToListAsync(ct)).ToLookup(x => x.RecordId, x => x.Row);
}
