using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Documents;

// What an implementation report says, read once through the viewer's eyes (ConcordDb's visibility filter):
// the clauses of a meeting's instruments or of one instrument, each with its lead departments on each side,
// each side's latest report in the period, its status, and where it was carried over to; then the counts.
public sealed class ImplementationReport
{
    public sealed record Lead(string Country, LocalizedText Name, string? Abbreviation);
    public sealed record SideReport(string Country, DateOnly ReportedOn, CommitmentStatus Status, LocalizedText Narrative, int PeriodStart, int PeriodEnd);
    public sealed record CarriedTo(int Id, string? Number, LocalizedText Instrument);
    public sealed record Item(int Id, string? Number, LocalizedText Text, int AreaId, LocalizedText Area, CommitmentStatus Status,
        DateOnly? DueOn, int? PeriodStart, int? PeriodEnd, IReadOnlyList<Lead> Leads, IReadOnlyList<SideReport> Reports, IReadOnlyList<CarriedTo> CarriedTo)
    {
        public SideReport? LatestOf(string country) => Reports.FirstOrDefault(r => r.Country == country);
        public IEnumerable<Lead> LeadsOf(string country) => Leads.Where(l => l.Country == country);
    }
    public sealed record Area(int Id, LocalizedText Name, IReadOnlyList<Item> Items);
    public sealed record SideCount(string Country, int Leads, int Reported, int NotReported);
    // One criterion of a filtered list as the document names it: its label's key, and the value as a
    // record's name, a string key (a status, a side) or plain text (a period).
    public sealed record Criterion(string LabelKey, LocalizedText? Name = null, string? ValueKey = null, string? Plain = null);
    public sealed record AreaCount(LocalizedText Area, int Total, IReadOnlyDictionary<CommitmentStatus, int> ByStatus);

    // The subject: a meeting (its kind and number, or its title) or an instrument's title.
    public required LocalizedText MeetingKind { get; init; }
    public int? MeetingNumber { get; init; }
    public required LocalizedText Title { get; init; }
    public Period? Period { get; init; }
    // Set for the report of a filtered commitments list (empty: the whole list).
    public IReadOnlyList<Criterion>? Criteria { get; init; }
    public required IReadOnlyList<Area> Areas { get; init; }

    public IEnumerable<Item> Items => Areas.SelectMany(a => a.Items);
    public int Total => Areas.Sum(a => a.Items.Count);

