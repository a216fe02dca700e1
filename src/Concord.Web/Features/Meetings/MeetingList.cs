using System.Text.Json.Serialization;
using System.Globalization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Meetings;

public sealed class MeetingFilter
{
    public int? Kind { get; set; }
    public int? Year { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Organisation { get; set; }
    public string? Q { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }
}

public sealed record MeetingRow(
    int Id, string KindCode, LocalizedText Kind, int? Number, LocalizedText Title,
    [property: JsonIgnore] DateOnly? StartsOn, [property: JsonIgnore] DatePrecision StartsOnPrecision, DateOnly? EndsOn, string? DateNote,
    string? Place, bool IsOnline, bool IsIllustrative, bool DateInferred = false)
{
    public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
}

// The list behind /meetings and GET /api/meetings: newest first, undated ones last,
// keyset-paged on (start date, id).
public static class MeetingList
{
    public static async Task<Page<MeetingRow>> QueryAsync(ConcordDb db, MeetingFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = db.Meetings.AsNoTracking();
        if (filter.Kind is { } kind) query = query.Where(m => m.KindId == kind);

        var (from, to) = Range(filter);
        if (from is { } f)
        {
            // A meeting known only as "11/2025" may have been on any day of November, so a range
            // starting 15/11/2025 still finds it; a meeting that ends inside the range is found too.
            var monthOfFrom = new DateOnly(f.Year, f.Month, 1);
            var yearOfFrom = new DateOnly(f.Year, 1, 1);
            query = query.Where(m => m.StartsOn >= f
                || (m.StartsOnPrecision == DatePrecision.Month && m.StartsOn >= monthOfFrom)
                || (m.StartsOnPrecision == DatePrecision.Year && m.StartsOn >= yearOfFrom)
                || m.EndsOn >= f);
        }
        if (to is { } t) query = query.Where(m => m.StartsOn <= t);

        if (filter.Organisation is { } org)
        {
            // Meetings the organisation, its departments or the bodies it succeeded took part in,
            // or that one of their people chaired.
            var scope = await OrganisationScope.ExpandAsync(db, org, ct);
            query = query.Where(m => m.Participants.Any(p => scope.Contains(p.OrganisationId))
                || m.Chairs.Any(c => c.Person.OrganisationId != null && scope.Contains(c.Person.OrganisationId.Value)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var pattern = "%" + LikePattern.Escape(TextFolding.Fold(filter.Q.Trim())) + "%";
            query = query.Where(m => EF.Functions.Like(m.SearchText, pattern, LikePattern.EscapeCharacter));
        }

        if (Cursor.TryDecode(filter.After, out var value, out var afterId))
        {
            if (value.Length == 0)
                query = query.Where(m => m.StartsOn == null && m.Id < afterId);
            else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                query = query.Where(m => m.StartsOn < date || (m.StartsOn == date && m.Id < afterId) || m.StartsOn == null);
        }
        var rows = await query
            .OrderBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
            .Take(size + 1)
            .Select(m => new MeetingRow(m.Id, m.Kind.Code, m.Kind.Name, m.Number, m.Title, m.StartsOn, m.StartsOnPrecision,
                m.EndsOn, m.DateNote, m.Place, m.IsOnline, m.IsIllustrative, m.DateInference.Vi != null || m.DateInference.En != null || m.DateInference.Lo != null))
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            var last = rows[^1];
            next = Cursor.Encode(last.StartsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", last.Id);
        }
        return new Page<MeetingRow>(rows, next);
    }

    // A year is the range 1/1 to 31/12; an explicit from/to narrows it further.
    static (DateOnly? From, DateOnly? To) Range(MeetingFilter filter)
    {
        DateOnly? from = filter.From, to = filter.To;
        if (filter.Year is { } year and >= 1 and <= 9998)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            from = from is { } f && f > first ? f : first;
            to = to is { } t && t < last ? t : last;
        }
        return (from, to);
    }
}
