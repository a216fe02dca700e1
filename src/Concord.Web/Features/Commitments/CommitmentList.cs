using System.Globalization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

public enum CommitmentSort
{
    // Newest period first.
    Period = 0,
    // Soonest (or longest overdue) due date first; commitments without one last.
    Due = 1,
    // Most recently changed first.
    Updated = 2,
}

public sealed class CommitmentFilter
{
    public int? Area { get; set; }
    public CommitmentStatus? Status { get; set; }
    // The side that leads: VN or LA.
    public string? Side { get; set; }
    // Exactly this period, "2026-2027": the plan a clause belongs to, not every plan that overlaps it.
    public string? Period { get; set; }
    // A lead organisation, its departments and the bodies it succeeded.
    public int? Organisation { get; set; }
    public int? Instrument { get; set; }
    public bool? Overdue { get; set; }
    public CommitmentSort? Sort { get; set; }
    public string? After { get; set; }
    public int? Size { get; set; }

    // Keys are the query parameter names, values string keys the caller localizes.
    public Dictionary<string, string> Check()
    {
        var errors = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(Period) && !Concord.Shared.Period.TryParse(Period, out _)) errors["period"] = "Validation.Period";
        if (!string.IsNullOrWhiteSpace(Side) && !Sides.IsKnown(Side.Trim().ToUpperInvariant())) errors["side"] = "Validation.UnknownChoice";
        return errors;
    }
}

public sealed record LeadRef(int OrganisationId, string Country, LocalizedText Name, string? Abbreviation);

public sealed record LatestReport(string Country, DateOnly ReportedOn);

public sealed record CommitmentRow(
    int Id, string? Number, LocalizedText Text, int InstrumentId, LocalizedText InstrumentTitle, LocalizedText Area,
    int? PeriodStart, int? PeriodEnd, DateOnly? DueOn, CommitmentStatus Status, bool IsIllustrative, DateTime UpdatedAt)
{
    public string Period => Concord.Shared.Period.Text(PeriodStart, PeriodEnd);
    public bool IsOverdue { get; init; }
    public IReadOnlyList<LeadRef> Leads { get; init; } = [];
    public IReadOnlyList<LatestReport> LatestReports { get; init; } = [];
}

// The list behind /commitments and GET /api/commitments. Every sort is keyset-paged on (sort value, id)
// and every filter is an indexed predicate (see the Commitment indexes in ConcordDb), so a page costs the
// same at the first and the 20,000th page of 500,000 commitments.
public static class CommitmentList
{
    public static async Task<Page<CommitmentRow>> QueryAsync(ConcordDb db, CommitmentFilter filter, DateOnly today, CancellationToken ct)
    {
        var size = Cursor.Size(filter.Size);
        var query = await FilteredAsync(db, filter, today, ct);

        var hasCursor = Cursor.TryDecode(filter.After, out var value, out var afterId);
        var (rows, next) = (filter.Sort ?? CommitmentSort.Period) switch
        {
            CommitmentSort.Due => await ByDueAsync(db, query, hasCursor, value, afterId, size, ct),
            CommitmentSort.Updated => await ByUpdateAsync(db, query, hasCursor, value, afterId, size, ct),
            _ => await ByPeriodAsync(db, query, hasCursor, value, afterId, size, ct),
        };
        return new Page<CommitmentRow>(await CompleteAsync(db, rows, today, ct), next);
    }

