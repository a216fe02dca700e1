using System.Reflection;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

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

        // The options are built once (optionsLifetime: Singleton), not for every context: two contexts a request (the
        // session's check and the page's), each building its options and their warnings table again, were about a
        // twentieth of what a page of the commitments list allocated. Nothing in them depends on the request.
        // The compiled model is named here (UseModel) rather than left for EF to find: EF looks for it in the assembly's
        // attributes each time a context is made, which in Concord's assembly means reading every Razor page's attribute
        // again, twice a request (1.5 % of the server's CPU under load on the commitments list).
        if (string.Equals(options.Provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Concord is not set.");
            connection = Tuned(connection);
            builder.Services.AddDbContext<ConcordDb, PostgresConcordDb>(o => o.UseModel(CompiledModels.Postgres.PostgresConcordDbModel.Instance).UseNpgsql(connection, npgsql =>
            {
                // Pooled connections break when the server restarts; retry instead of failing the request.
                npgsql.EnableRetryOnFailure(3);
                npgsql.MigrationsHistoryTable("__ef_migrations");
            }), optionsLifetime: ServiceLifetime.Singleton);
        }
        else
        {
            var traced = Observability.TelemetryEnabled(builder.Configuration);
            builder.Services.AddDbContext<ConcordDb, SqliteConcordDb>(o =>
            {
                o.UseModel(CompiledModels.Sqlite.SqliteConcordDbModel.Instance)
                    .UseSqlite(connection ?? "Data Source=concord.db", sqlite => sqlite.MigrationsHistoryTable("__ef_migrations")).UseReaderCollations();
                if (traced) o.AddInterceptors(SqliteTracing.Instance);
            }, optionsLifetime: ServiceLifetime.Singleton);
        }
        return builder;
    }

    // What every request pays for otherwise, unless the connection string says so itself:
    // - Max Auto Prepare: the statements Concord sends most are prepared once per connection and then only
    //   bound and run (parse and plan were most of the time of a small query). Search sets its planner in its own
    //   transaction so that its plans do not depend on the words searched for, and keeps one plan per statement.
    // - No Reset On Close: EF opens and closes the connection around each query, and Npgsql would reset it with
    //   DISCARD ALL each time (one extra round trip per query, and the prepared statements dropped). Concord keeps
    //   no session state on a connection: its only settings are local to a transaction (SET LOCAL, set_config).
    internal static string Tuned(string connection)
    {
        // Npgsql's own builder says every keyword it knows is present; the plain one lists only those given.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connection }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        if (!given.Contains("maxautoprepare")) npgsql.MaxAutoPrepare = 100;
        if (!given.Contains("autoprepareminusages")) npgsql.AutoPrepareMinUsages = 2;
        if (!given.Contains("noresetonclose")) npgsql.NoResetOnClose = true;
        return npgsql.ConnectionString;
    }

    // Why the database could not be opened at start, in one sentence an operator can act on (the path and
    // the cause), or null when the failure is not about reaching the database (then the stack trace is wanted).
    public static string? ExplainOpenFailure(IServiceProvider services, Exception failure)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var connection = configuration.GetConnectionString("Concord");
        if (failure is Npgsql.NpgsqlException or System.Net.Sockets.SocketException || failure.InnerException is Npgsql.NpgsqlException)
        {
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connection);
            return $"Concord cannot use its PostgreSQL database {npgsql.Database} on {npgsql.Host}:{npgsql.Port}: {failure.Message}";
        }
        if (failure is not (Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)) return null;
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection ?? "Data Source=concord.db").DataSource;
        var path = Path.GetFullPath(source);
        return $"Concord cannot open its database {path}: {SqliteCause(path) ?? failure.Message}";
    }

    static string? SqliteCause(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            // The nearest part of the path that exists: a file where a folder should be, or the folder is missing.
            for (var up = folder; !string.IsNullOrEmpty(up); up = Path.GetDirectoryName(up))
                if (File.Exists(up)) return $"{up} is a file, not a folder.";
            return $"the folder {folder} does not exist; create it, or point ConnectionStrings__Concord elsewhere.";
        }
        try
        {
            // SQLite writes a journal beside the database, so the folder must be writable, not only the file.
            var probe = Path.Combine(folder, $".concord-write-test-{Guid.NewGuid():N}");
            using (File.Create(probe, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"the folder {folder} is not writable by this user ({e.Message}); SQLite writes its journal beside the database.";
        }
        if (File.Exists(path))
        {
            try { using var _ = File.Open(path, FileMode.Open, FileAccess.ReadWrite); }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                return $"the file is read-only for this user ({e.Message}).";
            }
        }
        return null;
    }

    // Whether the database holds every migration of this build and no other, by one look at the history table. EF's
    // GetPendingMigrationsAsync answers the same, but its first call sets up EF's migration services and builds a model
    // of the history table: about a tenth of a start on SQLite. False when in doubt (no history table yet, another set
    // of migrations): EF then decides, as before.
    static async Task<bool> AllMigrationsAppliedAsync(ConcordDb db, CancellationToken ct)
    {
        // No database yet (a SQLite file not made): asked as EF asks it, without opening one, so that a path that cannot be
        // opened is still named by the start-up checks rather than by a failed query.
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct)) return false;
        var exists = db.IsPostgres
            ? "SELECT to_regclass('\"__ef_migrations\"') IS NOT NULL AS \"Value\""
            : "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__ef_migrations') AS \"Value\"";
        if (!await db.Database.SqlQueryRaw<bool>(exists).SingleAsync(ct)) return false;
        var applied = await db.Database.SqlQueryRaw<string>("SELECT \"MigrationId\" AS \"Value\" FROM \"__ef_migrations\"").ToListAsync(ct);
        return applied.ToHashSet().SetEquals(MigrationsOf(db.GetType()));
    }

    // The ids of the migrations this build holds for a database, as EF finds them: the Migration classes marked with its context.
    internal static HashSet<string> MigrationsOf(Type context) =>
        [.. typeof(ConcordDb).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == context)
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()];

    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var options = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        if (options.Migrate)
        {
            var pending = await AllMigrationsAppliedAsync(db, ct) ? 0 : (await db.Database.GetPendingMigrationsAsync(ct)).Count();
            // With none pending (every start but the first after an upgrade) there is nothing to migrate, and MigrateAsync
            // would still take the migration lock, which queues the instances starting together, and first compare the
            // model with the last migration's snapshot, building both: about 0.3 s of a start on SQLite. That comparison
            // is made by the tests instead (MigrationsTests), and by MigrateAsync whenever a migration is pending.
            if (pending > 0)
            {
                await db.Database.MigrateAsync(ct);
                // A column added to a large table has no statistics until autovacuum next analyzes it, which adding a
                // column does not prompt: the planner then takes "WithdrawnAt IS NULL" for 0.5 % of the rows and joins
                // in the wrong order (the commitments list went from 0.2 s to 3.5 s at 500,000 commitments after
                // AddWithdrawal). Analyzing after a migration reads a sample of each table: seconds at that scale.
                if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
            }
        }
        if (options.Migrate) await Features.Audit.AppendOnly.ApplyAsync(db, ct);
        // The translation counts are kept by every save; a database that never had them (before migration
        // TranslationCounts, or emptied by a bulk load that stopped) gets them counted once, here.
        var counting = System.Diagnostics.Stopwatch.StartNew();
        if (await Features.Translations.TranslationCounts.EnsureCountedAsync(db, ct))
            scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseSetup))
                .LogInformation("Translation counts made from the records in {Seconds:0.0} s", counting.Elapsed.TotalSeconds);
        await ReferenceTerms.EnsureAsync(db, ct);
        if (options.SeedDemo) await DemoHistory.LoadIfEmptyAsync(db, ct);
        if (options.SeedDemo) await Features.Accounts.DemoAccounts.CreateIfNoAccountsAsync(scope.ServiceProvider, ct);
    }
}
