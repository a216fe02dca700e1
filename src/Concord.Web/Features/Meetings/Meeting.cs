using Concord.Features.Instruments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;

namespace Concord.Features.Meetings;

// A ministerial conference (numbered), senior officials' meeting, workshop, working-group session or internal review.
public class Meeting : Record, ISearchable, IRestrictable, ITranslatable, IWithdrawable
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
    public int? Number { get; set; }
    public LocalizedText Title { get; set; } = new();
    public string? Place { get; set; }
    public bool IsOnline { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DatePrecision StartsOnPrecision { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? DateNote { get; set; }
    // Set when the date comes from reasoning, not from a source: the reasoning, shown beside the date
    // ("2019 (inferred: …)") wherever it appears.
    public LocalizedText DateInference { get; set; } = new();
    // One agenda item a line.
    public LocalizedText Agenda { get; set; } = new();
    public LocalizedText Summary { get; set; } = new();
    public int? PreparesId { get; set; }
    public Meeting? Prepares { get; set; }
    public List<Meeting> PreparedBy { get; set; } = [];
    public List<MeetingChair> Chairs { get; set; } = [];
    public List<MeetingParticipant> Participants { get; set; } = [];
    public List<Instrument> Instruments { get; set; } = [];
    public string? Sources { get; set; }
    public string SearchText { get; set; } = "";

    public PartialDate? Starts => PartialDate.From(StartsOn, StartsOnPrecision);

    public IEnumerable<string?> SearchableTexts() => [.. Title.All(), Place, .. Agenda.All(), .. Summary.All(), DateNote];

    public TranslationState Translation { get; set; } = new();
}

public class MeetingChair
{
    public int MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public int PersonId { get; set; }
    public Person Person { get; set; } = null!;
}

public class MeetingParticipant
{
    public int MeetingId { get; set; }
    public Meeting Meeting { get; set; } = null!;
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
}
