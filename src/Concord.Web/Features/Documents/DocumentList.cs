using Concord.Data;
using Concord.Features.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Documents;

public sealed record DocumentRow(int Id, DocumentKind Kind, DocumentFileFormat Format, string Subject, DateTime CreatedAt, DateTime ExpiresAt,
    string? FileName, long? Size, JobState? State, int Progress, string? Error)
{
    public bool IsReady => FileName is not null && Size is not null;
    // Waiting or being made: the page refreshes itself until it is done.
    public bool IsPending => !IsReady && State is JobState.Queued or JobState.Running;
    public bool HasFailed => !IsReady && !IsPending;
}

// One account's documents, newest first; nobody else's, and none past its expiry.
public static class DocumentList
{
    public static IQueryable<DocumentRow> Query(ConcordDb db, int accountId, DateTime now, int? id = null) =>
        from d in db.Documents.AsNoTracking()
        where d.AccountId == accountId && d.ExpiresAt > now && (id == null || d.Id == id)
        join j in db.Jobs on d.JobId equals j.Id into jobs
        from j in jobs.DefaultIfEmpty()
        orderby d.Id descending
        select new DocumentRow(d.Id, d.Kind, d.Format, d.Subject, d.CreatedAt, d.ExpiresAt, d.FileName, d.Size,
            j == null ? null : j.State, j == null ? 0 : j.Progress, j == null ? null : j.Error);
}
