using Concord.Data;
using Concord.Features.Jobs;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Features;

// The job table: a job is claimed by one worker only, and a claim whose instance died is taken over when
// its lease runs out. Kinds made up per test, which the app's own worker does not run.
public abstract class JobsTests(ConcordFactory factory)
{
    protected ConcordFactory Factory => factory;

    protected async Task<List<int>> EnqueueAsync(string kind, int count) => await factory.WithDbAsync(async db =>
    {
        var ids = new List<int>();
        for (var i = 0; i < count; i++) ids.Add((await JobQueue.EnqueueAsync(db, kind, $"{{\"n\":{i}}}", null, DateTime.UtcNow, default)).Id);
        return ids;
    });

    protected async Task<List<int>> DrainAsync(string kind, string worker)
    {
        var claimed = new List<int>();
        while (true)
        {
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
            var job = await JobQueue.ClaimAsync(db, [kind], worker, DateTime.UtcNow, TimeSpan.FromMinutes(5), 3, default);
            if (job is null) return claimed;
            claimed.Add(job.Id);
            Assert.Equal(1, await JobQueue.CompleteAsync(db, job.Id, worker, DateTime.UtcNow, default));
        }
    }

    [Fact]
    public async Task AJobWhoseLeaseRanOutIsTakenOverAndTheFirstWorkerCanNoLongerFinishIt()
    {
        var kind = "test-lease-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(kind, 1)).Single();
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var first = await JobQueue.ClaimAsync(db, [kind], "dead", now, TimeSpan.FromSeconds(1), 3, default);
            Assert.Equal(id, first!.Id);
            // Within the lease nobody else gets it.
            Assert.Null(await JobQueue.ClaimAsync(db, [kind], "other", now, TimeSpan.FromMinutes(1), 3, default));
            var later = now.AddSeconds(2);
            var second = await JobQueue.ClaimAsync(db, [kind], "other", later, TimeSpan.FromMinutes(1), 3, default);
            Assert.Equal(id, second!.Id);
            Assert.Equal(2, second.Attempts);
            Assert.Equal(0, await JobQueue.CompleteAsync(db, id, "dead", later, default));
            Assert.Equal(1, await JobQueue.CompleteAsync(db, id, "other", later, default));
            Assert.Equal(JobState.Done, await db.Jobs.Where(j => j.Id == id).Select(j => j.State).SingleAsync());
        });
    }

    [Fact]
    public async Task AJobIsRetriedThenFailedForGoodAfterTheLastAttempt()
    {
        var kind = "test-fail-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await EnqueueAsync(kind, 1)).Single();
        await factory.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                var job = await JobQueue.ClaimAsync(db, [kind], "w", now, TimeSpan.FromMinutes(1), 2, default);
                Assert.Equal(id, job!.Id);
                await JobQueue.FailAsync(db, job, "w", "boom", now, 2, default);
                now = now.AddMinutes(5);
            }
            var failed = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal(JobState.Failed, failed.State);
            Assert.Equal("boom", failed.Error);
            Assert.Null(await JobQueue.ClaimAsync(db, [kind], "w", now, TimeSpan.FromMinutes(1), 2, default));
        });
    }
}

public sealed class JobsOnSqlite(SqliteFactory factory) : JobsTests(factory), IClassFixture<SqliteFactory>;

public sealed class JobsOnPostgres(PostgresFactory factory) : JobsTests(factory), IClassFixture<PostgresFactory>
{
    // Two instances on one PostgreSQL, asking at the same time: FOR UPDATE SKIP LOCKED gives each job to one.
    [Fact]
    public async Task TwoCompetingWorkersClaimEveryJobExactlyOnce()
    {
        var kind = "test-race-" + Guid.NewGuid().ToString("N")[..8];
        var ids = await EnqueueAsync(kind, 60);
        var results = await Task.WhenAll(
            Task.Run(() => DrainAsync(kind, "instance-a")),
            Task.Run(() => DrainAsync(kind, "instance-b")),
            Task.Run(() => DrainAsync(kind, "instance-c")));
        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(ids.Count, all.Count);
        Assert.Equal(ids.Order(), all.Order());
        Assert.Equal(ids.Count, await Factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.Kind == kind && j.State == JobState.Done && j.Attempts == 1)));
    }
}
