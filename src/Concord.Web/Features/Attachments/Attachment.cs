namespace Concord.Features.Attachments;

// The records a file can be attached to. The names are the record types the audit uses (AuditEntry.RecordType).
public enum AttachmentKind
{
    Instrument,
    Meeting,
    Commitment,
    ProgressReport,
    Activity,
}

// A file attached to a record: the signed PDF of minutes, photos of a handover, a department's report.
// The row holds what the file is (its name for display, the type sniffed from its bytes, its size and
// SHA-256); the bytes are in the attachment store (IAttachmentStore) under StorageKey, never under the
// name the user gave. Whoever may read the record reads its attachments (AttachmentOwners.Visible); a
// withdrawn attachment keeps its row, with who withdrew it and why, and is no longer listed or served.
public class Attachment
{
    public int Id { get; set; }
    public AttachmentKind RecordType { get; set; }
    public int RecordId { get; set; }
    // For display and as the download's file name only; never a path.
    public string FileName { get; set; } = "";
    // Sniffed from the content (AttachmentContent), not taken from the upload.
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    // Lower-case hex; checked again on every download.
    public string Sha256 { get; set; } = "";
    // Random, made by Concord: the object's name in the store.
    public string StorageKey { get; set; } = "";
    public DateTime UploadedAt { get; set; }
    public int? UploadedById { get; set; }
    public string UploadedByName { get; set; } = "";
    public DateTime? WithdrawnAt { get; set; }
    public int? WithdrawnById { get; set; }
    public string? WithdrawnByName { get; set; }
    public string? WithdrawalReason { get; set; }

    public bool IsWithdrawn => WithdrawnAt is not null;
}
