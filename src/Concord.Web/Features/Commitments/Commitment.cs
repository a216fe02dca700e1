using Concord.Features.Activities;
using Concord.Features.Instruments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;

namespace Concord.Features.Commitments;

public enum CommitmentStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    PartlyDone = 3,
    Delayed = 4,
    Dropped = 5,
    CarriedOver = 6,
    // The sources say nothing of how the work went: neither open nor closed, never overdue.
    NoInformation = 7,
}

// A clause of an instrument, usually of a conference's minutes, that one or both sides must carry out.
public class Commitment : Record, ISearchable, IRestrictable, ITranslatable, IWithdrawable
{
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawnSide { get; set; }
    public string? WithdrawalReason { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    public int InstrumentId { get; set; }
    public Instrument Instrument { get; set; } = null!;
    // As numbered in the minutes: "3", "2.1", "II.4".
    public string? Number { get; set; }
    // Position within the instrument, for ordering clauses as they stand in the text.
    public int Sequence { get; set; }
    public LocalizedText Text { get; set; } = new();
    public int AreaId { get; set; }
    public Term Area { get; set; } = null!;
    // Null when the source gives no period: a clause known only from a press report of the conference.
    public int? PeriodStart { get; set; }
    public int? PeriodEnd { get; set; }
    public DateOnly? DueOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public int? CarriedOverFromId { get; set; }
    public Commitment? CarriedOverFrom { get; set; }
    public List<Commitment> CarriedOverInto { get; set; } = [];
    public List<CommitmentLead> Leads { get; set; } = [];
    public List<ProgressReport> Reports { get; set; } = [];
    public List<ActivityCommitment> Activities { get; set; } = [];
    public string? Sources { get; set; }
    public string SearchText { get; set; } = "";

    public Period? Period
    {
        get => PeriodStart is { } start && PeriodEnd is { } end ? new(start, end) : null;
        set { PeriodStart = value?.StartYear; PeriodEnd = value?.EndYear; }
    }

    public IEnumerable<string?> SearchableTexts() => [Number, .. Text.All()];

    public TranslationState Translation { get; set; } = new();
}

// The department that leads a commitment on one side. Country is copied from the organisation
// so that "commitments Laos leads" is one indexed lookup.
public class CommitmentLead
{
    public int CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public required string Country { get; set; }
}

// What one side reports on one commitment for one period.
public class ProgressReport : Record, ISearchable, IRestrictable, ITranslatable, IWithdrawable
{
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public string? WithdrawnSide { get; set; }
    public string? WithdrawalReason { get; set; }
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    public int CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
    public required string Country { get; set; }
    public int? OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public DateOnly ReportedOn { get; set; }
    public CommitmentStatus Status { get; set; }
    public LocalizedText Narrative { get; set; } = new();
    public int? PeopleCount { get; set; }
    public int? WomenCount { get; set; }
    public decimal? ValueAmount { get; set; }
    public string? ValueCurrency { get; set; }
    // Links to evidence, one a line.
    public string? EvidenceLinks { get; set; }
    public string SearchText { get; set; } = "";

    public Period Period
    {
        get => new(PeriodStart, PeriodEnd);
        set { PeriodStart = value.StartYear; PeriodEnd = value.EndYear; }
    }

    public IEnumerable<string?> SearchableTexts() => Narrative.All();

    public TranslationState Translation { get; set; } = new();
}
