using System.Text.Json.Serialization;
using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

public sealed record CommitmentDetails(
    int Id, int Version, int InstrumentId, LocalizedText InstrumentTitle, CommitmentDetails.MeetingRef? Meeting,
    string? Number, int Sequence, LocalizedText Text, int AreaId, string AreaCode, LocalizedText Area,
    int? PeriodStart, int? PeriodEnd, DateOnly? DueOn, CommitmentStatus Status, bool IsOverdue,
    string? Sources, bool IsIllustrative, DateTime UpdatedAt,
    IReadOnlyList<LeadRef> Leads,
    IReadOnlyList<CommitmentDetails.ClauseRef> CarriedOverFrom,
    IReadOnlyList<CommitmentDetails.ClauseRef> CarriedOverInto,
    IReadOnlyList<CommitmentDetails.ActivityRef> Activities,
    IReadOnlyList<ReportDetails> Reports,
    IReadOnlyList<string> DisagreedPeriods,
    Visibility Visibility, string? RestrictedTo, string Original = Cultures.Default) : IVersioned
{
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];
    public sealed record MeetingRef(int Id, LocalizedText Title);
    // Another clause in the carry-over chain. Depth 1 is the clause this one was carried over from (or into),
    // 2 the one before (or after) that, and so on.
    public sealed record ClauseRef(int Id, string? Number, int InstrumentId, LocalizedText InstrumentTitle, int? PeriodStart, int? PeriodEnd, CommitmentStatus Status, int Depth)
    {
        public string? Period => Concord.Shared.Period.Of(PeriodStart, PeriodEnd)?.ToString();
    }
    public sealed record ActivityRef(int Id, LocalizedText Title, [property: JsonIgnore] DateOnly? StartsOn, [property: JsonIgnore] DatePrecision StartsOnPrecision, bool IsIllustrative)
    {
        public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    }

    // Null when the source gives no period.
    public string? Period => Concord.Shared.Period.Of(PeriodStart, PeriodEnd)?.ToString();

    // Chains run a clause through a few conferences; the bound only guards against a cycle in bad data.
    const int MaxChain = 50;
    // A clause gets a report or two per side per period; the bound keeps one odd clause from a huge page.
    const int MaxReports = 1000;

    // What the first statement reads: the clause, its leads, activities and the clauses next to it in the chain.
    sealed class Loaded
    {
        public int Id { get; init; }
        public int Version { get; init; }
        public int InstrumentId { get; init; }
        public LocalizedText InstrumentTitle { get; init; } = null!;
        public MeetingRef? Meeting { get; init; }
        public string? Number { get; init; }
        public int Sequence { get; init; }
        public LocalizedText Text { get; init; } = null!;
        public int AreaId { get; init; }
        public string AreaCode { get; init; } = "";
        public LocalizedText Area { get; init; } = null!;
        public int? PeriodStart { get; init; }
        public int? PeriodEnd { get; init; }
        public DateOnly? DueOn { get; init; }
        public CommitmentStatus Status { get; init; }
        public string? Sources { get; init; }
        public bool IsIllustrative { get; init; }
        public DateTime UpdatedAt { get; init; }
        public Visibility Visibility { get; init; }
        public string? RestrictedTo { get; init; }
        public string Original { get; init; } = "";
        public List<LeadRef> Leads { get; init; } = [];
        public PreviousStep? From { get; init; }
        public List<ClauseRef> Into { get; init; } = [];
        public List<ActivityRef> Activities { get; init; } = [];
        // Whether the clause or one of its reports is cited. Only the demo's history is (citations are not yet
        // edited in forms), so for almost every clause this spares the statement that reads the citations.
        public bool Cited { get; init; }
    }

    sealed record PreviousStep(ClauseRef Clause, int? CarriedOverFromId);

    // Compiled (CompiledPerModel): built on each request, the expression tree of this projection was a quarter of what
    // a request for one commitment allocated.
    static readonly CompiledPerModel<Func<ConcordDb, int, CancellationToken, Task<Loaded?>>> LoadClause = new(() =>
        EF.CompileAsyncQuery((ConcordDb db, int id, CancellationToken ct) => db.Commitments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new Loaded
            {
                Id = x.Id, Version = x.Version, InstrumentId = x.InstrumentId, InstrumentTitle = new LocalizedText(x.Instrument.Title.Vi, x.Instrument.Title.En, x.Instrument.Title.Lo),
                Meeting = x.Instrument.Meeting == null ? null : new MeetingRef(x.Instrument.Meeting.Id, new LocalizedText(x.Instrument.Meeting.Title.Vi, x.Instrument.Meeting.Title.En, x.Instrument.Meeting.Title.Lo)),
                Number = x.Number, Sequence = x.Sequence, Text = new LocalizedText(x.Text.Vi, x.Text.En, x.Text.Lo), AreaId = x.AreaId, AreaCode = x.Area.Code, Area = new LocalizedText(x.Area.Name.Vi, x.Area.Name.En, x.Area.Name.Lo),
                PeriodStart = x.PeriodStart, PeriodEnd = x.PeriodEnd, DueOn = x.DueOn, Status = x.Status, Sources = x.Sources, IsIllustrative = x.IsIllustrative, UpdatedAt = x.UpdatedAt,
                Visibility = x.Visibility, RestrictedTo = x.RestrictedTo, Original = x.Translation.Original,
                Leads = x.Leads.Select(l => new LeadRef(l.OrganisationId, l.Country, new LocalizedText(l.Organisation.Name.Vi, l.Organisation.Name.En, l.Organisation.Name.Lo), l.Organisation.Abbreviation)).ToList(),
                // The step before and the steps after, as far as this reader may see them (the filter applies to each).
                From = x.CarriedOverFrom == null ? null : new PreviousStep(
                    new ClauseRef(x.CarriedOverFrom.Id, x.CarriedOverFrom.Number, x.CarriedOverFrom.InstrumentId,
                        new LocalizedText(x.CarriedOverFrom.Instrument.Title.Vi, x.CarriedOverFrom.Instrument.Title.En, x.CarriedOverFrom.Instrument.Title.Lo),
                        x.CarriedOverFrom.PeriodStart, x.CarriedOverFrom.PeriodEnd, x.CarriedOverFrom.Status, 1),
                    x.CarriedOverFrom.CarriedOverFromId),
                Into = x.CarriedOverInto.OrderBy(n => n.Id)
                    .Select(n => new ClauseRef(n.Id, n.Number, n.InstrumentId, new LocalizedText(n.Instrument.Title.Vi, n.Instrument.Title.En, n.Instrument.Title.Lo), n.PeriodStart, n.PeriodEnd, n.Status, 1))
                    .ToList(),
                Activities = x.Activities.OrderBy(a => a.Activity.StartsOn).ThenBy(a => a.ActivityId)
                    .Select(a => new ActivityRef(a.ActivityId, new LocalizedText(a.Activity.Title.Vi, a.Activity.Title.En, a.Activity.Title.Lo), a.Activity.StartsOn, a.Activity.StartsOnPrecision, a.Activity.IsIllustrative))
                    .ToList(),
                Cited = db.Citations.Any(n => n.RecordType == Concord.Features.Sources.CitedRecord.Commitment && n.RecordId == x.Id)
                    || x.Reports.Any(r => db.Citations.Any(n => n.RecordType == Concord.Features.Sources.CitedRecord.Report && n.RecordId == r.Id)),
            })
            .SingleOrDefault()));

    // Two statements for most clauses: the clause with its leads, activities and the clauses next to it in the
    // carry-over chain; its reports. A third reads the citations of the clause and its reports when there are any; a
    // longer chain costs one more statement per further step.
    // Tried: the reports as a bounded collection of the first query. EF bounds them with ROW_NUMBER() over the whole
    // table (SQLite refuses it outright, wanting APPLY), which at 5,000,000 reports made each answer take seconds; the
    // parts joined here are unbounded collections, each read by its index on this clause's id.
    public static async Task<CommitmentDetails?> LoadAsync(ConcordDb db, int id, DateOnly today, CancellationToken ct)
    {
        var c = await LoadClause.For(db)(db, id, ct);
        if (c is null) return null;

        var from = new List<ClauseRef>();
        var seen = new HashSet<int> { id };
        if (c.From is { } first && seen.Add(first.Clause.Id)) from.Add(first.Clause);
        for (var previous = c.From?.CarriedOverFromId; previous is { } p && seen.Add(p) && from.Count < MaxChain;)
        {
            var step = await db.Commitments.AsNoTracking().Where(x => x.Id == p)
                .Select(x => new { Clause = new ClauseRef(x.Id, x.Number, x.InstrumentId, new LocalizedText(x.Instrument.Title.Vi, x.Instrument.Title.En, x.Instrument.Title.Lo), x.PeriodStart, x.PeriodEnd, x.Status, from.Count + 1), x.CarriedOverFromId })
                .SingleOrDefaultAsync(ct);
            if (step is null) break;
            from.Add(step.Clause);
            previous = step.CarriedOverFromId;
        }

        var into = c.Into.Where(n => seen.Add(n.Id)).Take(MaxChain).ToList();
        var frontier = into.Select(n => n.Id).ToList();
        for (var depth = 2; frontier.Count > 0 && into.Count < MaxChain; depth++)
        {
            var level = depth;
            var current = frontier;
            var next = await db.Commitments.AsNoTracking().Where(x => x.CarriedOverFromId != null && current.Contains(x.CarriedOverFromId.Value))
                .OrderBy(x => x.Id)
                .Select(x => new ClauseRef(x.Id, x.Number, x.InstrumentId, new LocalizedText(x.Instrument.Title.Vi, x.Instrument.Title.En, x.Instrument.Title.Lo), x.PeriodStart, x.PeriodEnd, x.Status, level))
                .Take(MaxChain)
                .ToListAsync(ct);
            next = next.Where(n => seen.Add(n.Id)).ToList();
            into.AddRange(next);
            frontier = next.Select(n => n.Id).ToList();
        }

        // A clause's activities are the few that carry it out; the bound only keeps one odd clause from a huge page.
        var activities = c.Activities.Take(500).ToList();

        var reports = await ReportDetails.Query(db.ProgressReports.AsNoTracking().Where(r => r.CommitmentId == id)
                .OrderByDescending(r => r.PeriodStart).ThenByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id)
                .Take(MaxReports))
            .ToListAsync(ct);
        var disagreed = reports.GroupBy(r => r.Period)
            .Where(g => CommitmentRules.SidesDisagree(g.Select(r => r.AsStatus())))
            .Select(g => g.Key)
            .ToList();

        var period = Concord.Shared.Period.Of(c.PeriodStart, c.PeriodEnd);
        // The clause's citations and its reports', in one statement. When none is cited, no ids are asked for, and
        // ForManyAsync sends no statement.
        int[] clauseIds = c.Cited ? [id] : [], reportIds = c.Cited ? [.. reports.Select(r => r.Id)] : [];
        var citations = await Concord.Features.Sources.Citations.ForManyAsync(db,
            [(Concord.Features.Sources.CitedRecord.Commitment, clauseIds), (Concord.Features.Sources.CitedRecord.Report, reportIds)], ct);
        var reportCitations = citations[Concord.Features.Sources.CitedRecord.Report];
        return new CommitmentDetails(c.Id, c.Version, c.InstrumentId, c.InstrumentTitle, c.Meeting, c.Number, c.Sequence, c.Text,
            c.AreaId, c.AreaCode, c.Area, c.PeriodStart, c.PeriodEnd, c.DueOn, c.Status,
            CommitmentRules.IsOverdueOn(today, c.Status, c.DueOn, period), c.Sources, c.IsIllustrative, c.UpdatedAt,
            [.. c.Leads.OrderBy(l => CommitmentList.SideOrder(l.Country)).ThenBy(l => l.OrganisationId)],
            from, into, activities, [.. reports.Select(r => r.WithLinks() with { Citations = reportCitations[r.Id].ToList() })], disagreed, c.Visibility, c.RestrictedTo, c.Original)
        {
            Citations = [.. citations[Concord.Features.Sources.CitedRecord.Commitment][id]],
        };
    }
}

