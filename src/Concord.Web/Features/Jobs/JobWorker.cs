using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Jobs;

// Runs the jobs of the kinds registered here, one at a time per instance: claims one, runs its handler in
// a scope whose viewer is the account that asked, renews the claim while it runs, and records the outcome.
// When the queue is empty it waits for a job queued by this instance (JobSignal) or the poll interval.
public sealed class JobWorker(IServiceScopeFactory scopes, JobHandlers handlers, JobSignal signal, IOptions<JobOptions> options,
    TimeProvider clock, ILogger<JobWorker> log) : BackgroundService
{
    // Unique per process, so a claim names the instance that holds it.
    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    DateTime lastSweep;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        BackgroundWork.MarkCurrent();
        var o = options.Value;
        if (!o.Enabled || handlers.ByKind.Count == 0) return;
        // Let start-up (migrations, the demo history) finish before the first claim.
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                worked = await RunNextAsync(o, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be restarting: wait, then try again.
                log.LogWarning(e, "Job worker could not claim or run a job");
            }
            if (!worked)
            {
                try { await signal.WaitAsync(o.PollInterval, stop); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    // One claim and its run. True when a job was run, so the next is looked for at once.
    public async Task<bool> RunNextAsync(JobOptions o, CancellationToken stop)
    {
        Job? job;
        await using (var claimScope = scopes.CreateAsyncScope())
        {
            var db = claimScope.ServiceProvider.GetRequiredService<ConcordDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            if (now - lastSweep > TimeSpan.FromMinutes(1))
            {
                lastSweep = now;
                await JobQueue.FailAbandonedAsync(db, now, o.MaxAttempts, stop);
                await JobQueue.DeleteFinishedAsync(db, now - o.KeepFinished, stop);
            }
            job = await JobQueue.ClaimAsync(db, [.. handlers.ByKind.Keys], Name, now, o.Lease, o.MaxAttempts, stop);
            if (job is null) return false;
        }
        await RunAsync(job, o, stop);
        return true;
    }

    async Task RunAsync(Job job, JobOptions o, CancellationToken stop)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var progress = 0;
        // Renews the claim every third of the lease; if the claim was lost (this instance was too slow and
        // another took the job over), the run is cancelled rather than finish twice.
        var renewal = Task.Run(async () =>
        {
            while (!running.IsCancellationRequested)
            {
                try { await Task.Delay(o.Lease / 3, running.Token); } catch (OperationCanceledException) { return; }
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
                if (!await JobQueue.RenewAsync(db, job.Id, Name, clock.GetUtcNow().UtcDateTime + o.Lease, progress, running.Token))
                {
                    await running.CancelAsync();
                    return;
                }
            }
        }, CancellationToken.None);

        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var viewer = await ViewerAsync(job, stop);
            if (viewer is null)
            {
                error = "the account that asked for it no longer exists or is disabled";
            }
            else
            {
                // Before anything in this scope asks for CurrentUser or ConcordDb.
                scope.ServiceProvider.GetRequiredService<JobViewer>().User = viewer;
                var handler = scope.ServiceProvider.GetRequiredKeyedService<IJobHandler>(job.Kind);
                var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
                var run = new JobRun(job, async (percent, ct) =>
                {
                    progress = percent;
                    await JobQueue.RenewAsync(db, job.Id, Name, clock.GetUtcNow().UtcDateTime + o.Lease, percent, ct);
                });
                await handler.RunAsync(run, running.Token);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // Shutting down, or the claim was lost: the job stays claimed until its lease runs out, then runs again.
            await running.CancelAsync();
            await renewal;
            return;
        }
        catch (Exception e)
        {
            log.LogError(e, "Job {Id} ({Kind}) failed on attempt {Attempt}", job.Id, job.Kind, job.Attempts);
            error = e.GetType().Name + ": " + e.Message;
        }
        await running.CancelAsync();
        await renewal;

        await using var end = scopes.CreateAsyncScope();
        var endDb = end.ServiceProvider.GetRequiredService<ConcordDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (error is null) await JobQueue.CompleteAsync(endDb, job.Id, Name, now, CancellationToken.None);
        else await JobQueue.FailAsync(endDb, job, Name, error.Length > 1000 ? error[..1000] : error, now, o.MaxAttempts, CancellationToken.None, o.RetryDelay);
    }

    // The viewer is the account as it is now (its side, role and organisation today), read with the system's
    // eyes; a job the system queued for itself runs as the system.
    async Task<CurrentUser?> ViewerAsync(Job job, CancellationToken ct)
    {
        if (job.AccountId is null) return CurrentUser.System;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var account = await db.Users.AsNoTracking().Where(a => a.Id == job.AccountId)
            .Select(a => new { a.Id, a.DisplayName, a.UserName, a.Role, a.Country, a.OrganisationId, a.IsDisabled })
            .SingleOrDefaultAsync(ct);
        if (account is null || account.IsDisabled) return null;
        return new CurrentUser
        {
            AccountId = account.Id,
            Name = account.UserName ?? account.DisplayName ?? "",
            Role = account.Role,
            Country = account.Country,
            OrganisationId = account.OrganisationId,
        };
    }
}