    // The commitments a filter selects, as the reader may see them (the visibility filter applies), unsorted
    // and unpaged: the list pages it, the report of a filtered list reads it whole.
    public static async Task<IQueryable<Commitment>> FilteredAsync(ConcordDb db, CommitmentFilter filter, DateOnly today, CancellationToken ct)
    {
        var query = db.Commitments.AsNoTracking();
        if (filter.Area is { } area) query = query.Where(c => c.AreaId == area);
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.Instrument is { } instrument) query = query.Where(c => c.InstrumentId == instrument);
        if (Concord.Shared.Period.TryParse(filter.Period, out var period))
            query = query.Where(c => c.PeriodStart == period.StartYear && c.PeriodEnd == period.EndYear);
        if (filter.Side?.Trim().ToUpperInvariant() is { } side && Sides.IsKnown(side))
            query = query.Where(c => c.Leads.Any(l => l.Country == side));
        if (filter.Organisation is { } org)
        {
            var scope = await OrganisationScope.ExpandAsync(db, org, ct);
            query = query.Where(c => c.Leads.Any(l => scope.Contains(l.OrganisationId)));
        }
        if (filter.Overdue == true) query = query.Where(CommitmentRules.IsOverdue(today));
        return query;
    }

    // On PostgreSQL the cursor is a row-value comparison, (a, id) < (x, y), which the planner turns into one
    // index range; the expanded OR form it cannot, and would re-read the rows of earlier pages. SQLite is
    // given the expanded form with a bound on the leading column, which keeps it on the index.
    static async Task<(List<CommitmentRow>, string?)> ByPeriodAsync(ConcordDb db, IQueryable<Commitment> query, bool hasCursor, string value, int afterId, int size, CancellationToken ct)
    {
        // A commitment without a period sorts last, as year 0, on both databases (they place NULL differently).
        // The order is that of the expression indexes on COALESCE("PeriodStart", 0) (migration SpeedIndexes).
        if (hasCursor && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            query = db.IsPostgres
                ? query.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.PeriodStart ?? 0, c.Id), ValueTuple.Create(start, afterId)))
                : query.Where(c => (c.PeriodStart ?? 0) <= start && ((c.PeriodStart ?? 0) < start || c.Id < afterId));
        var rows = await Project(query.OrderByDescending(c => c.PeriodStart ?? 0).ThenByDescending(c => c.Id)).Take(size + 1).ToListAsync(ct);
        return Trim(rows, size, r => (r.PeriodStart ?? 0).ToString(CultureInfo.InvariantCulture));
    }

    static async Task<(List<CommitmentRow>, string?)> ByUpdateAsync(ConcordDb db, IQueryable<Commitment> query, bool hasCursor, string value, int afterId, int size, CancellationToken ct)
    {
        if (hasCursor && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            var at = new DateTime(ticks, DateTimeKind.Utc);
            query = db.IsPostgres
                ? query.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.UpdatedAt, c.Id), ValueTuple.Create(at, afterId)))
                : query.Where(c => c.UpdatedAt <= at && (c.UpdatedAt < at || c.Id < afterId));
        }
        var rows = await Project(query.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id)).Take(size + 1).ToListAsync(ct);
        return Trim(rows, size, r => r.UpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture));
    }

    // Dated commitments first, then undated ones, read as two index ranges one after the other rather than
    // one sort on "DueOn is null", which no index serves. A cursor with an empty value is in the undated part.
    static async Task<(List<CommitmentRow>, string?)> ByDueAsync(ConcordDb db, IQueryable<Commitment> query, bool hasCursor, string value, int afterId, int size, CancellationToken ct)
    {
        var inUndated = hasCursor && value.Length == 0;
        var rows = new List<CommitmentRow>();
        if (!inUndated)
        {
            var dated = query.Where(c => c.DueOn != null);
            if (hasCursor && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due))
                dated = db.IsPostgres
                    ? dated.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.DueOn!.Value, c.Id), ValueTuple.Create(due, afterId)))
                    : dated.Where(c => c.DueOn >= due && (c.DueOn > due || c.Id > afterId));
            rows = await Project(dated.OrderBy(c => c.DueOn).ThenBy(c => c.Id)).Take(size + 1).ToListAsync(ct);
        }
        if (rows.Count <= size)
        {
            var undated = query.Where(c => c.DueOn == null);
            if (inUndated) undated = undated.Where(c => c.Id > afterId);
            rows.AddRange(await Project(undated.OrderBy(c => c.Id)).Take(size + 1 - rows.Count).ToListAsync(ct));
        }
        return Trim(rows, size, r => r.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
    }

    // Texts column by column: a complex property reached through a navigation makes EF read the whole row
    // it belongs to (an instrument with its search text), where the list shows one title.
    static IQueryable<CommitmentRow> Project(IQueryable<Commitment> query) =>
        query.Select(c => new CommitmentRow(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), c.InstrumentId, new LocalizedText(c.Instrument.Title.Vi, c.Instrument.Title.En, c.Instrument.Title.Lo), new LocalizedText(c.Area.Name.Vi, c.Area.Name.En, c.Area.Name.Lo),
            c.PeriodStart, c.PeriodEnd, c.DueOn, c.Status, c.IsIllustrative, c.UpdatedAt));

    static (List<CommitmentRow>, string?) Trim(List<CommitmentRow> rows, int size, Func<CommitmentRow, string> sortValue)
    {
        if (rows.Count <= size) return (rows, null);
        rows.RemoveRange(size, rows.Count - size);
        return (rows, Cursor.Encode(sortValue(rows[^1]), rows[^1].Id));
    }

    sealed record PageExtras(int Id, DateOnly? Vietnam, DateOnly? Laos, List<LeadRef> Leads);

    // Compiled (CompiledPerModel): it runs for every page of the list and of the API.
    // Each side's latest report date is one look-up per clause and side on the index (CommitmentId, Country,
    // ReportedOn), through the reports' own visibility filter. Grouping the page's reports instead made PostgreSQL
    // guess a few thousand rows and plan parallel workers, whose start cost ten times the query (31 ms, not 2).
    // The leads come in the same statement (a join on the page's clauses), where they were a statement of their own.
    static readonly CompiledPerModel<Func<ConcordDb, int[], IAsyncEnumerable<PageExtras>>> PageLeadsAndLatestReports = new(() =>
        EF.CompileAsyncQuery((ConcordDb db, int[] ids) => db.Commitments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new PageExtras(c.Id,
                c.Reports.Where(r => r.Country == Sides.Vietnam).Max(r => (DateOnly?)r.ReportedOn),
                c.Reports.Where(r => r.Country == Sides.Laos).Max(r => (DateOnly?)r.ReportedOn),
                c.Leads.Select(l => new LeadRef(l.OrganisationId, l.Country, new LocalizedText(l.Organisation.Name.Vi, l.Organisation.Name.En, l.Organisation.Name.Lo), l.Organisation.Abbreviation)).ToList()))));

    // Leads and each side's latest report for the whole page: one statement, not one per row.
    static async Task<List<CommitmentRow>> CompleteAsync(ConcordDb db, List<CommitmentRow> rows, DateOnly today, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var ids = rows.Select(r => r.Id).ToArray();
        var extras = (await PageLeadsAndLatestReports.For(db)(db, ids).ToListAsync(ct)).ToDictionary(x => x.Id);
        return rows.Select(r =>
        {
            var found = extras.GetValueOrDefault(r.Id);
            return r with
            {
                IsOverdue = CommitmentRules.IsOverdueOn(today, r.Status, r.DueOn, Period.Of(r.PeriodStart, r.PeriodEnd)),
                Leads = [.. (found?.Leads ?? []).OrderBy(l => SideOrder(l.Country)).ThenBy(l => l.OrganisationId)],
                LatestReports = [.. LatestOf(found)],
            };
        }).ToList();
    }

    // In the sides' order (Sides.All): Vietnam's, then Laos's.
    static IEnumerable<LatestReport> LatestOf(PageExtras? found)
    {
        if (found?.Vietnam is { } vietnam) yield return new LatestReport(Sides.Vietnam, vietnam);
        if (found?.Laos is { } laos) yield return new LatestReport(Sides.Laos, laos);
    }

    public static int SideOrder(string country) => Array.IndexOf(Sides.All, country) is var i and >= 0 ? i : Sides.All.Length;
}
