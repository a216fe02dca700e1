using System.Text.Json.Serialization;
using System.Globalization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Activities;

public sealed class ActivityFilter
{
    public int? Kind { get; set; }
    // Rolls up to the organisation's departments and the bodies it succeeded.
    public int? Organisation { get; set; }
    // Activities under way at any time in that year, so "ongoing 2019-2021" is found in 2020.
    public int? Year { get; set; }
    public int? Commitment { get; set; }
    public int? Meeting { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }
}

public sealed record ActivityParty(int OrganisationId, LocalizedText Name, string? Abbreviation, ActivityRole Role);

public sealed record ActivityRow(
    int Id, string KindCode, LocalizedText Kind, LocalizedText Title,
    [property: JsonIgnore] DateOnly? StartsOn, [property: JsonIgnore] DatePrecision StartsOnPrecision, [property: JsonIgnore] DateOnly? EndsOn, [property: JsonIgnore] DatePrecision EndsOnPrecision, string? DateNote,
    int? PeopleTotal, int? PeopleWomen, int? PeopleMen,
    decimal? ValueAmount, string? ValueCurrency, bool ValueIsLowerBound, bool IsIllustrative, bool DateInferred = false)
{
    public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    public PartialDate? Ends => PartialDate.From(EndsOn, EndsOnPrecision);
    public IReadOnlyList<ActivityParty> Organisations { get; init; } = [];
}

// The list behind /activities and GET /api/activities: newest first, undated ones last,
// keyset-paged on (start date, id).
public static class ActivityList
{
    public static async Task<Page<ActivityRow>> QueryAsync(ConcordDb db, ActivityFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = db.Activities.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(a => a.KindId == kind);
        if (filter.Meeting is { } meeting) query = query.Where(a => a.MeetingId == meeting);
        if (filter.Commitment is { } commitment) query = query.Where(a => a.Commitments.Any(c => c.CommitmentId == commitment));
        if (filter.Organisation is { } org)
        {
            var scope = await OrganisationScope.ExpandAsync(db, org, ct);
            query = query.Where(a => a.Organisations.Any(o => scope.Contains(o.OrganisationId)));
        }
        if (filter.Year is { } year and >= 1900 and <= 2200)
        {
            var first = new DateOnly(year, 1, 1);
            var next = first.AddYears(1);
            query = query.Where(a => a.StartsOn < next && (a.EndsOn ?? a.StartsOn) >= first);
        }
        if (Cursor.TryDecode(filter.After, out var value, out var afterId))
        {
            if (value.Length == 0)
                query = query.Where(a => a.StartsOn == null && a.Id < afterId);
            else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                query = query.Where(a => a.StartsOn < date || (a.StartsOn == date && a.Id < afterId) || a.StartsOn == null);
        }
        // Into an anonymous type first: EF reads only these columns then, where a record's constructor
        // taking a complex property (Title) makes it read the whole row, search text and all.
        var rows = (await query
            .OrderBy(a => a.StartsOn == null).ThenByDescending(a => a.StartsOn).ThenByDescending(a => a.Id)
            .Take(size + 1)
            .Select(a => new
            {
                a.Id, KindCode = a.Kind.Code, Kind = a.Kind.Name, a.Title, a.StartsOn, a.StartsOnPrecision, a.EndsOn, a.EndsOnPrecision, a.DateNote,
                a.PeopleTotal, a.PeopleWomen, a.PeopleMen, a.ValueAmount, a.ValueCurrency, a.ValueIsLowerBound, a.IsIllustrative,
                DateInferred = a.DateInference.Vi != null || a.DateInference.En != null || a.DateInference.Lo != null,
            })
            .ToListAsync(ct))
            .Select(a => new ActivityRow(a.Id, a.KindCode, a.Kind, a.Title, a.StartsOn, a.StartsOnPrecision, a.EndsOn, a.EndsOnPrecision, a.DateNote,
                a.PeopleTotal, a.PeopleWomen, a.PeopleMen, a.ValueAmount, a.ValueCurrency, a.ValueIsLowerBound, a.IsIllustrative, a.DateInferred))
            .ToList();
        string? nextCursor = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            nextCursor = Cursor.Encode(last.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", last.Id);
        }
        return new Page<ActivityRow>(await WithOrganisationsAsync(db, rows, ct), nextCursor);
    }

    // One query for the organisations of the whole page, not one per row.
    static async Task<List<ActivityRow>> WithOrganisationsAsync(ConcordDb db, List<ActivityRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToList();
        var parties = (await db.ActivityOrganisations.AsNoTracking()
                .Where(o => ids.Contains(o.ActivityId))
                .Select(o => new { o.ActivityId, o.OrganisationId, o.Organisation.Name, o.Organisation.Abbreviation, o.Role })
                .ToListAsync(ct))
            .ToLookup(x => x.ActivityId, x => new ActivityParty(x.OrganisationId, x.Name, x.Abbreviation, x.Role));
        return rows.Select(r => r with { Organisations = [.. parties[r.Id].OrderBy(p => p.Role).ThenBy(p => p.OrganisationId)] }).ToList();
    }
}
