using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Meetings;

// Everything about one meeting, for its page and GET /api/meetings/{id}: what it was, who chaired
// and took part, what it prepared and what prepared it, what was signed there and the clauses of
// those instruments, and the activities held during it.
public sealed record MeetingDetails(
    int Id, int Version, string? Key, int KindId, string KindCode, LocalizedText Kind, int? Number, LocalizedText Title,
    PartialDate? Starts, DateOnly? EndsOn, string? DateNote, string? Place, bool IsOnline,
    LocalizedText Agenda, LocalizedText Summary,
    MeetingDetails.MeetingRef? Prepares, IReadOnlyList<MeetingDetails.MeetingRef> PreparedBy,
    IReadOnlyList<MeetingDetails.PersonRef> Chairs, IReadOnlyList<MeetingDetails.OrganisationRef> Participants,
    IReadOnlyList<MeetingDetails.InstrumentRef> Instruments, IReadOnlyList<MeetingDetails.ClauseRow> Commitments,
    IReadOnlyList<MeetingDetails.ActivityRef> Activities,
    string? Sources, bool IsIllustrative, DateTime UpdatedAt, Visibility Visibility, string? RestrictedTo, string Original = Cultures.Default) : IVersioned
{
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];
    public LocalizedText DateInference { get; init; } = new();
    public sealed record MeetingRef(int Id, LocalizedText Kind, int? Number, LocalizedText Title, PartialDate? Starts, string? DateNote);
    public sealed record PersonRef(int Id, string Name, LocalizedText Position, int? OrganisationId, LocalizedText? Organisation, string? OrganisationAbbreviation);
    public sealed record OrganisationRef(int Id, LocalizedText Name, string? Abbreviation, string? Country);
    public sealed record InstrumentRef(int Id, LocalizedText Kind, LocalizedText Title, InstrumentStatus Status, PartialDate? Signed, string? DateNote);
    public sealed record LeadRef(int OrganisationId, LocalizedText Name, string? Abbreviation, string Country);
    public sealed record ClauseRow(int Id, int InstrumentId, string? Number, LocalizedText Text, LocalizedText Area, CommitmentStatus Status,
        int? PeriodStart, int? PeriodEnd, IReadOnlyList<LeadRef> Leads, bool IsIllustrative);
    public sealed record ActivityRef(int Id, LocalizedText Kind, LocalizedText Title, PartialDate? Starts, string? DateNote);

    // The minutes of a conference run to tens of clauses; the cap only guards the page against
    // an instrument imported with thousands, whose full list is on the commitments page.
    public const int ClauseCap = 1000;

    public static async Task<MeetingDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.Key, x.KindId, KindCode = x.Kind.Code, Kind = x.Kind.Name, x.Number, x.Title, x.DateInference,
                x.StartsOn, x.StartsOnPrecision, x.EndsOn, x.DateNote, x.Place, x.IsOnline, x.Agenda, x.Summary,
                Prepares = x.Prepares == null ? null : new
                {
                    x.Prepares.Id, Kind = x.Prepares.Kind.Name, x.Prepares.Number, x.Prepares.Title,
                    x.Prepares.StartsOn, x.Prepares.StartsOnPrecision, x.Prepares.DateNote,
                },
                x.Sources, x.IsIllustrative, x.UpdatedAt, x.Visibility, x.RestrictedTo, Original = x.Translation.Original,
            })
            .SingleOrDefaultAsync(ct);
        if (m is null) return null;

        var preparedBy = (await db.Meetings.AsNoTracking().Where(x => x.PreparesId == id)
            .OrderBy(x => x.StartsOn).ThenBy(x => x.Id)
            .Select(x => new { x.Id, Kind = x.Kind.Name, x.Number, x.Title, x.StartsOn, x.StartsOnPrecision, x.DateNote })
            .ToListAsync(ct))
            .Select(x => new MeetingRef(x.Id, x.Kind, x.Number, x.Title, PartialDate.From(x.StartsOn, x.StartsOnPrecision), x.DateNote))
            .ToList();
        var chairs = await db.MeetingChairs.AsNoTracking().Where(c => c.MeetingId == id)
            .OrderBy(db.SortName<MeetingChair>(c => c.Person.Name)).ThenBy(c => c.PersonId)
            .Select(c => new PersonRef(c.PersonId, c.Person.Name, c.Person.Position, c.Person.OrganisationId,
                c.Person.Organisation == null ? null : c.Person.Organisation.Name,
                c.Person.Organisation == null ? null : c.Person.Organisation.Abbreviation))
            .ToListAsync(ct);
        var participants = await db.MeetingParticipants.AsNoTracking().Where(p => p.MeetingId == id)
            .OrderBy(p => p.Organisation.Country).ThenBy(db.SortName<MeetingParticipant>(p => p.Organisation.Name)).ThenBy(p => p.OrganisationId)
            .Select(p => new OrganisationRef(p.OrganisationId, p.Organisation.Name, p.Organisation.Abbreviation, p.Organisation.Country))
            .ToListAsync(ct);
        var instruments = (await db.Instruments.AsNoTracking().Where(i => i.MeetingId == id)
            .OrderBy(i => i.SignedOn).ThenBy(i => i.Id)
            .Select(i => new { i.Id, Kind = i.Kind.Name, i.Title, i.Status, i.SignedOn, i.SignedOnPrecision, i.DateNote })
            .ToListAsync(ct))
            .Select(i => new InstrumentRef(i.Id, i.Kind, i.Title, i.Status, PartialDate.From(i.SignedOn, i.SignedOnPrecision), i.DateNote))
            .ToList();

        var clauses = await db.Commitments.AsNoTracking().Where(c => c.Instrument.MeetingId == id)
            .OrderBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id)
            .Take(ClauseCap)
            .Select(c => new { c.Id, c.InstrumentId, c.Number, c.Text, Area = c.Area.Name, c.Status, c.PeriodStart, c.PeriodEnd, c.IsIllustrative })
            .ToListAsync(ct);
        // The lead departments of all those clauses in one query, not one per clause.
        var leads = clauses.Count == 0 ? [] : await db.CommitmentLeads.AsNoTracking()
            .Where(l => l.Commitment.Instrument.MeetingId == id)
            .OrderBy(l => l.Country).ThenBy(l => l.OrganisationId)
            .Select(l => new { l.CommitmentId, Lead = new LeadRef(l.OrganisationId, l.Organisation.Name, l.Organisation.Abbreviation, l.Country) })
            .ToListAsync(ct);
        var leadsByClause = leads.ToLookup(l => l.CommitmentId, l => l.Lead);
        var commitments = clauses
            .Select(c => new ClauseRow(c.Id, c.InstrumentId, c.Number, c.Text, c.Area, c.Status, c.PeriodStart, c.PeriodEnd, [.. leadsByClause[c.Id]], c.IsIllustrative))
            .ToList();

        var activities = (await db.Activities.AsNoTracking().Where(a => a.MeetingId == id)
            .OrderBy(a => a.StartsOn).ThenBy(a => a.Id)
            .Take(500)
            .Select(a => new { a.Id, Kind = a.Kind.Name, a.Title, a.StartsOn, a.StartsOnPrecision, a.DateNote })
            .ToListAsync(ct))
            .Select(a => new ActivityRef(a.Id, a.Kind, a.Title, PartialDate.From(a.StartsOn, a.StartsOnPrecision), a.DateNote))
            .ToList();

        var prepares = m.Prepares is { } p
            ? new MeetingRef(p.Id, p.Kind, p.Number, p.Title, PartialDate.From(p.StartsOn, p.StartsOnPrecision), p.DateNote)
            : null;
        return new MeetingDetails(m.Id, m.Version, m.Key, m.KindId, m.KindCode, m.Kind, m.Number, m.Title,
            PartialDate.From(m.StartsOn, m.StartsOnPrecision), m.EndsOn, m.DateNote, m.Place, m.IsOnline, m.Agenda, m.Summary,
            prepares, preparedBy, chairs, participants, instruments, commitments, activities, m.Sources, m.IsIllustrative, m.UpdatedAt, m.Visibility, m.RestrictedTo, m.Original)
        {
            Citations = await Concord.Features.Sources.Citations.ForAsync(db, Concord.Features.Sources.CitedRecord.Meeting, id, ct),
            DateInference = m.DateInference,
        };
    }
}
