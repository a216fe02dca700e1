using Concord.Features.Commitments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;

namespace Concord.Features.Activities;

public enum ActivityRole
{
    Provider = 0,
    Recipient = 1,
    Participant = 2,
}

// A delegation visit, training course, scholarship cohort, donation, workshop or award that carries commitments out.
public class Activity : Record, ISearchable, IRestrictable, ITranslatable, IWithdrawable
{
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawnSide { get; set; }
    public string? WithdrawalReason { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    public int KindId { get; set; }
    public Term Kind { get; set; } = null!;
    public LocalizedText Title { get; set; } = new();
    public LocalizedText Description { get; set; } = new();
    public DateOnly? StartsOn { get; set; }
    public DatePrecision StartsOnPrecision { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DatePrecision EndsOnPrecision { get; set; }
    public string? DateNote { get; set; }
    // Set when the date comes from reasoning, not from a source: the reasoning, shown beside the date
    // ("2019 (inferred: …)") wherever it appears.
    public LocalizedText DateInference { get; set; } = new();
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    // The year a source reports the activity under way in, when its dates are not known ("the ministry
    // continued two projects" in the review of 2018); the yearly review counts it in that year.
    public int? ReportedInYear { get; set; }
    public int? PeopleTotal { get; set; }
    public int? PeopleWomen { get; set; }
    public int? PeopleMen { get; set; }
    public decimal? ValueAmount { get; set; }
    public string? ValueCurrency { get; set; }
    // "over 3,900,000,000 VND": the amount is a floor, not an exact figure.
    public bool ValueIsLowerBound { get; set; }
    public List<ActivityOrganisation> Organisations { get; set; } = [];
    public List<ActivityCommitment> Commitments { get; set; } = [];
    public string? Sources { get; set; }
    public string SearchText { get; set; } = "";

    public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);
    public PartialDate? Ends => PartialDate.From(EndsOn, EndsOnPrecision);

    public IEnumerable<string?> SearchableTexts() => [.. Title.All(), .. Description.All(), DateNote];

    public TranslationState Translation { get; set; } = new();
}

public class ActivityOrganisation
{
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public ActivityRole Role { get; set; }
}

public class ActivityCommitment
{
    public int ActivityId { get; set; }
    public Activity Activity { get; set; } = null!;
    public int CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
}
