using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Home;

// The programme at a glance for leadership, often on a slow link: a few indexed queries, counts made
// by the database (GROUP BY), small HTML and no script of its own.
[AllowAnonymous]
public class IndexModel(ConcordDb db, TimeProvider clock, CurrentUser user, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, Microsoft.Extensions.Localization.IStringLocalizer t) : PageModel
{
    const int TimelineLength = 12;
    const int OverdueShown = 5;
    const int ReportsShown = 8;

    public DateOnly Today { get; private set; }
    public Period? Plan { get; private set; }
    public List<StatusCount> ByStatus { get; private set; } = [];
    public List<AreaCount> ByArea { get; private set; } = [];
    public int PlanTotal => ByStatus.Sum(s => s.Count);
    public int OverdueCount { get; private set; }
    // Commitments the sources say nothing about: shown apart, never as overdue.
    public int NoInformationCount { get; private set; }
    public List<OverdueRow> OverdueFirst { get; private set; } = [];
    public List<ReportRow> LatestReports { get; private set; } = [];
    public List<TimelineItem> Timeline { get; private set; } = [];
    // Coordinators see how much translation work is left per language; nobody else is asked to do it from here.
    public Translations.TranslationWork.Totals? TranslationTotals { get; private set; }
    // For an account that writes reports: what the open rounds ask of it (Features/Rounds/MyWork.cs); null for others.
    public List<Rounds.MyWork.RoundSummary>? Work { get; private set; }
    // For a coordinator: the other side's proposals to close or reopen a commitment, waiting for this side.
    public Page<StatusProposals.PendingRow>? Proposals { get; private set; }
    // Charts of the current plan: status by area and by side, statuses reported each year, reports received against due.
    public IReadOnlyList<ChartData> Charts { get; private set; } = [];

    public sealed record StatusCount(CommitmentStatus Status, int Count);
    public sealed record AreaCount(int AreaId, LocalizedText Name, int Count, int Done);
    public sealed record OverdueRow(int Id, string? Number, LocalizedText Text, DateOnly? DueOn, int? PeriodStart, int? PeriodEnd, CommitmentStatus Status);
    public sealed record ReportRow(int Id, int CommitmentId, string? CommitmentNumber, LocalizedText CommitmentText, string Country, CommitmentStatus Status, DateOnly ReportedOn);
    public sealed record TimelineItem(bool IsConference, int Id, LocalizedText Title, PartialDate Date, bool Inferred = false);

    public string PlanQuery => Plan is { } p ? $"period={p}" : "";

