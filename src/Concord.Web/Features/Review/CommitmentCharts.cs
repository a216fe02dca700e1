using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Review;

// The numbers behind the charts of the home page, a meeting's page and the yearly review, for any set of
// commitments: status by area, status by leading side, the statuses reported each year, and per side the
// reports received against the commitments that expect one. Every count is made by the database (GROUP BY
// or COUNT over the scope), and every query passes the visibility filter, so a reader of one side never
// counts the other side's restricted clauses or reports.
public sealed class CommitmentCharts
{
    public sealed record AreaStatus(int AreaId, LocalizedText Area, int SortOrder, CommitmentStatus Status, int Count);
    public sealed record SideStatus(string Side, CommitmentStatus Status, int Count);
    public sealed record YearStatus(int Year, CommitmentStatus Status, int Count);
    public sealed record SideReports(string Side, int Due, int Received);

    public required IReadOnlyList<AreaStatus> ByArea { get; init; }
    public required IReadOnlyList<SideStatus> BySide { get; init; }
    public required IReadOnlyList<YearStatus> OverTime { get; init; }
    public required IReadOnlyList<SideReports> Reports { get; init; }
    // Reports counted in this year only; null: any report.
    public int? Year { get; init; }

    // The statuses that do not wait for a report: closed, handed on, or known to nobody.
    static readonly CommitmentStatus[] NoReportExpected = [CommitmentStatus.Done, CommitmentStatus.Dropped, CommitmentStatus.CarriedOver, CommitmentStatus.NoInformation];

    // How many years of reports the "over time" chart shows, the latest last.
    public const int YearsShown = 10;

    public static async Task<CommitmentCharts> LoadAsync(ConcordDb db, IQueryable<Commitment> scope, int? year, CancellationToken ct)
    {
        scope = scope.AsNoTracking();
        var areas = await scope.GroupBy(c => new { c.AreaId, c.Status }).Select(g => new { g.Key.AreaId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var areaIds = areas.Select(a => a.AreaId).Distinct().ToList();
        var names = await db.Terms.AsNoTracking().Where(t => areaIds.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.SortOrder }).ToDictionaryAsync(t => t.Id, ct);
        var byArea = areas.Select(a => new AreaStatus(a.AreaId, names[a.AreaId].Name, names[a.AreaId].SortOrder, a.Status, a.Count)).ToList();

        var bySide = new List<SideStatus>();
        var reports = new List<SideReports>();
        DateOnly? from = year is { } y ? new DateOnly(y, 1, 1) : null, to = year is { } y2 ? new DateOnly(y2, 12, 31) : null;
        foreach (var side in Sides.All)
        {
            var led = scope.Where(c => c.Leads.Any(l => l.Country == side));
            bySide.AddRange((await led.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new SideStatus(side, g.Key, g.Count)));
            var expecting = led.Where(c => !NoReportExpected.Contains(c.Status));
            var due = await expecting.CountAsync(ct);
            var received = await expecting.CountAsync(c => c.Reports.Any(r => r.Country == side && (from == null || (r.ReportedOn >= from && r.ReportedOn <= to))), ct);
            reports.Add(new SideReports(side, due, received));
        }

        // Grouped by the database over the scope's reports (reached by their clause), the last years kept
        // here. Not "the newest report first, then its year": walking the reports by date until one of the
        // scope turns up read every report of a 200,000-report database when the scope had none (47 s in bench/).
        var reportsInScope = db.ProgressReports.AsNoTracking().Where(r => scope.Any(c => c.Id == r.CommitmentId));
        if (year is { } only) reportsInScope = reportsInScope.Where(r => r.ReportedOn >= new DateOnly(only - YearsShown + 1, 1, 1) && r.ReportedOn <= new DateOnly(only, 12, 31));
        var grouped = await reportsInScope.GroupBy(r => new { r.ReportedOn.Year, r.Status }).Select(g => new { g.Key.Year, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var lastYear = grouped.Count == 0 ? 0 : grouped.Max(g => g.Year);
        var overTime = grouped.Where(g => g.Year > lastYear - YearsShown).Select(g => new YearStatus(g.Year, g.Status, g.Count)).ToList();
        return new CommitmentCharts { ByArea = byArea, BySide = bySide, OverTime = overTime, Reports = reports, Year = year };
    }

    // The charts in a reader's or a document's language: label(key) finds a string, text(name) picks a
    // record's name. Statuses nobody holds are left out of a chart's series.
    public IReadOnlyList<ChartData> ToCharts(string idPrefix, Func<string, string> label, Func<LocalizedText, string> text)
    {
        var charts = new List<ChartData>();
        var statuses = Order(ByArea.Select(a => a.Status).Concat(BySide.Select(s => s.Status)));
        string[] series = [.. statuses.Select(s => label($"CommitmentStatus.{s}"))];

        charts.Add(new ChartData($"{idPrefix}-area", label("Review.Chart.ByArea"), series,
            [.. ByArea.GroupBy(a => a.AreaId).OrderBy(g => g.First().SortOrder)
                .Select(g => new ChartRow(text(g.First().Area), [.. statuses.Select(s => g.Where(a => a.Status == s).Sum(a => a.Count))]))]));

        charts.Add(new ChartData($"{idPrefix}-side", label("Review.Chart.BySide"), series,
            [.. Sides.All.Select(side => new ChartRow(label($"Review.LeadBy.{side}"),
                [.. statuses.Select(s => BySide.Where(b => b.Side == side && b.Status == s).Sum(b => b.Count))]))]));

        var reported = Order(OverTime.Select(o => o.Status));
        charts.Add(new ChartData($"{idPrefix}-time", label("Review.Chart.OverTime"), [.. reported.Select(s => label($"CommitmentStatus.{s}"))],
            [.. OverTime.Select(o => o.Year).Distinct().Order()
                .Select(y => new ChartRow(y.ToString(System.Globalization.CultureInfo.InvariantCulture), [.. reported.Select(s => OverTime.Where(o => o.Year == y && o.Status == s).Sum(o => o.Count))]))]));

        charts.Add(new ChartData($"{idPrefix}-reports", Year is { } year ? string.Format(System.Globalization.CultureInfo.CurrentCulture, label("Review.Chart.ReportsInYear"), year) : label("Review.Chart.Reports"),
            [label("Review.Chart.Received"), label("Review.Chart.Missing")],
            [.. Reports.Select(r => new ChartRow(label($"Review.LeadBy.{r.Side}"), [r.Received, r.Due - r.Received]))], label("Review.Chart.Due")));
        return charts;
    }

    static List<CommitmentStatus> Order(IEnumerable<CommitmentStatus> present)
    {
        var set = present.ToHashSet();
        return [.. Enum.GetValues<CommitmentStatus>().Where(set.Contains)];
    }
}
