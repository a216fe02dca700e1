using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// What a round covers and what it has collected, as queries the database answers: the covered commitments
// are found from the round's criteria each time (never copied), counts are made by COUNT and GROUP BY,
// lists are keyset-paged. Every query goes through the visibility filter of whoever reads.
//
// A side owes a report on a covered commitment when it has a lead on it; the report is "received" when a
// progress report of that side exists for the round's period. Not received: "missing" until the due date,
// "late" after it.
public static class RoundQueries
{
    public sealed record SideCount(string Side, int Owed, int Reported)
    {
        public int Outstanding => Owed - Reported;
    }

    public sealed record DepartmentCount(int OrganisationId, LocalizedText Name, string? Abbreviation, string Side, int Owed, int Reported)
    {
        public int Outstanding => Owed - Reported;
    }

    public sealed record WorkRow(int Id, string? Number, LocalizedText Text, string Side, bool Reported, int? ReportId);

    // The commitments the round asks about: those its criteria name, whose plan period meets the round's
    // period, that still exist as work (not dropped, not carried into a later plan; done work still gives its
    // final report).
    // `all`: every commitment, whoever reads (closing a round records what it received, not what the closer sees).
    public static IQueryable<Commitment> Covered(ConcordDb db, Round round, bool all = false)
    {
        var (start, end) = (round.PeriodStart, round.PeriodEnd);
        var q = (all ? db.Commitments.IgnoreQueryFilters() : db.Commitments).AsNoTracking()
            .Where(c => c.Status != CommitmentStatus.Dropped && c.Status != CommitmentStatus.CarriedOver)
            .Where(c => c.PeriodStart != null && c.PeriodStart <= end && c.PeriodEnd >= start);
        if (round.InstrumentId is { } instrument) q = q.Where(c => c.InstrumentId == instrument);
        if (round.MeetingId is { } meeting) q = q.Where(c => c.Instrument.MeetingId == meeting);
        if (round.AreaId is { } area) q = q.Where(c => c.AreaId == area);
        if (round.LeadOrganisationId is { } lead) q = q.Where(c => c.Leads.Any(l => l.OrganisationId == lead));
        return q;
    }

    // Covered commitments this side owes a report on; `units` narrows them to those a department (and the
    // units under it, the bodies it succeeded) leads.
    public static IQueryable<Commitment> Owed(ConcordDb db, Round round, string side, IReadOnlyCollection<int>? units = null, bool all = false)
    {
        var covered = Covered(db, round, all);
        return units is null
            ? covered.Where(c => c.Leads.Any(l => l.Country == side))
            : covered.Where(c => c.Leads.Any(l => l.Country == side && units.Contains(l.OrganisationId)));
    }

    public static IQueryable<Commitment> Received(ConcordDb db, Round round, IQueryable<Commitment> owed, string side)
    {
        var (start, end) = (round.PeriodStart, round.PeriodEnd);
        return owed.Where(c => db.ProgressReports.Any(r => r.CommitmentId == c.Id && r.Country == side && r.PeriodStart == start && r.PeriodEnd == end));
    }

    public static IQueryable<Commitment> Outstanding(ConcordDb db, Round round, IQueryable<Commitment> owed, string side)
    {
        var (start, end) = (round.PeriodStart, round.PeriodEnd);
        return owed.Where(c => !db.ProgressReports.Any(r => r.CommitmentId == c.Id && r.Country == side && r.PeriodStart == start && r.PeriodEnd == end));
    }

    public static bool IsLate(Round round, DateOnly today) => today > round.DueOn;

    public static async Task<List<SideCount>> BySideAsync(ConcordDb db, Round round, CancellationToken ct)
    {
        var result = new List<SideCount>();
        foreach (var side in round.Sides)
        {
            var owed = Owed(db, round, side);
            result.Add(new SideCount(side, await owed.CountAsync(ct), await Received(db, round, owed, side).CountAsync(ct)));
        }
        return result;
    }

    // Per lead department and side: two grouped counts (owed, received), then the departments' names.
    public static async Task<List<DepartmentCount>> ByDepartmentAsync(ConcordDb db, Round round, CancellationToken ct)
    {
        var covered = Covered(db, round);
        var sides = round.Sides.ToList();
        var (start, end) = (round.PeriodStart, round.PeriodEnd);
        var leads = db.CommitmentLeads.AsNoTracking().Where(l => sides.Contains(l.Country) && covered.Any(c => c.Id == l.CommitmentId));
        var owed = await leads.GroupBy(l => new { l.OrganisationId, l.Country })
            .Select(g => new { g.Key.OrganisationId, g.Key.Country, Count = g.Count() }).ToListAsync(ct);
        var received = await leads
            .Where(l => db.ProgressReports.Any(r => r.CommitmentId == l.CommitmentId && r.Country == l.Country && r.PeriodStart == start && r.PeriodEnd == end))
            .GroupBy(l => new { l.OrganisationId, l.Country })
            .Select(g => new { g.Key.OrganisationId, g.Key.Country, Count = g.Count() }).ToListAsync(ct);
        var ids = owed.Select(o => o.OrganisationId).ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.Abbreviation }).ToDictionaryAsync(o => o.Id, ct);
        var order = Collation.Comparer(Cultures.Language);
        return owed.Select(o => new DepartmentCount(o.OrganisationId, names.GetValueOrDefault(o.OrganisationId)?.Name ?? new LocalizedText(), names.GetValueOrDefault(o.OrganisationId)?.Abbreviation,
                o.Country, o.Count, received.FirstOrDefault(r => r.OrganisationId == o.OrganisationId && r.Country == o.Country)?.Count ?? 0))
            .OrderBy(d => sides.IndexOf(d.Side)).ThenByDescending(d => d.Outstanding).ThenBy(d => d.Name.Best(Cultures.Language).Text, order)
            .ToList();
    }

    // A page of the side's covered commitments (only those not received, only those received, or all), by id.
    public static async Task<Page<WorkRow>> ListAsync(ConcordDb db, Round round, string side, IReadOnlyCollection<int>? units, bool? reported,
        int? department, string? after, int size, CancellationToken ct)
    {
        var owed = Owed(db, round, side, units);
        if (department is { } d) owed = owed.Where(c => c.Leads.Any(l => l.OrganisationId == d && l.Country == side));
        if (reported == true) owed = Received(db, round, owed, side);
        if (reported == false) owed = Outstanding(db, round, owed, side);
        if (Cursor.TryDecode(after, out _, out var afterId)) owed = owed.Where(c => c.Id > afterId);
        var (start, end) = (round.PeriodStart, round.PeriodEnd);
        var rows = await owed.OrderBy(c => c.Id).Take(size + 1)
            .Select(c => new
            {
                c.Id, c.Number, c.Text.Vi, c.Text.En, c.Text.Lo,
                ReportId = db.ProgressReports.Where(r => r.CommitmentId == c.Id && r.Country == side && r.PeriodStart == start && r.PeriodEnd == end)
                    .OrderByDescending(r => r.ReportedOn).ThenByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Take(size).Select(r => new WorkRow(r.Id, r.Number, new LocalizedText(r.Vi, r.En, r.Lo), side, r.ReportId is not null, r.ReportId)).ToList();
        return new Page<WorkRow>(items, rows.Count > size ? Cursor.Encode("", items[^1].Id) : null);
    }
}
