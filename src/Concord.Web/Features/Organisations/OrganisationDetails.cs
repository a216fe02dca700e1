using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Instruments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// One organisation and its record, for its page and GET /api/organisations/{id}. The record
// counts the organisation's own work, its departments' and that of the bodies it succeeded
// (OrganisationScope); each item says which of them it belongs to (Via), so the Ministry of
// Home Affairs' page shows MOLISA's agreements labelled as MOLISA's.
public sealed record OrganisationDetails(
    int Id, int Version, string? Key, int KindId, string KindCode, LocalizedText Kind, string? Country,
    LocalizedText Name, string? Abbreviation, string? Note,
    IReadOnlyList<OrganisationDetails.OrganisationRef> Ancestors, IReadOnlyList<OrganisationDetails.OrganisationRef> Children,
    OrganisationDetails.OrganisationRef? Successor, PartialDate? SucceededOn,
    IReadOnlyList<OrganisationDetails.PredecessorRef> Predecessors,
    IReadOnlyList<OrganisationDetails.PersonRef> People,
    IReadOnlyList<OrganisationDetails.OrganisationRef> Scope,
    OrganisationDetails.Section<OrganisationDetails.InstrumentItem> Instruments,
    OrganisationDetails.Section<OrganisationDetails.MeetingItem> Meetings,
    OrganisationDetails.CommitmentSummary Commitments,
    OrganisationDetails.Section<OrganisationDetails.ActivityItem> Activities,
    bool IsIllustrative, DateTime UpdatedAt) : IVersioned
{
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];
    public LocalizedText SucceededOnInference { get; init; } = new();
    // The sources each person on the page is known from, by person id.
    public IReadOnlyDictionary<int, IReadOnlyList<Concord.Features.Sources.CitationRow>> PeopleCitations { get; init; } = new Dictionary<int, IReadOnlyList<Concord.Features.Sources.CitationRow>>();
    public sealed record OrganisationRef(int Id, LocalizedText Name, string? Abbreviation, string? Country);
    public sealed record PredecessorRef(int Id, LocalizedText Name, string? Abbreviation, PartialDate? SucceededOn);
    public sealed record PersonRef(int Id, string Name, LocalizedText Position);
    public sealed record Section<T>(int Total, IReadOnlyList<T> Latest);
    public sealed record InstrumentItem(int Id, LocalizedText Kind, LocalizedText Title, InstrumentStatus Status, PartialDate? Signed, string? DateNote, IReadOnlyList<int> Via);
    public sealed record MeetingItem(int Id, LocalizedText Kind, int? Number, LocalizedText Title, PartialDate? Starts, DateOnly? EndsOn, string? DateNote, IReadOnlyList<int> Via);
    public sealed record ActivityItem(int Id, LocalizedText Kind, LocalizedText Title, PartialDate? Starts, string? DateNote, IReadOnlyList<ActivityPart> Via);
    public sealed record ActivityPart(int OrganisationId, ActivityRole Role);
    public sealed record LeadCount(int OrganisationId, int Commitments);
    public sealed record CommitmentSummary(int Total, IReadOnlyList<LeadCount> ByOrganisation);

    // The page shows the latest few of each kind of record and links to the full, filtered list.
    public const int Latest = 15;

    public static async Task<OrganisationDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct)
    {
        var o = await db.Organisations.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.Key, x.KindId, KindCode = x.Kind.Code, Kind = x.Kind.Name, x.Country, x.Name, x.Abbreviation, x.Note, x.SucceededOnInference,
                x.ParentId, x.SuccessorId, x.SucceededOn, x.SucceededOnPrecision, x.IsIllustrative, x.UpdatedAt,
            })
            .SingleOrDefaultAsync(ct);
        if (o is null) return null;

        // Up the hierarchy: a department's ministry, and that ministry's country if recorded.
        var ancestors = new List<OrganisationRef>();
        var up = o.ParentId;
        while (up is { } parentId && ancestors.Count < 8 && ancestors.All(a => a.Id != parentId) && parentId != id)
        {
            var parent = await db.Organisations.AsNoTracking().Where(x => x.Id == parentId)
                .Select(x => new { Ref = new OrganisationRef(x.Id, x.Name, x.Abbreviation, x.Country), x.ParentId }).SingleOrDefaultAsync(ct);
            if (parent is null) break;
            ancestors.Insert(0, parent.Ref);
            up = parent.ParentId;
        }
        var children = await db.Organisations.AsNoTracking().Where(x => x.ParentId == id)
            .OrderBy(db.SortName<Organisation>(x => x.Name)).ThenBy(x => x.Id).Take(500)
            .Select(x => new OrganisationRef(x.Id, x.Name, x.Abbreviation, x.Country)).ToListAsync(ct);
        var successor = o.SuccessorId is { } successorId
            ? await db.Organisations.AsNoTracking().Where(x => x.Id == successorId)
                .Select(x => new OrganisationRef(x.Id, x.Name, x.Abbreviation, x.Country)).SingleOrDefaultAsync(ct)
            : null;
        var predecessors = (await db.Organisations.AsNoTracking().Where(x => x.SuccessorId == id)
            .OrderBy(x => x.SucceededOn).ThenBy(x => x.Id)
            .Select(x => new { x.Id, x.Name, x.Abbreviation, x.SucceededOn, x.SucceededOnPrecision }).ToListAsync(ct))
            .Select(x => new PredecessorRef(x.Id, x.Name, x.Abbreviation, PartialDate.From(x.SucceededOn, x.SucceededOnPrecision)))
            .ToList();
        var people = await db.People.AsNoTracking().Where(p => p.OrganisationId == id)
            .OrderBy(db.SortName<Person>(p => p.Name)).ThenBy(p => p.Id).Take(200)
            .Select(p => new PersonRef(p.Id, p.Name, p.Position)).ToListAsync(ct);

        var scopeIds = await OrganisationScope.ExpandAsync(db, id, ct);
        var scope = await db.Organisations.AsNoTracking().Where(x => scopeIds.Contains(x.Id))
            .OrderBy(x => x.Id)
            .Select(x => new OrganisationRef(x.Id, x.Name, x.Abbreviation, x.Country)).ToListAsync(ct);

        var instrumentQuery = db.Instruments.AsNoTracking().Where(i => i.Parties.Any(p => scopeIds.Contains(p.OrganisationId)));
        var instruments = new Section<InstrumentItem>(
            await instrumentQuery.CountAsync(ct),
            (await instrumentQuery
                .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id)
                .Take(Latest)
                .Select(i => new
                {
                    i.Id, Kind = i.Kind.Name, i.Title, i.Status, i.SignedOn, i.SignedOnPrecision, i.DateNote,
                    Via = i.Parties.Where(p => scopeIds.Contains(p.OrganisationId)).Select(p => p.OrganisationId).ToList(),
                })
                .ToListAsync(ct))
                .Select(i => new InstrumentItem(i.Id, i.Kind, i.Title, i.Status, PartialDate.From(i.SignedOn, i.SignedOnPrecision), i.DateNote, i.Via))
                .ToList());

        var meetingQuery = db.Meetings.AsNoTracking().Where(m => m.Participants.Any(p => scopeIds.Contains(p.OrganisationId))
            || m.Chairs.Any(c => c.Person.OrganisationId != null && scopeIds.Contains(c.Person.OrganisationId.Value)));
        var meetings = new Section<MeetingItem>(
            await meetingQuery.CountAsync(ct),
            (await meetingQuery
                .OrderBy(m => m.StartsOn == null).ThenByDescending(m => m.StartsOn).ThenByDescending(m => m.Id)
                .Take(Latest)
                .Select(m => new
                {
                    m.Id, Kind = m.Kind.Name, m.Number, m.Title, m.StartsOn, m.StartsOnPrecision, m.EndsOn, m.DateNote,
                    Participants = m.Participants.Where(p => scopeIds.Contains(p.OrganisationId)).Select(p => p.OrganisationId).ToList(),
                    Chairs = m.Chairs.Where(c => c.Person.OrganisationId != null && scopeIds.Contains(c.Person.OrganisationId.Value))
                        .Select(c => c.Person.OrganisationId!.Value).ToList(),
                })
                .ToListAsync(ct))
                .Select(m => new MeetingItem(m.Id, m.Kind, m.Number, m.Title, PartialDate.From(m.StartsOn, m.StartsOnPrecision), m.EndsOn, m.DateNote,
                    m.Participants.Concat(m.Chairs).Distinct().ToList()))
                .ToList());

        // Leads are not restricted themselves: only those of commitments the reader may see are counted.
        var visibleLeads = db.CommitmentLeads.AsNoTracking().Where(l => scopeIds.Contains(l.OrganisationId) && db.Commitments.Any(c => c.Id == l.CommitmentId));
        var byLead = await visibleLeads
            .GroupBy(l => l.OrganisationId)
            .Select(g => new LeadCount(g.Key, g.Count()))
            .ToListAsync(ct);
        var commitments = new CommitmentSummary(
            // A clause led by two departments of the same ministry counts once.
            byLead.Count == 0 ? 0 : await visibleLeads.Select(l => l.CommitmentId).Distinct().CountAsync(ct),
            [.. byLead.OrderByDescending(l => l.OrganisationId == id).ThenByDescending(l => l.Commitments)]);

        var activityQuery = db.Activities.AsNoTracking().Where(a => a.Organisations.Any(x => scopeIds.Contains(x.OrganisationId)));
        var activities = new Section<ActivityItem>(
            await activityQuery.CountAsync(ct),
            (await activityQuery
                .OrderBy(a => a.StartsOn == null).ThenByDescending(a => a.StartsOn).ThenByDescending(a => a.Id)
                .Take(Latest)
                .Select(a => new
                {
                    a.Id, Kind = a.Kind.Name, a.Title, a.StartsOn, a.StartsOnPrecision, a.DateNote,
                    Via = a.Organisations.Where(x => scopeIds.Contains(x.OrganisationId)).Select(x => new ActivityPart(x.OrganisationId, x.Role)).ToList(),
                })
                .ToListAsync(ct))
                .Select(a => new ActivityItem(a.Id, a.Kind, a.Title, PartialDate.From(a.StartsOn, a.StartsOnPrecision), a.DateNote, a.Via))
                .ToList());

        return new OrganisationDetails(o.Id, o.Version, o.Key, o.KindId, o.KindCode, o.Kind, o.Country, o.Name, o.Abbreviation, o.Note,
            ancestors, children, successor, PartialDate.From(o.SucceededOn, o.SucceededOnPrecision), predecessors, people, scope,
            instruments, meetings, commitments, activities, o.IsIllustrative, o.UpdatedAt)
        {
            Citations = await Concord.Features.Sources.Citations.ForAsync(db, Concord.Features.Sources.CitedRecord.Organisation, id, ct),
            PeopleCitations = (await Concord.Features.Sources.Citations.ForManyAsync(db, Concord.Features.Sources.CitedRecord.Person, [.. people.Select(p => p.Id)], ct))
                .ToDictionary(g => g.Key, g => (IReadOnlyList<Concord.Features.Sources.CitationRow>)g.ToList()),
            SucceededOnInference = o.SucceededOnInference,
        };
    }
}
