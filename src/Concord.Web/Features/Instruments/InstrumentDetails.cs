using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Instruments;

public sealed record InstrumentDetails(
    int Id, int Version, string? Key, int KindId, string KindCode, LocalizedText Kind, LocalizedText Title, LocalizedText Summary,
    InstrumentStatus Status, PartialDate? Signed, string? DateNote, PartialDate? InForce, PartialDate? Expires,
    InstrumentDetails.MeetingRef? Meeting, IReadOnlyList<InstrumentDetails.OrganisationRef> Parties,
    IReadOnlyList<InstrumentDetails.PersonRef> Signatories, IReadOnlyList<InstrumentDetails.LinkRef> Links,
    IReadOnlyList<InstrumentDetails.ClauseRow> Commitments, string? Sources, bool IsIllustrative, DateTime UpdatedAt,
    Visibility Visibility, string? RestrictedTo, string Original = Cultures.Default) : IVersioned
{
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];
    public LocalizedText DateInference { get; init; } = new();
    public sealed record MeetingRef(int Id, LocalizedText Title, int? Number);
    public sealed record OrganisationRef(int OrganisationId, LocalizedText Name, string? Country);
    public sealed record PersonRef(int Id, string Name, LocalizedText Position);
    // Outgoing: "this implements X"; incoming: "X implements this".
    public sealed record LinkRef(InstrumentLinkKind Kind, bool Outgoing, int OtherId, LocalizedText OtherTitle);
    public sealed record ClauseRow(int Id, string? Number, LocalizedText Text, LocalizedText Area, CommitmentStatus Status, int? PeriodStart, int? PeriodEnd, bool IsIllustrative);

    public static async Task<InstrumentDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct)
    {
        var i = await db.Instruments.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.Key, x.KindId, KindCode = x.Kind.Code, Kind = x.Kind.Name, x.Title, x.Summary, x.Status, x.DateInference,
                x.SignedOn, x.SignedOnPrecision, x.DateNote, x.InForceFrom, x.InForceFromPrecision, x.ExpiresOn, x.ExpiresOnPrecision,
                Meeting = x.Meeting == null ? null : new MeetingRef(x.Meeting.Id, x.Meeting.Title, x.Meeting.Number),
                x.Sources, x.IsIllustrative, x.UpdatedAt, x.Visibility, x.RestrictedTo, Original = x.Translation.Original,
            })
            .SingleOrDefaultAsync(ct);
        if (i is null) return null;

        var parties = await db.InstrumentParties.AsNoTracking().Where(p => p.InstrumentId == id)
            .Select(p => new OrganisationRef(p.OrganisationId, p.Organisation.Name, p.Organisation.Country)).ToListAsync(ct);
        var signatories = await db.InstrumentSignatories.AsNoTracking().Where(s => s.InstrumentId == id)
            .Select(s => new PersonRef(s.PersonId, s.Person.Name, s.Person.Position)).ToListAsync(ct);
        var outgoing = await db.InstrumentLinks.AsNoTracking().Where(l => l.FromId == id)
            .Select(l => new LinkRef(l.Kind, true, l.ToId, l.To.Title)).ToListAsync(ct);
        var incoming = await db.InstrumentLinks.AsNoTracking().Where(l => l.ToId == id)
            .Select(l => new LinkRef(l.Kind, false, l.FromId, l.From.Title)).ToListAsync(ct);
        // An instrument's clauses are bounded (minutes run to tens of clauses), so the page shows them all.
        var clauses = await db.Commitments.AsNoTracking().Where(c => c.InstrumentId == id)
            .OrderBy(c => c.Sequence).ThenBy(c => c.Id)
            .Select(c => new ClauseRow(c.Id, c.Number, c.Text, c.Area.Name, c.Status, c.PeriodStart, c.PeriodEnd, c.IsIllustrative))
            .Take(1000)
            .ToListAsync(ct);

        return new InstrumentDetails(i.Id, i.Version, i.Key, i.KindId, i.KindCode, i.Kind, i.Title, i.Summary, i.Status,
            PartialDate.From(i.SignedOn, i.SignedOnPrecision), i.DateNote,
            PartialDate.From(i.InForceFrom, i.InForceFromPrecision), PartialDate.From(i.ExpiresOn, i.ExpiresOnPrecision),
            i.Meeting, parties, signatories, [.. outgoing, .. incoming], clauses, i.Sources, i.IsIllustrative, i.UpdatedAt, i.Visibility, i.RestrictedTo, i.Original)
        {
            Citations = await Concord.Features.Sources.Citations.ForAsync(db, Concord.Features.Sources.CitedRecord.Instrument, id, ct),
            DateInference = i.DateInference,
        };
    }
}
