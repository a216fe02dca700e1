using Concord.Features.Commitments;
using Concord.Shared;

namespace Concord.Features.Rounds;

public enum RoundState
{
    Open = 0,
    Closed = 1,
}

// A call for progress reports before a meeting: the period the sides report on, the day the reports are due
// and which commitments it covers. The commitments are kept as criteria (an instrument or a meeting's
// instruments, an area, a lead department) and found by query when needed, so that a round over every
// commitment of a plan is one row, not a copy of hundreds of thousands.
public class Round : Record, IRestrictable
{
    public Visibility Visibility { get; set; } = Visibility.Partners;
    public string? RestrictedTo { get; set; }
    // Identifies a demo round; null for rounds made in Concord.
    public string? Key { get; set; }
    public LocalizedText Name { get; set; } = new();
    public int PeriodStart { get; set; }
    public int PeriodEnd { get; set; }
    public DateOnly DueOn { get; set; }
    // The side whose reports the round asks for (VN or LA); null when both sides share the round.
    public string? Side { get; set; }
    public int? MeetingId { get; set; }
    public int? InstrumentId { get; set; }
    public int? AreaId { get; set; }
    public int? LeadOrganisationId { get; set; }
    // Focal points are reminded this many days before the due date (and on the day after it).
    public int RemindDaysBefore { get; set; } = 7;
    public RoundState State { get; set; }
    public DateTime? ClosedAt { get; set; }

    public Period Period
    {
        get => new(PeriodStart, PeriodEnd);
        set { PeriodStart = value.StartYear; PeriodEnd = value.EndYear; }
    }

    // The sides asked to report.
    public IReadOnlyList<string> Sides => Side is { } s ? [s] : Concord.Shared.Sides.All;
}

// A progress report the round collected, recorded when the round closed, with the version it had then:
// a later edit of the report shows as a change after the round.
public class RoundSubmission
{
    public int RoundId { get; set; }
    public int ProgressReportId { get; set; }
    public ProgressReport ProgressReport { get; set; } = null!;
    public int ReportVersion { get; set; }
    public DateTime SubmittedAt { get; set; }
}

public enum ReminderState
{
    // Waiting for its send job (or, without SMTP, listed on the round's page for the coordinator).
    Pending = 0,
    Sent = 1,
    // Every attempt failed; the last error says why.
    Failed = 2,
    // Concord has no SMTP server: nothing was sent, the coordinator passes it on.
    NotSent = 3,
}

public enum ReminderKind
{
    // The day's digest: at most one per person per day (the unique key covers only these).
    Daily = 0,
    // "Send a reminder now" on a round's page: one round, for one department, asked by a coordinator.
    Manual = 1,
}

// One e-mail to one focal point: the day's digest of every open round in which their department still owes
// reports, or a reminder of one round a coordinator sent now. Persisted before it is sent, so a restart loses
// nothing; sent by a job, retried with back-off.
// Not a Record, and not audited: the app's outbox, not the programme's record. Who asked for a manual one is
// kept on the row itself (RequestedById).
public class Reminder
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public DateOnly Day { get; set; }
    public ReminderKind Kind { get; set; }
    // The coordinator who pressed "send a reminder now"; null for the daily digest.
    public int? RequestedById { get; set; }
    public required string Email { get; set; }
    public string? Language { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public ReminderState State { get; set; }
    public int Attempts { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public List<ReminderRound> Rounds { get; set; } = [];
}

// A round a reminder speaks of, with what the person's department still owed in it that day.
public class ReminderRound
{
    public int ReminderId { get; set; }
    public int RoundId { get; set; }
    public int Missing { get; set; }
    public bool AfterDue { get; set; }
}

// The last "send a reminder now" for a department in a round: the gate that refuses another within the hour.
// Taken by one conditional upsert (ReminderNow.TryTakeAsync), so two clicks at the same moment send one mail.
public class ReminderRequest
{
    public int RoundId { get; set; }
    public int OrganisationId { get; set; }
    public DateTime RequestedAt { get; set; }
    public int RequestedById { get; set; }
}
