using System.Text.Json.Serialization;
using System.Globalization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Instruments;

public sealed class InstrumentFilter
{
    public int? Kind { get; set; }
    public InstrumentStatus? Status { get; set; }
    public int? Organisation { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }
}

public sealed record InstrumentRow(
    int Id, string KindCode, LocalizedText Kind, LocalizedText Title, InstrumentStatus Status,
    [property: JsonIgnore] DateOnly? SignedOn, [property: JsonIgnore] DatePrecision SignedOnPrecision, string? DateNote, bool IsIllustrative, bool DateInferred = false)
{
    public PartialDate? Signed => PartialDate.From(SignedOn, SignedOnPrecision);
}

// The list behind /instruments and GET /api/instruments: newest signature first, undated ones last,
// keyset-paged on (signed date, id).
public static class InstrumentList
{
    public static async Task<Page<InstrumentRow>> QueryAsync(ConcordDb db, InstrumentFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = db.Instruments.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(i => i.KindId == kind);
        if (filter.Status is { } status) query = query.Where(i => i.Status == status);
        if (filter.Organisation is { } org)
        {
            var scope = await OrganisationScope.ExpandAsync(db, org, ct);
            query = query.Where(i => i.Parties.Any(p => scope.Contains(p.OrganisationId)));
        }
        if (Cursor.TryDecode(filter.After, out var value, out var afterId))
        {
            if (value.Length == 0)
                query = query.Where(i => i.SignedOn == null && i.Id < afterId);
            else
            {
                var date = DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                query = query.Where(i => i.SignedOn < date || (i.SignedOn == date && i.Id < afterId) || i.SignedOn == null);
            }
        }
        var rows = await query
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id)
            .Take(size + 1)
            .Select(i => new InstrumentRow(i.Id, i.Kind.Code, i.Kind.Name, i.Title, i.Status, i.SignedOn, i.SignedOnPrecision, i.DateNote, i.IsIllustrative, i.DateInference.Vi != null || i.DateInference.En != null || i.DateInference.Lo != null))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            next = Cursor.Encode(last.SignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", last.Id);
        }
        return new Page<InstrumentRow>(rows, next);
    }
}
