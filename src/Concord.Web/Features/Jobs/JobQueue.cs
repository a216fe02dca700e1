using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Jobs;

// The job table's operations. Every change of state is one conditional UPDATE naming the instance that
// holds the claim, so an instance whose lease ran out (and whose job another instance took) changes nothing.
public static class JobQueue
{
    public static async Task<Job> EnqueueAsync(ConcordDb db, string kind, string payload, int? accountId, DateTime now, CancellationToken ct)
    {
        var job = new Job { Kind = kind, Payload = payload, AccountId = accountId, State = JobState.Queued, CreatedAt = now, RunAfter = now };
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job;
    }

    // Queues a job under a key unless a job with that key was already queued, by this instance or another:
    // INSERT ... ON CONFLICT DO NOTHING on the unique key, the same statement on both databases, so two
    // instances asking at the same moment queue it once. True when this call queued it.
    public static async Task<bool> EnqueueOnceAsync(ConcordDb db, string kind, string key, string payload, DateTime now, CancellationToken ct)
    {
        var queued = nameof(JobState.Queued);
        var inserted = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Jobs" ("Kind", "Key", "Payload", "State", "Attempts", "Progress", "CreatedAt", "RunAfter")
            VALUES ({kind}, {key}, {payload}, {queued}, 0, 0, {now}, {now})
            ON CONFLICT ("Key") DO NOTHING
            """, ct);
        return inserted == 1;
    }

    // Takes the oldest job of these kinds that is queued, or running under a lease that has run out (its
    // instance died), for this worker. Null when there is none.
    //
    // PostgreSQL: one statement; FOR UPDATE SKIP LOCKED makes instances that ask at the same moment take
    // different rows instead of queueing behind the same one, and the row lock makes the take exclusive.
    // SQLite (one instance, one writer at a time): the candidate is read, then taken by an UPDATE that
    // matches only while it is still claimable; zero rows means another worker took it first.
    public static async Task<Job?> ClaimAsync(ConcordDb db, IReadOnlyCollection<string> kinds, string worker, DateTime now, TimeSpan lease, int maxAttempts, CancellationToken ct)
    {
        if (kinds.Count == 0) return null;
        var until = now + lease;
        int? id;
        if (db.IsPostgres)
        {
            var kindArray = kinds.ToArray();
            var queued = nameof(JobState.Queued);
            var running = nameof(JobState.Running);
            id = (await db.Database.SqlQuery<int>($"""
                UPDATE "Jobs" SET "State" = {running}, "ClaimedBy" = {worker}, "LeaseUntil" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" = (
                    SELECT "Id" FROM "Jobs"
                    WHERE "Kind" = ANY({kindArray}) AND "RunAfter" <= {now} AND "Attempts" < {maxAttempts}
                      AND ("State" = {queued} OR ("State" = {running} AND "LeaseUntil" < {now}))
                    ORDER BY "Id" LIMIT 1
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct)).Cast<int?>().FirstOrDefault();
        }
        else
        {
            var claimable = Claimable(kinds, now, maxAttempts);
            var candidate = await db.Jobs.Where(claimable).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
            if (candidate is null) return null;
            var taken = await db.Jobs.Where(j => j.Id == candidate).Where(claimable).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Running)
                .SetProperty(j => j.ClaimedBy, worker)
                .SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
            id = taken == 1 ? candidate : null;
        }
        return id is null ? null : await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, ct);
    }

    static System.Linq.Expressions.Expression<Func<Job, bool>> Claimable(IReadOnlyCollection<string> kinds, DateTime now, int maxAttempts) =>
        j => kinds.Contains(j.Kind) && j.RunAfter <= now && j.Attempts < maxAttempts
             && (j.State == JobState.Queued || (j.State == JobState.Running && j.LeaseUntil < now));

    // Extends the claim and records progress. False when this worker no longer holds the job.
    public static async Task<bool> RenewAsync(ConcordDb db, int id, string worker, DateTime until, int? progress, CancellationToken ct)
    {
        var held = db.Jobs.Where(j => j.Id == id && j.ClaimedBy == worker && j.State == JobState.Running);
        var changed = progress is { } p
            ? await held.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Progress, p), ct)
            : await held.ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseUntil, until), ct);
        return changed == 1;
    }

    public static Task<int> CompleteAsync(ConcordDb db, int id, string worker, DateTime now, CancellationToken ct) =>
        db.Jobs.Where(j => j.Id == id && j.ClaimedBy == worker && j.State == JobState.Running).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Done)
            .SetProperty(j => j.Progress, 100)
            .SetProperty(j => j.LeaseUntil, (DateTime?)null)
            .SetProperty(j => j.FinishedAt, now), ct);

    // A failed attempt is tried again later, up to the limit; then the job is failed for good and says why.
    public static async Task FailAsync(ConcordDb db, Job job, string worker, string error, DateTime now, int maxAttempts, CancellationToken ct,
        TimeSpan? retryDelay = null)
    {
        var delay = (retryDelay ?? TimeSpan.FromSeconds(30)) * job.Attempts;
        var held = db.Jobs.Where(j => j.Id == job.Id && j.ClaimedBy == worker && j.State == JobState.Running);
        if (job.Attempts >= maxAttempts)
            await held.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Failed)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.FinishedAt, now), ct);
        else
            await held.ExecuteUpdateAsync(s => s
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.Error, error)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.LeaseUntil, (DateTime?)null)
                .SetProperty(j => j.RunAfter, now + delay), ct);
    }

    // Jobs whose instance died on their last attempt would otherwise stay "running" for ever.
    public static Task<int> FailAbandonedAsync(ConcordDb db, DateTime now, int maxAttempts, CancellationToken ct) =>
        db.Jobs.Where(j => j.State == JobState.Running && j.LeaseUntil < now && j.Attempts >= maxAttempts).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.State, JobState.Failed)
            .SetProperty(j => j.Error, "lease expired")
            .SetProperty(j => j.FinishedAt, now), ct);

    public static Task<int> DeleteFinishedAsync(ConcordDb db, DateTime before, CancellationToken ct) =>
        db.Jobs.Where(j => (j.State == JobState.Done || j.State == JobState.Failed) && j.FinishedAt < before).ExecuteDeleteAsync(ct);
}
