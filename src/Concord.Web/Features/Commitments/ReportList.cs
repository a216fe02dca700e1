using System.Globalization;
using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

public sealed class ReportFilter
{
    public string? Side { get; set; }
    public string? Period { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }

    public Dictionary<string, string> Check()
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Period) && !Concord.Shared.Period.TryParse(Period, out _)) errors["period"] = "Validation.Period";
        if (!string.IsNullOrWhiteSpace(Side) && !Sides.IsKnown(Side.Trim().ToUpperInvariant())) errors["side"] = "Validation.UnknownChoice";
        return errors;
    }
}

// One commitment's reports, newest first, keyset-paged on (reported on, id). A commitment has tens of
// reports, not millions, so the (CommitmentId, ...) index narrows the rows and the order is a small sort.
public static class ReportList
{
    public static async Task<Page<ReportDetails>> QueryAsync(ConcordDb db, int commitmentId, ReportFilter filter, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = db.ProgressReports.AsNoTracking().Where(r => r.CommitmentId == commitmentId);
        if (filter.Side?.Trim().ToUpperInvariant() is { } side && Sides.IsKnown(side)) query = query.Where(r => r.Country == side);
        if (Concord.Shared.Period.TryParse(filter.Period, out var period))
            query = query.Where(r => r.PeriodStart == period.StartYear && r.PeriodEnd == period.EndYear);
        if (Cursor.TryDecode(filter.After, out var value, out var afterId)
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
            query = query.Where(r => r.ReportedOn < on || (r.ReportedOn == on && r.Id < afterId));
        var rows = await ReportDetails.Query(query.OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).Take(size + 1)).ToListAsync(ct);
        string? next = null;
        if (rows.Count > size)
        {
            rows.RemoveAt(size);
            next = Cursor.Encode(rows[^1].ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), rows[^1].Id);
        }
        return new Page<ReportDetails>([.. rows.Select(r => r.WithLinks())], next);
    }
}
