using Concord.Data;

namespace Concord.Shared;

// What a form, an API call or an import may set on one kind of record. The input checks itself and applies
// itself, once: the edit page, the API and any later import call these, never steps of their own.
public interface IRecordInput<TRecord, TSelf>
    where TRecord : Record
    where TSelf : class, IRecordInput<TRecord, TSelf>, new()
{
    // The version the editor loaded; a save over a newer version is refused.
    int Version { get; set; }

    // The record as an edit loads it (with the links the form edits), tracked.
    static abstract IQueryable<TRecord> ForEdit(ConcordDb db);

    // The form's values for a saved record.
    static abstract TSelf From(TRecord record);

    // Rules beyond DataAnnotations; `existing` is null for a new record. Keys are property names ("" for the
    // record as a whole), values string keys the caller localizes.
    Task<Dictionary<string, string>> CheckAsync(ConcordDb db, TRecord? existing, CancellationToken ct);

    // Creates (existing is null; added to the context) or updates the record in the tracker. Called only
    // after CheckAsync found nothing, and only through RecordWrite, which saves.
    Task<TRecord> ApplyAsync(ConcordDb db, TRecord? existing, CurrentUser editor, CancellationToken ct);
}

public enum WriteOutcome
{
    Saved,
    // The values were those already saved: nothing was written and the version stays, so nobody else
    // editing the record meets a conflict over a save that changed nothing.
    Unchanged,
    // Someone saved the record after the editor loaded it: nothing was saved and the tracker is cleared.
    Stale,
}

public static class RecordWrite
{
    // The one save of a checked input: applied onto the record, saved against the version the editor loaded.
    public static async Task<(TRecord Record, WriteOutcome Outcome)> SaveAsync<TRecord, TInput>(
        ConcordDb db, TInput input, TRecord? existing, CurrentUser editor, CancellationToken ct)
        where TRecord : Record
        where TInput : class, IRecordInput<TRecord, TInput>, new()
    {
        var record = await input.ApplyAsync(db, existing, editor, ct);
        if (existing is not null)
        {
            db.ChangeTracker.DetectChanges();
            if (!db.ChangeTracker.HasChanges()) return (record, WriteOutcome.Unchanged);
            db.SaveAgainstVersion(record, input.Version);
        }
        return (record, await db.TrySaveAsync(ct) ? WriteOutcome.Saved : WriteOutcome.Stale);
    }

    // SaveAsync for many records saved as one (an import): each checked input is applied onto its record and
    // armed against the version its editor loaded, as SaveAsync does; the caller saves them together, in one
    // transaction, and one stale record fails them all. Whether a record changes at all is the caller's to know
    // beforehand: over thousands of tracked records, asking the tracker after each one would cost the square.
    public static async Task<TRecord> StageAsync<TRecord, TInput>(
        ConcordDb db, TInput input, TRecord? existing, CurrentUser editor, CancellationToken ct)
        where TRecord : Record
        where TInput : class, IRecordInput<TRecord, TInput>, new()
    {
        var record = await input.ApplyAsync(db, existing, editor, ct);
        if (existing is not null) db.SaveAgainstVersion(record, input.Version);
        return record;
    }
}
