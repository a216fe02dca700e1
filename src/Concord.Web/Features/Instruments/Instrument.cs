using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;

namespace Concord.Features.Instruments;

public enum InstrumentStatus
{
    Draft = 0,
    UnderNegotiation = 1,
    Signed = 2,
    InForce = 3,
    Expired = 4,
    Superseded = 5,
}

public enum InstrumentLinkKind
{
    Implements = 0,
    Supersedes = 1,
    Amends = 2,
    RelatesTo = 3,
}

// An agreement, arrangement, MoU, set of minutes or joint statement.
public class Instrument : Record, ISearchable, IRestrictable, ITranslatable, IWithdrawable
{
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawnSide { get; set; }
    public string? WithdrawalReason { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    public string? Key { get; set; }
    public int KindId { get; set; }
    public Term Kind { get; set; } = null!;
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public InstrumentStatus Status { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DatePrecision SignedOnPrecision { get; set; }
    // What the source says when no date can be given, e.g. "signed after the senior officials' meeting of 28/11".
    public string? DateNote { get; set; }
    // Set when the date comes from reasoning, not from a source: the reasoning, shown beside the date
    // ("2019 (inferred: …)") wherever it appears.
    public LocalizedText DateInference { get; set; } = new();
    public DateOnly? InForceFrom { get; set; }
    public DatePrecision InForceFromPrecision { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public DatePrecision ExpiresOnPrecision { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    // The area an instrument with a partner outside the programme covers ("vocational education"), and
    // the channel it belongs to; both counted by the yearly review. Null for the programme's own minutes.
    public int? AreaId { get; set; }
    public Term? Area { get; set; }
    public Concord.Features.Review.CooperationChannel? Channel { get; set; }
    // The year a source reports the instrument's status in, when no date of the instrument places it
    // ("under negotiation" in the review of 2018).
    public int? ReportedInYear { get; set; }
    public string? Sources { get; set; }
    public List<InstrumentParty> Parties { get; set; } = [];
    public List<InstrumentSignatory> Signatories { get; set; } = [];
    public List<InstrumentLink> LinksFrom { get; set; } = [];
    public List<InstrumentLink> LinksTo { get; set; } = [];
    public string SearchText { get; set; } = "";

    public PartialDate? Signed => PartialDate.From(SignedOn, SignedOnPrecision);
    public PartialDate? InForce => PartialDate.From(InForceFrom, InForceFromPrecision);
    public PartialDate? Expires => PartialDate.From(ExpiresOn, ExpiresOnPrecision);

    public IEnumerable<string?> SearchableTexts() => [.. Title.All(), .. Summary.All(), DateNote];

    public TranslationState Translation { get; set; } = new();
}

public class InstrumentParty
{
    public int InstrumentId { get; set; }
    public Instrument Instrument { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
}

public class InstrumentSignatory
{
    public int InstrumentId { get; set; }
    public Instrument Instrument { get; set; } = null!;
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
}

// "From implements To": the 9th conference's minutes implement the 2013 agreement.
public class InstrumentLink
{
    public int Id { get; set; }
    public int FromId { get; set; }
    public Instrument From { get; set; } = null!;
    public int ToId { get; set; }
    public Instrument To { get; set; } = null!;
    public InstrumentLinkKind Kind { get; set; }
}
