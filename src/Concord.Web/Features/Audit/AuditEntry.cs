namespace Concord.Features.Audit;

// One save of one record: who, when, and each changed value before and after. Written by ConcordDb in
// the same transaction as the change itself; Concord has no page or endpoint that edits or deletes it,
// and ConcordDb refuses to save a change to an existing row.
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? AccountId { get; set; }
    public string ActorName { get; set; } = "";
    // The record's type (Instrument, Commitment, ProgressReport, Account...) and id. A change to a link
    // (an instrument's parties, a commitment's leads) is recorded on the record that owns it.
    public string RecordType { get; set; } = "";
    public int RecordId { get; set; }
    public AuditAction Action { get; set; }
    // JSON: {"fields":{"Title.Vi":["before","after"]},"added":{"Parties":[{...}]},"removed":{...}}
    public string Changes { get; set; } = "{}";
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

// Security events: sign-ins, failures, denied access, role changes, token use. Kept apart from record
// changes because an administrator reads them for other reasons and they are written by requests that
// change no record.
public sealed class SecurityEvent
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public SecurityEventKind Kind { get; set; }
    public int? AccountId { get; set; }
    // The account's e-mail, or what was typed at sign-in when no account matched.
    public string? UserName { get; set; }
    public string? IpAddress { get; set; }
    public string? Detail { get; set; }
}

public enum SecurityEventKind
{
    SignIn,
    SignInFailed,
    LockedOut,
    SecondFactorFailed,
    SignOut,
    SessionEnded,
    AccessDenied,
    AccountInvited,
    AccountChanged,
    RoleChanged,
    AccountDisabled,
    AccountEnabled,
    PasswordChanged,
    PasswordResetRequested,
    TwoFactorEnabled,
    RecoveryCodeUsed,
    TokenCreated,
    TokenRevoked,
    TokenUsed,
    TokenRefused,
    RateLimited,
    // An administrator exported the security log or the change log.
    AuditExported,
}
