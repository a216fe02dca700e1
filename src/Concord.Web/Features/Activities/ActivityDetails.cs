using System.Text.Json.Serialization;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Activities;

public sealed record ActivityDetails(
    int Id, int Version, int KindId, string KindCode, LocalizedText Kind, LocalizedText Title, LocalizedText Description,
    PartialDate? Starts, PartialDate? Ends, string? DateNote, ActivityDetails.MeetingRef? Meeting,
    IReadOnlyList<ActivityParty> Organisations, int? PeopleTotal, int? PeopleWomen, int? PeopleMen,
    decimal? ValueAmount, string? ValueCurrency, bool ValueIsLowerBound,
    IReadOnlyList<ActivityDetails.CommitmentRef> Commitments, string? Sources, bool IsIllustrative, DateTime UpdatedAt,
    Visibility Visibility, string? RestrictedTo, string Original = Cultures.Default) : IVersioned
{
    public IReadOnlyList<Concord.Features.Sources.CitationRow> Citations { get; init; } = [];
    public LocalizedText DateInference { get; init; } = new();
    public sealed record MeetingRef(int Id, LocalizedText Title, int? Number, [property: JsonIgnore] DateOnly? StartsOn, [property: JsonIgnore] DatePrecision StartsOnPrecision)
    {
        public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    }

    public sealed record CommitmentRef(int Id, string? Number, LocalizedText Text, CommitmentStatus Status,
        int? PeriodStart, int? PeriodEnd, int InstrumentId, LocalizedText InstrumentTitle);

    public static async Task<ActivityDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct)
    {
        var a = await db.Activities.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.KindId, KindCode = x.Kind.Code, Kind = x.Kind.Name, x.Title, x.Description, x.DateInference,
                x.StartsOn, x.StartsOnPrecision, x.EndsOn, x.EndsOnPrecision, x.DateNote,
                // The meeting's id through the join, so that a meeting the reader may not see is not named even by its id.
                MeetingId = x.Meeting == null ? null : (int?)x.Meeting.Id, MeetingTitle = x.Meeting!.Title, MeetingNumber = x.Meeting.Number, MeetingStartsOn = x.Meeting.StartsOn,
                MeetingStartsOnPrecision = (DatePrecision?)x.Meeting.StartsOnPrecision,
                x.PeopleTotal, x.PeopleWomen, x.PeopleMen, x.ValueAmount, x.ValueCurrency, x.ValueIsLowerBound,
                x.Sources, x.IsIllustrative, x.UpdatedAt, x.Visibility, x.RestrictedTo, Original = x.Translation.Original,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;

        // Anonymous types first, so EF reads only these columns (see ActivityList).
        var organisations = (await db.ActivityOrganisations.AsNoTracking().Where(o => o.ActivityId == id)
            .OrderBy(o => o.Role).ThenBy(o => o.OrganisationId)
            .Select(o => new { o.OrganisationId, o.Organisation.Name, o.Organisation.Abbreviation, o.Role })
            .ToListAsync(ct))
            .Select(o => new ActivityParty(o.OrganisationId, o.Name, o.Abbreviation, o.Role)).ToList();
        var commitments = (await db.ActivityCommitments.AsNoTracking().Where(c => c.ActivityId == id)
            .OrderBy(c => c.Commitment.InstrumentId).ThenBy(c => c.Commitment.Sequence).ThenBy(c => c.CommitmentId)
            .Take(ActivityInput.MaxCommitments)
            .Select(c => new
            {
                c.CommitmentId, c.Commitment.Number, c.Commitment.Text, c.Commitment.Status, c.Commitment.PeriodStart, c.Commitment.PeriodEnd,
                c.Commitment.InstrumentId, InstrumentTitle = c.Commitment.Instrument.Title,
            })
            .ToListAsync(ct))
            .Select(c => new CommitmentRef(c.CommitmentId, c.Number, c.Text, c.Status, c.PeriodStart, c.PeriodEnd, c.InstrumentId, c.InstrumentTitle))
            .ToList();
        var meeting = a.MeetingId is { } meetingId
            ? new MeetingRef(meetingId, a.MeetingTitle, a.MeetingNumber, a.MeetingStartsOn, a.MeetingStartsOnPrecision ?? DatePrecision.Day)
            : null;

        return new ActivityDetails(a.Id, a.Version, a.KindId, a.KindCode, a.Kind, a.Title, a.Description,
            PartialDate.From(a.StartsOn, a.StartsOnPrecision), PartialDate.From(a.EndsOn, a.EndsOnPrecision), a.DateNote, meeting,
            organisations, a.PeopleTotal, a.PeopleWomen, a.PeopleMen,
            a.ValueAmount, a.ValueCurrency, a.ValueIsLowerBound, commitments, a.Sources, a.IsIllustrative, a.UpdatedAt, a.Visibility, a.RestrictedTo, a.Original)
        {
            Citations = await Concord.Features.Sources.Citations.ForAsync(db, Concord.Features.Sources.CitedRecord.Activity, id, ct),
            DateInference = a.DateInference,
        };
    }
}
