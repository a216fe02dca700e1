using Concord.Shared;

namespace Concord.Features.ReferenceData;

// Reference data that an administrator edits rather than a developer: kinds of organisation,
// instrument, meeting and activity, cooperation areas, currencies. One table, one vocabulary per use.
public class Term
{
    public int Id { get; set; }
    public required string Vocabulary { get; set; }
    public required string Code { get; set; }
    public LocalizedText Name { get; set; } = new();
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
}

public static class Vocabularies
{
    public const string OrganisationKind = "organisation-kind";
    public const string InstrumentKind = "instrument-kind";
    public const string MeetingKind = "meeting-kind";
    public const string ActivityKind = "activity-kind";
    public const string Area = "area";
    public const string Currency = "currency";

    public static readonly string[] All = [OrganisationKind, InstrumentKind, MeetingKind, ActivityKind, Area, Currency];
}