public sealed record ReportDetails(
    int Id, int Version, int CommitmentId, string Country, int? OrganisationId, LocalizedText? Organisation,
    int PeriodStart, int PeriodEnd, DateOnly ReportedOn, CommitmentStatus Status, LocalizedText Narrative,
    int? PeopleCount, int? WomenCount, decimal? ValueAmount, string? ValueCurrency,
    string? EvidenceText, bool IsIllustrative, DateTime UpdatedAt, Visibility Visibility, string? RestrictedTo) : IVersioned
{
    public string Period => Concord.Shared.Period.Text(PeriodStart, PeriodEnd);
    [System.Text.Json.Serialization.JsonIgnore]
    public string? EvidenceText { get; init; } = EvidenceText;
    public IReadOnlyList<string> EvidenceLinks { get; init; } = [];
    // The passages a report rests on, where it was taken from a published source (the demo history's reports).
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];

    public ReportedStatus AsStatus() => new(Country, ReportedOn, Id, Status);

    public ReportDetails WithLinks() => this with { EvidenceLinks = ProgressReportInput.Links(EvidenceText) };

    public static IQueryable<ReportDetails> Query(IQueryable<ProgressReport> reports) =>
        reports.Select(r => new ReportDetails(r.Id, r.Version, r.CommitmentId, r.Country, r.OrganisationId,
            r.Organisation == null ? null : new LocalizedText(r.Organisation.Name.Vi, r.Organisation.Name.En, r.Organisation.Name.Lo), r.PeriodStart, r.PeriodEnd, r.ReportedOn, r.Status, new LocalizedText(r.Narrative.Vi, r.Narrative.En, r.Narrative.Lo),
            r.PeopleCount, r.WomenCount, r.ValueAmount, r.ValueCurrency, r.EvidenceLinks, r.IsIllustrative, r.UpdatedAt, r.Visibility, r.RestrictedTo));

    public static async Task<ReportDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct) =>
        (await Query(db.ProgressReports.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(ct))?.WithLinks();
}
