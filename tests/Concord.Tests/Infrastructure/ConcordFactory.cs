using Concord.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Concord.Tests.Infrastructure;

// Concord over HTTP on a database of its own, migrated and loaded with the demo history,
// exactly as a first start does. One instance per test class (IClassFixture). The database is a copy
// of the run's template (DatabaseTemplate), which a first start with these settings made.
public abstract class ConcordFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public abstract string Provider { get; }
    protected abstract string ConnectionString { get; }
    // False for a class that watches a first start (what start-up writes to an empty database, and what
    // it logs): its database starts empty, and its own first start fills it.
    protected virtual bool CopiesTemplate => true;
    // Where this app keeps its attachments' files (Features/Attachments, the folder store).
    public abstract string AttachmentsFolder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder) => UseTestSettings(builder, Provider, ConnectionString);

    // Shared with the template's start, so that a copy holds what this class's own first start would write.
    internal static void UseTestSettings(IWebHostBuilder builder, string provider, string connectionString)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Concord", connectionString);
        builder.UseSetting("Database:SeedDemo", "true");
        // Hundreds of accounts are made and signed in: cheap hashes, and no rate limit in the way
        // (RateLimitTests sets its own).
        builder.UseSetting("Accounts:PasswordHashIterations", "1000");
        builder.UseSetting("RateLimits:SignInPerMinute", "100000");
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        // Where the server says it listens (TestServer binds nothing): links in e-mails start here, as
        // they would with ASPNETCORE_URLS, since Accounts:PublicUrl is not set (AccountLinks.ServerRoot).
        builder.UseSetting("urls", "https://localhost");
    }

    protected ConcordFactory()
    {
        // Session cookies are Secure: the test client speaks HTTPS, as a browser in production does.
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        var wrong = await WrongTranslationCountsAsync();
        await base.DisposeAsync();
        await DropAsync();
        if (wrong is not null) throw new InvalidOperationException(wrong);
    }

    bool started;

    protected override IHost CreateHost(IHostBuilder builder)
    {
        started = true;
        return base.CreateHost(builder);
    }

    // Whatever a test class did through the app, the translation counts its saves kept must equal a recount
    // (Features/Translations/TranslationCounts.cs): checked when each class ends, so every journey of the suite
    // shows that no way of saving misses them. A test that changes records behind the app's back recounts after.
    async Task<string?> WrongTranslationCountsAsync()
    {
        if (!started) return null;
        try
        {
            var wrong = await WithDbAsync(db => Concord.Features.Translations.TranslationCounts.CheckAsync(db, default));
            return wrong.Count == 0 ? null : $"Kept translation counts differ from a recount at the end of the class: {string.Join("; ", wrong)}";
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ObjectDisposedException || e.InnerException is System.Data.Common.DbException)
        {
            // A class that took its database away (an outage, a restore) has nothing to check.
            return null;
        }
    }

    protected abstract Task DropAsync();

    public async Task<T> WithDbAsync<T>(Func<ConcordDb, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ConcordDb>());
    }

    public async Task WithDbAsync(Func<ConcordDb, Task> work)
    {
        using var scope = Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<ConcordDb>());
    }
}

public class SqliteFactory : ConcordFactory
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"concord-test-{Guid.NewGuid():N}.db");
    public override string Provider => "Sqlite";
    protected override string ConnectionString => $"Data Source={file}";

    public override Task InitializeAsync() => CopiesTemplate ? DatabaseTemplate.CopySqliteAsync(file) : Task.CompletedTask;

    // Attachments are stored beside the database by default (AttachmentsSetup.DefaultFolder), so each test database has its own.
    public override string AttachmentsFolder => Concord.Data.Backup.AttachmentsBeside(file);

    protected override Task DropAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
        if (Directory.Exists(AttachmentsFolder)) Directory.Delete(AttachmentsFolder, recursive: true);
        return Task.CompletedTask;
    }
}

// Needs the PostgreSQL server that scripts/test.sh starts; it passes the server's address in
// CONCORD_TEST_POSTGRES. Without it these tests fail rather than skip, so a green run always
// means both databases were tested.
public class PostgresFactory : ConcordFactory
{
    readonly string database = $"concord_test_{Guid.NewGuid():N}";
    public override string Provider => "Postgres";

    internal static string ServerAddress => Environment.GetEnvironmentVariable("CONCORD_TEST_POSTGRES")
        ?? throw new InvalidOperationException("CONCORD_TEST_POSTGRES is not set: run the tests with scripts/test.sh, which starts a throwaway PostgreSQL.");

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerAddress) { Database = database }.ConnectionString;

    // On PostgreSQL the default folder is the account's data folder, shared by every test database: each gets its own.
    public override string AttachmentsFolder { get; } = Path.Combine(Path.GetTempPath(), $"concord-test-attachments-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Attachments:Folder", AttachmentsFolder);
    }

    public override async Task InitializeAsync()
    {
        if (CopiesTemplate)
        {
            await DatabaseTemplate.CopyPostgresAsync(database);
            return;
        }
        await using var connection = new NpgsqlConnection(ServerAddress);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerAddress);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
        if (Directory.Exists(AttachmentsFolder)) Directory.Delete(AttachmentsFolder, recursive: true);
    }
}

// For a class that watches a first start; the reason goes beside the class that uses it.
public sealed class FirstStartSqliteFactory : SqliteFactory
{
    protected override bool CopiesTemplate => false;
}

public sealed class FirstStartPostgresFactory : PostgresFactory
{
    protected override bool CopiesTemplate => false;
}
