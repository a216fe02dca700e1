using System.Globalization;
using System.Text.Json;
using Concord.Data;
using Concord.Shared;
using Microsoft.Extensions.Options;

namespace Concord.Features.Jobs;

// A kind of job queued once a day, from a time of day in the programme's calendar (UTC+7). `At` is read
// when the instance checks, so configuration decides it (Reminders:SendAt).
public sealed record DailyJob(string Kind, Func<IServiceProvider, TimeOnly> At)
{
    public static string KeyOf(string kind, DateOnly day) => $"{kind}:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
    public static string Payload(DateOnly day) => JsonSerializer.Serialize(new { day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
    public static DateOnly DayOf(string payload) =>
        DateOnly.ParseExact(JsonDocument.Parse(payload).RootElement.GetProperty("day").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

// Every instance looks every Jobs:ScheduleInterval whether a daily job is due and queues it under the day's
// key. The key is unique in the job table, so with several instances on one database the day's job is
// queued once (the others' inserts do nothing) and, claimed like any job, run once. No timer in memory
// decides anything: an instance that was down when the time came queues the day's job when it starts.
public sealed class RecurringJobs(IServiceProvider services, IServiceScopeFactory scopes, IEnumerable<DailyJob> daily, IOptions<JobOptions> options,
    TimeProvider clock, JobSignal signal, ILogger<RecurringJobs> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        BackgroundWork.MarkCurrent();
        var o = options.Value;
        var jobs = daily.ToList();
        if (!o.Enabled || jobs.Count == 0) return;
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await QueueDueAsync(jobs, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not queue the daily jobs");
            }
            try { await Task.Delay(o.ScheduleInterval, clock, stop); }
            catch (OperationCanceledException) { return; }
        }
    }

    public async Task QueueDueAsync(IEnumerable<DailyJob> jobs, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var local = now.ToOffset(ProgrammeCalendar.Offset);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        foreach (var job in jobs)
        {
            if (time < job.At(services)) continue;
            if (await JobQueue.EnqueueOnceAsync(db, job.Kind, DailyJob.KeyOf(job.Kind, today), DailyJob.Payload(today), now.UtcDateTime, ct))
            {
                log.LogInformation("Queued the daily job {Kind} for {Day}", job.Kind, today);
                signal.Wake();
            }
        }
    }
}