    // Everything but the translation counts, shared by the readers of one visibility class (ReaderCache):
    // two full counts over the commitments per view were the page's cost at a ministry's scale.
    sealed record Figures(Period? Plan, List<StatusCount> ByStatus, List<AreaCount> ByArea, int OverdueCount, int NoInformationCount,
        List<OverdueRow> OverdueFirst, List<ReportRow> LatestReports, List<TimelineItem> Timeline);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.Today();
        var figures = await ReaderCache.GetAsync(cache, db, "home", Today, () => LoadAsync(ct));
        (Plan, ByStatus, ByArea, OverdueCount, NoInformationCount, OverdueFirst, LatestReports, Timeline) =
            (figures.Plan, figures.ByStatus, figures.ByArea, figures.OverdueCount, figures.NoInformationCount, figures.OverdueFirst, figures.LatestReports, figures.Timeline);
        // Per person, so not shared: what the open rounds ask of this account, and proposals waiting for its side.
        if (await Rounds.MyWork.ScopeAsync(db, user, ct) is { } scope) Work = await Rounds.MyWork.SummaryAsync(db, scope, Today, ct);
        if (StatusProposals.MayTakePart(user)) Proposals = await StatusProposals.AwaitingAsync(db, user, null, 5, ct);
        await LoadChartsAsync(ct);
        if (user.Role == Accounts.Role.Coordinator) TranslationTotals = await Translations.TranslationWork.TotalsAsync(db, ct);
    }

    async Task<Figures> LoadAsync(CancellationToken ct)
    {
        await LoadPlanAsync(ct);

        var overdue = db.Commitments.AsNoTracking().Where(CommitmentRules.IsOverdue(Today));
        OverdueCount = await overdue.CountAsync(ct);
        NoInformationCount = await db.Commitments.CountAsync(c => c.Status == CommitmentStatus.NoInformation, ct);
        // Texts are read column by column: given whole to a record's constructor, EF would read entire rows.
        // Longest overdue first: a period that ended years ago before a due date missed last week.
        OverdueFirst = OverdueCount == 0 ? [] : await overdue
            .OrderBy(c => c.PeriodEnd).ThenBy(c => c.DueOn == null).ThenBy(c => c.DueOn).ThenBy(c => c.Id)
            .Take(OverdueShown)
            .Select(c => new OverdueRow(c.Id, c.Number, new LocalizedText(c.Text.Vi, c.Text.En, c.Text.Lo), c.DueOn, c.PeriodStart, c.PeriodEnd, c.Status))
            .ToListAsync(ct);

        LatestReports = await db.ProgressReports.AsNoTracking()
            .OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id)
            .Take(ReportsShown)
            .Select(r => new ReportRow(r.Id, r.CommitmentId, r.Commitment.Number, new LocalizedText(r.Commitment.Text.Vi, r.Commitment.Text.En, r.Commitment.Text.Lo), r.Country, r.Status, r.ReportedOn))
            .ToListAsync(ct);

        await LoadTimelineAsync(ct);
        return new Figures(Plan, ByStatus, ByArea, OverdueCount, NoInformationCount, OverdueFirst, LatestReports, Timeline);
    }

    // The current plan is the latest period that has commitments (2026-2027 after the 9th conference).
    async Task LoadPlanAsync(CancellationToken ct)
    {
        // The newest visible commitment by the (PeriodStart, Id) index, not max(): PostgreSQL reads a max from an index
        // only on a table alone, and the visibility filter joins the instruments (0.5 s at 500,000 commitments).
        var start = await db.Commitments.Where(c => c.PeriodStart != null).OrderByDescending(c => c.PeriodStart).Select(c => c.PeriodStart).FirstOrDefaultAsync(ct);
        if (start is null) return;
        var end = await db.Commitments.Where(c => c.PeriodStart == start).MaxAsync(c => c.PeriodEnd, ct) ?? start.Value;
        Plan = new Period(start.Value, end);

        var inPlan = db.Commitments.AsNoTracking().Where(c => c.PeriodStart == start && c.PeriodEnd == end);
        ByStatus = (await inPlan.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new StatusCount(g.Key, g.Count)).OrderBy(s => StatusOrder(s.Status)).ToList();
        var areas = await inPlan.GroupBy(c => c.AreaId)
            .Select(g => new { AreaId = g.Key, Count = g.Count(), Done = g.Count(c => c.Status == CommitmentStatus.Done) })
            .ToListAsync(ct);
        var areaIds = areas.Select(a => a.AreaId).ToList();
        var names = await db.Terms.AsNoTracking().Where(t => areaIds.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.SortOrder }).ToListAsync(ct);
        ByArea = areas.Join(names, a => a.AreaId, n => n.Id, (a, n) => (Row: new AreaCount(a.AreaId, n.Name, a.Count, a.Done), n.SortOrder))
            .OrderByDescending(x => x.Row.Count).ThenBy(x => x.SortOrder).Select(x => x.Row).ToList();
    }

    // Every visitor opens this page: the charts' counts are kept like the figures above (ReaderCache), per
    // visibility class (everything, signed-in of a side, or the public), never shared across those.
    async Task LoadChartsAsync(CancellationToken ct)
    {
        if (Plan is not { } plan) return;
        var charts = await ReaderCache.GetAsync(cache, db, "home-charts", (plan.StartYear, plan.EndYear), () =>
            Review.CommitmentCharts.LoadAsync(db, db.Commitments.Where(c => c.PeriodStart == plan.StartYear && c.PeriodEnd == plan.EndYear), null, ct));
        Charts = charts.ToCharts("home", k => t[k].Value, Display.Plain);
    }

    // Ministerial conferences and signed instruments, the most recent first fetched, shown oldest to newest.
    async Task LoadTimelineAsync(CancellationToken ct)
    {
        var conferences = await db.Meetings.AsNoTracking()
            .Where(m => m.Kind.Code == "ministerial-conference" && m.StartsOn != null)
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(TimelineLength)
            .Select(m => new { m.Id, m.Title, StartsOn = m.StartsOn!.Value, m.StartsOnPrecision, Inferred = m.DateInference.Vi != null || m.DateInference.En != null })
            .ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking()
            .Where(i => i.SignedOn != null && i.Status != InstrumentStatus.Draft && i.Status != InstrumentStatus.UnderNegotiation)
            .OrderByDescending(i => i.SignedOn).ThenByDescending(i => i.Id).Take(TimelineLength)
            .Select(i => new { i.Id, i.Title, SignedOn = i.SignedOn!.Value, i.SignedOnPrecision, Inferred = i.DateInference.Vi != null || i.DateInference.En != null })
            .ToListAsync(ct);
        Timeline = conferences.Select(m => new TimelineItem(true, m.Id, m.Title, new PartialDate(m.StartsOn, m.StartsOnPrecision), m.Inferred))
            .Concat(instruments.Select(i => new TimelineItem(false, i.Id, i.Title, new PartialDate(i.SignedOn, i.SignedOnPrecision), i.Inferred)))
            // A conference comes before the instruments signed at it.
            .OrderByDescending(x => x.Date.Date).ThenBy(x => x.IsConference).ThenByDescending(x => x.Id)
            .Take(TimelineLength)
            .Reverse()
            .ToList();
    }

    // Open work first, in the order a reader scans a plan.
    static int StatusOrder(CommitmentStatus s) => s switch
    {
        CommitmentStatus.Delayed => 0,
        CommitmentStatus.NotStarted => 1,
        CommitmentStatus.InProgress => 2,
        CommitmentStatus.PartlyDone => 3,
        CommitmentStatus.Done => 4,
        CommitmentStatus.CarriedOver => 5,
        _ => 6,
    };
}
