using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Bilingual;

// What a bilingual view reads: instruments with the facts of their header, meetings, and the clauses of
// one instrument or of every instrument a meeting adopted. Every text is kept in all its languages; the
// page picks two. The query filter leaves out what the reader may not see (a clause restricted to the
// other side is simply not there).
public static class BilingualDocument
{
    // A document to print holds every clause, but a page of 100,000 rows helps nobody: minutes run to
    // tens of clauses, a long plan to hundreds.
    public const int ClauseCap = 2000;

    public sealed record MeetingRef(LocalizedText Kind, int? Number, LocalizedText Title, string? Place, TranslationState? Translation = null);
    public sealed record InstrumentHead(int Id, LocalizedText Kind, LocalizedText Title, LocalizedText Summary, InstrumentStatus Status,
        PartialDate? Signed, string? DateNote, MeetingRef? Meeting, IReadOnlyList<LocalizedText> Parties, TranslationState Translation);
    public sealed record MeetingHead(int Id, LocalizedText Kind, int? Number, LocalizedText Title, PartialDate? Starts, DateOnly? EndsOn,
        string? DateNote, string? Place, bool IsOnline, LocalizedText Agenda, LocalizedText Summary, TranslationState Translation);
    public sealed record Clause(int Id, int InstrumentId, string? Number, LocalizedText Text, LocalizedText Area, int? PeriodStart, int? PeriodEnd,
        IReadOnlyList<LocalizedText> Leads, TranslationState Translation);
    public sealed record Clauses(IReadOnlyList<Clause> Rows, bool Capped);

    public static async Task<List<InstrumentHead>> InstrumentsAsync(IQueryable<Instrument> which, CancellationToken ct) =>
        (await which.AsNoTracking()
            .OrderBy(i => i.SignedOn).ThenBy(i => i.Id)
            .Select(i => new
            {
                i.Id, Kind = i.Kind.Name, i.Title, i.Summary, i.Status, i.SignedOn, i.SignedOnPrecision, i.DateNote,
                Meeting = i.Meeting == null ? null : new MeetingRef(i.Meeting.Kind.Name, i.Meeting.Number, i.Meeting.Title, i.Meeting.Place),
                Parties = i.Parties.OrderBy(p => p.OrganisationId).Select(p => p.Organisation.Name).ToList(),
                i.Translation,
            })
            .ToListAsync(ct))
        .Select(i => new InstrumentHead(i.Id, i.Kind, i.Title, i.Summary, i.Status, PartialDate.From(i.SignedOn, i.SignedOnPrecision),
            i.DateNote, i.Meeting, i.Parties, i.Translation))
        .ToList();

    public static async Task<MeetingHead?> MeetingAsync(ConcordDb db, int id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, Kind = x.Kind.Name, x.Number, x.Title, x.StartsOn, x.StartsOnPrecision, x.EndsOn, x.DateNote, x.Place, x.IsOnline,
                x.Agenda, x.Summary, x.Translation,
            })
            .SingleOrDefaultAsync(ct);
        return m is null ? null : new MeetingHead(m.Id, m.Kind, m.Number, m.Title, PartialDate.From(m.StartsOn, m.StartsOnPrecision), m.EndsOn,
            m.DateNote, m.Place, m.IsOnline, m.Agenda, m.Summary, m.Translation);
    }

    // One query for the clauses and their lead departments together (a join, not a query per clause),
    // in the order the instruments and their clauses stand in.
    public static async Task<Clauses> ClausesAsync(IQueryable<Commitment> which, CancellationToken ct)
    {
        var rows = await which.AsNoTracking()
            .OrderBy(c => c.Instrument.SignedOn).ThenBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id)
            .Take(ClauseCap + 1)
            .Select(c => new Clause(c.Id, c.InstrumentId, c.Number, c.Text, c.Area.Name, c.PeriodStart, c.PeriodEnd,
                c.Leads.OrderBy(l => l.Country).ThenBy(l => l.OrganisationId)
                    .Select(l => l.Organisation.Name).ToList(),
                c.Translation))
            .ToListAsync(ct);
        return rows.Count > ClauseCap ? new Clauses(rows[..ClauseCap], true) : new Clauses(rows, false);
    }
}
