using Concord.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Concord.Features.Health;

// For a load balancer or an orchestrator: /health/live says the process answers, /health/ready that
// the database answers and has every migration Concord expects. Anonymous, like a load balancer is;
// the body is one word (Healthy, Unhealthy), never the reason, which goes to the log.
public static class HealthSetup
{
    public static IServiceCollection AddConcordHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<DatabaseReady>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapConcordHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }
}

sealed class DatabaseReady(ConcordDb db, ILogger<DatabaseReady> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return Unhealthy("the database does not answer");
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            return pending.Count == 0 ? HealthCheckResult.Healthy() : Unhealthy($"{pending.Count} migration(s) not applied, the first {pending[0]}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Not ready: {Reason}", e.Message);
            return HealthCheckResult.Unhealthy();
        }
    }

    HealthCheckResult Unhealthy(string reason)
    {
        log.LogWarning("Not ready: {Reason}", reason);
        return HealthCheckResult.Unhealthy();
    }
}
