using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

public sealed class DatabaseOptions
{
    // "Sqlite" (the embedded default) or "Postgres" (production).
    public string Provider { get; set; } = "Sqlite";
    // Apply pending migrations at start-up.
    public bool Migrate { get; set; } = true;
    // Load the Vietnam-Laos history into an empty database at start-up.
    public bool SeedDemo { get; set; } = true;
}

public static class DatabaseSetup
{
    public static IHostApplicationBuilder AddConcordDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration("Database");
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new();
        var connection = builder.Configuration.GetConnectionString("Concord");

        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Concord is not set.");
            builder.Services.AddDbContext<ConcordDb, PostgresConcordDb>(o => o.UseNpgsql(connection, npgsql =>
            {
                // Pooled connections break when the server restarts; retry instead of failing the request.
                npgsql.EnableRetryOnFailure(3);
                npgsql.MigrationsHistoryTable("__ef_migrations");
            }));
        }
        else
        {
            builder.Services.AddDbContext<ConcordDb, SqliteConcordDb>(o => o.UseSqlite(connection ?? "Data Source=concord.db",
                sqlite => sqlite.MigrationsHistoryTable("__ef_migrations")).UseReaderCollations());
        }
        return builder;
    }

    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        if (options.Migrate) await db.Database.MigrateAsync(ct);
        if (options.Migrate) await Features.Audit.AppendOnly.ApplyAsync(db, ct);
        await ReferenceTerms.EnsureAsync(db, ct);
        if (options.SeedDemo) await DemoHistory.LoadIfEmptyAsync(db, ct);
        if (options.SeedDemo) await Features.Accounts.DemoAccounts.CreateIfNoAccountsAsync(scope.ServiceProvider, ct);
    }
}
