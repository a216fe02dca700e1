namespace Concord.Features.Jobs;

public enum JobState
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

// A piece of work done in the background (a document to make; later a reminder to send), kept in the
// database so that it survives a restart and runs once when several app instances share the database.
// Not a Record: it is the app's bookkeeping, not the programme's record, so it is neither audited nor versioned.
public class Job
{
    public int Id { get; set; }
    // Which handler runs it (JobsSetup.AddJobHandler).
    public required string Kind { get; set; }
    // What the handler needs, as the handler wrote it (usually JSON with the id of its own row).
    public string Payload { get; set; } = "";
    public JobState State { get; set; }
    // Who asked: the job reads the record as this account would (JobWorker sets the viewer from it).
    // Null for work the system does for itself.
    public int? AccountId { get; set; }
    // Set for work that must be queued once however many instances ask (a daily run: "reminders:2026-12-03").
    // Unique: the second insert of the same key does nothing (JobQueue.EnqueueOnceAsync).
    public string? Key { get; set; }
    public int Attempts { get; set; }
    // 0-100, for the person waiting.
    public int Progress { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime RunAfter { get; set; }
    // The instance running it, and until when its claim holds: a claim not renewed by then (the instance
    // died) is taken over by another.
    public string? ClaimedBy { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public DateTime? FinishedAt { get; set; }
}
