using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Concord.Tests.Infrastructure;

// One database per provider per test run, made by a first start of the app on an empty database
// (migrations, append-only triggers, reference terms, the demo history and the demo accounts), then
// copied for each test class: copying a file or a database is quick, migrating and seeding is not, and
// some seventy classes each paid for it.
//
// Only what start-up writes before the app runs (PrepareDatabaseAsync) goes into the template: its host
// starts without hosted services, so each copy still makes its own Data Protection key at its own
// start, as on a first start. A copy's start repeats the idempotent steps and finds the demo already
// loaded; what it cannot repeat is the log of the demo accounts' passwords, printed once, at the
// template's start. Classes that watch a first start do not copy (ConcordFactory.CopiesTemplate).
static class DatabaseTemplate
{
    // In the names, so that runs sharing a temporary folder or a PostgreSQL server never meet.
    static readonly string Run = Guid.NewGuid().ToString("N")[..12];

    // Made on first use, once, whichever class asks first; xunit starts classes in parallel.
    static readonly Lazy<Task<string>> SqliteFile = new(PrepareSqliteAsync);
    static readonly Lazy<Task<string>> PostgresDatabase = new(PreparePostgresAsync);

    public static async Task CopySqliteAsync(string file) => File.Copy(await SqliteFile.Value, file);

    public static async Task CopyPostgresAsync(string database)
    {
        var template = await PostgresDatabase.Value;
        await using var connection = new NpgsqlConnection(PostgresFactory.ServerAddress);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"", connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await create.ExecuteNonQueryAsync();
                return;
            }
            // "source database is being accessed by other users": the template's last connection, closed
            // by the pool, can take a moment to leave the server.
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    static async Task<string> PrepareSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"concord-template-{Run}.db");
        var connectionString = $"Data Source={file}";
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
                if (File.Exists(f)) File.Delete(f);
        };
        await StartOnceAsync("Sqlite", connectionString);
        // Closes the pooled connections, so that the file is whole and nobody writes while it is copied.
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
        return file;
    }

    static async Task<string> PreparePostgresAsync()
    {
        var database = $"concord_template_{Run}";
        var connectionString = new NpgsqlConnectionStringBuilder(PostgresFactory.ServerAddress) { Database = database }.ConnectionString;
        await using (var connection = new NpgsqlConnection(PostgresFactory.ServerAddress))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgres(database);
        await StartOnceAsync("Postgres", connectionString);
        // A database is copied only while nobody is connected to it: the pool's connections closed, and no
        // new one allowed.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using (var connection = new NpgsqlConnection(PostgresFactory.ServerAddress))
        {
            await connection.OpenAsync();
            await using var close = new NpgsqlCommand($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false", connection);
            await close.ExecuteNonQueryAsync();
        }
        return database;
    }

    static async Task StartOnceAsync(string provider, string connectionString)
    {
        await using var app = new TemplateStart(provider, connectionString);
        _ = app.Services;
    }

    // At the end of the run, if the server is still there (scripts/test.sh removes it anyway).
    static void DropPostgres(string database)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresFactory.ServerAddress) { Timeout = 5 }.ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
        }
    }

    // The app's start as a test class's, without the hosted services that run once it is up.
    sealed class TemplateStart(string provider, string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            ConcordFactory.UseTestSettings(builder, provider, connectionString);
            builder.ConfigureTestServices(services => services.RemoveAll<IHostedService>());
        }
    }
}