    public IReadOnlyDictionary<CommitmentStatus, int> ByStatus =>
        Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => Items.Count(i => i.Status == s));

    public IReadOnlyList<AreaCount> ByArea =>
        [.. Areas.Select(a => new AreaCount(a.Name, a.Items.Count,
            Enum.GetValues<CommitmentStatus>().ToDictionary(s => s, s => a.Items.Count(i => i.Status == s))))];

    // Per side: the clauses it leads, and how many of them it reported on in the period.
    public IReadOnlyList<SideCount> BySide =>
        [.. Sides.All.Select(side =>
        {
            var led = Items.Where(i => i.LeadsOf(side).Any()).ToList();
            var reported = led.Count(i => i.LatestOf(side) is not null);
            return new SideCount(side, led.Count, reported, led.Count - reported);
        })];

    public IEnumerable<Item> CarriedOver => Items.Where(i => i.Status == CommitmentStatus.CarriedOver || i.CarriedTo.Count > 0);

    // Null when the meeting or instrument does not exist or the viewer may not see it.
    public static async Task<ImplementationReport?> LoadAsync(ConcordDb db, DocumentRequest request, CancellationToken ct)
    {
        IQueryable<Commitment> scope;
        LocalizedText kind, title;
        int? number = null;
        IReadOnlyList<Criterion>? criteria = null;
        if (request.Filter is { } filter)
        {
            (kind, title) = (new LocalizedText(), new LocalizedText());
            criteria = await DescribeAsync(db, filter, ct);
            if (criteria is null) return null;
            scope = await CommitmentList.FilteredAsync(db, filter, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        }
        else if (request.Meeting is { } meetingId)
        {
            var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
                .Select(m => new { Kind = m.Kind.Name, m.Number, m.Title }).SingleOrDefaultAsync(ct);
            if (meeting is null) return null;
            (kind, number, title) = (meeting.Kind, meeting.Number, meeting.Title);
            scope = db.Commitments.Where(c => c.Instrument.MeetingId == meetingId);
        }
        else if (request.Instrument is { } instrumentId)
        {
            var instrument = await db.Instruments.AsNoTracking().Where(i => i.Id == instrumentId)
                .Select(i => new { Kind = i.Kind.Name, i.Title }).SingleOrDefaultAsync(ct);
            if (instrument is null) return null;
            (kind, title) = (instrument.Kind, instrument.Title);
            scope = db.Commitments.Where(c => c.InstrumentId == instrumentId);
        }
        else return null;

        var rows = await scope.AsNoTracking()
            .OrderBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Number, c.Text, c.AreaId, Area = c.Area.Name, c.Status, c.DueOn, c.PeriodStart, c.PeriodEnd })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();

        // Leads, reports and carry-overs for all clauses at once: three queries, not three per clause.
        var leads = (await db.CommitmentLeads.AsNoTracking().Where(l => scope.Any(c => c.Id == l.CommitmentId))
                .Select(l => new { l.CommitmentId, l.Country, l.OrganisationId, l.Organisation.Name, l.Organisation.Abbreviation })
                .ToListAsync(ct))
            .OrderBy(l => CommitmentList.SideOrder(l.Country)).ThenBy(l => l.OrganisationId)
            .ToLookup(l => l.CommitmentId, l => new Lead(l.Country, l.Name, l.Abbreviation));

        var reports = db.ProgressReports.AsNoTracking().Where(r => scope.Any(c => c.Id == r.CommitmentId));
        Period? period = Concord.Shared.Period.TryParse(request.Period, out var p) ? p : null;
        if (period is { } chosen) reports = reports.Where(r => r.PeriodStart <= chosen.EndYear && r.PeriodEnd >= chosen.StartYear);
        var latest = (await reports
                .Select(r => new { r.Id, r.CommitmentId, r.Country, r.ReportedOn, r.Status, r.Narrative, r.PeriodStart, r.PeriodEnd })
                .ToListAsync(ct))
            .GroupBy(r => (r.CommitmentId, r.Country))
            .Select(g => g.OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).First())
            .OrderBy(r => CommitmentList.SideOrder(r.Country))
            .ToLookup(r => r.CommitmentId, r => new SideReport(r.Country, r.ReportedOn, r.Status, r.Narrative, r.PeriodStart, r.PeriodEnd));

        var carried = (await db.Commitments.AsNoTracking().Where(c => c.CarriedOverFromId != null && scope.Any(s => s.Id == c.CarriedOverFromId))
                .Select(c => new { From = c.CarriedOverFromId!.Value, c.Id, c.Number, c.Instrument.Title })
                .ToListAsync(ct))
            .ToLookup(c => c.From, c => new CarriedTo(c.Id, c.Number, c.Title));

        var items = rows.Select(r => new Item(r.Id, r.Number, r.Text, r.AreaId, r.Area, r.Status, r.DueOn, r.PeriodStart, r.PeriodEnd,
            [.. leads[r.Id]], [.. latest[r.Id]], [.. carried[r.Id]]));
        // Areas in the order their first clause stands in the minutes.
        var areas = items.GroupBy(i => i.AreaId).Select(g => new Area(g.Key, g.First().Area, [.. g])).ToList();
        return new ImplementationReport { MeetingKind = kind, MeetingNumber = number, Title = title, Period = period, Criteria = criteria, Areas = areas };
    }

    // How many commitments a filtered report may hold: a document of the whole list would be thousands of pages.
    public const int MaxFiltered = 5000;

    // The filter's criteria named as the reader sees them; null when it names a record the reader may not see.
    public static async Task<IReadOnlyList<Criterion>?> DescribeAsync(ConcordDb db, CommitmentFilter filter, CancellationToken ct)
    {
        var parts = new List<Criterion>();
        if (filter.Area is { } area)
        {
            var name = await db.Terms.AsNoTracking().Where(t => t.Id == area).Select(t => t.Name).SingleOrDefaultAsync(ct);
            if (name is null) return null;
            parts.Add(new("Commitments.Area", name));
        }
        if (filter.Status is { } status) parts.Add(new("Commitments.Status", ValueKey: $"CommitmentStatus.{status}"));
        if (filter.Side?.Trim().ToUpperInvariant() is { } side && Sides.IsKnown(side)) parts.Add(new("Commitments.LeadSide", ValueKey: $"Documents.Side.{side}"));
        if (Concord.Shared.Period.TryParse(filter.Period, out var period)) parts.Add(new("Commitments.Period", Plain: period.ToString()));
        if (filter.Organisation is { } org)
        {
            var name = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (name is null) return null;
            parts.Add(new("Commitments.LeadOrganisation", name));
        }
        if (filter.Instrument is { } instrument)
        {
            var name = await db.Instruments.AsNoTracking().Where(i => i.Id == instrument).Select(i => i.Title).SingleOrDefaultAsync(ct);
            if (name is null) return null;
            parts.Add(new("Commitments.Instrument", name));
        }
        if (filter.Overdue == true) parts.Add(new("Commitments.OverdueOnly"));
        return parts;
    }
}
