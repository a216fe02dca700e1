using Concord.Shared;

namespace Concord.Features.Jobs;

public sealed class JobOptions
{
    // How often an idle instance looks for work queued by another instance (its own it starts at once).
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    // How long a claim holds without renewal; a running job renews it every third of this.
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);
    public int MaxAttempts { get; set; } = 3;
    // A failed attempt is tried again after this times the attempts made so far (30 s, 60 s, ...).
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);
    // How often each instance checks whether a daily job is due (RecurringJobs).
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromMinutes(1);
    // Finished jobs are deleted after this.
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(14);
    // Off in a process that must not run jobs (the generate verb, a test that drives the queue by hand).
    public bool Enabled { get; set; } = true;
}

// The kinds of job this instance runs and the handler of each. A feature registers its own:
// services.AddJobHandler<DocumentJob>(DocumentJob.Kind). Reminders will do the same.
public sealed class JobHandlers
{
    readonly Dictionary<string, Type> handlers = new(StringComparer.Ordinal);
    public IReadOnlyDictionary<string, Type> ByKind => handlers;
    internal void Add(string kind, Type handler)
    {
        if (!handlers.TryAdd(kind, handler)) throw new InvalidOperationException($"Job kind '{kind}' has two handlers.");
    }
}

// One job's work. Run in a scope of its own whose CurrentUser (and so ConcordDb's visibility filter)
// is the account that asked for it, never the all-seeing system.
public interface IJobHandler
{
    Task RunAsync(JobRun run, CancellationToken ct);
}

public sealed class JobRun(Job job, Func<int, CancellationToken, Task> progress)
{
    public Job Job { get; } = job;
    public Task ProgressAsync(int percent, CancellationToken ct) => progress(Math.Clamp(percent, 0, 100), ct);
}

// Set by JobWorker at the start of a job's scope, before anything asks for CurrentUser: the viewer the
// job reads as. AccountsSetup's CurrentUser factory looks here before the (absent) request.
public sealed class JobViewer
{
    public CurrentUser? User { get; set; }
}

// Wakes this instance's worker when a job is queued here, so a document starts at once rather than at the next poll.
public sealed class JobSignal
{
    readonly SemaphoreSlim signal = new(0, 1);
    public void Wake()
    {
        try { signal.Release(); } catch (SemaphoreFullException) { }
    }
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => signal.WaitAsync(timeout, ct);
}

public static class JobsSetup
{
    public static IServiceCollection AddConcordJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration("Jobs");
        Registry(services);
        services.AddSingleton<JobSignal>();
        services.AddScoped<JobViewer>();
        services.AddHostedService<JobWorker>();
        services.AddHostedService<RecurringJobs>();
        return services;
    }

    // A job of this kind is queued once a day, from this time of day in the programme's calendar (UTC+7),
    // by whichever instance looks first (RecurringJobs); it runs as the system.
    public static IServiceCollection AddDailyJob<THandler>(this IServiceCollection services, string kind, Func<IServiceProvider, TimeOnly> at) where THandler : class, IJobHandler
    {
        services.AddJobHandler<THandler>(kind);
        services.AddSingleton(new DailyJob(kind, at));
        return services;
    }

    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string kind) where THandler : class, IJobHandler
    {
        Registry(services).Add(kind, typeof(THandler));
        services.AddKeyedScoped<IJobHandler, THandler>(kind);
        return services;
    }

    // One registry, whichever of AddConcordJobs and AddJobHandler comes first.
    static JobHandlers Registry(IServiceCollection services)
    {
        var registry = services.Where(d => d.ServiceType == typeof(JobHandlers)).Select(d => d.ImplementationInstance).OfType<JobHandlers>().FirstOrDefault();
        if (registry is null)
        {
            registry = new JobHandlers();
            services.AddSingleton(registry);
        }
        return registry;
    }
}
