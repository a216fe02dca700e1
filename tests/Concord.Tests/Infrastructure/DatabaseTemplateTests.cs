using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Infrastructure;

// The run's template is a shortcut, not another kind of start: a class on a copy of it starts with what a
// class on its own first start would have.
public abstract class DatabaseTemplateTests<TFirstStart>(ConcordFactory copy) where TFirstStart : ConcordFactory, new()
{
    [Fact]
    public async Task ACopyOfTheTemplateStartsWithWhatAFirstStartWrites()
    {
        await using var firstStart = await StartedAsync(new TFirstStart());
        Assert.Equal(await firstStart.Factory.WithDbAsync(ContentsAsync), await copy.WithDbAsync(ContentsAsync));
    }

    [Fact]
    public async Task EachCopyMakesADataProtectionKeyOfItsOwnAtItsStart()
    {
        await using var anotherCopy = await StartedAsync((ConcordFactory)Activator.CreateInstance(copy.GetType())!);
        var keys = await copy.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        var anotherCopysKeys = await anotherCopy.Factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.NotEmpty(anotherCopysKeys);
        Assert.Empty(keys.Intersect(anotherCopysKeys));
    }

    static async Task<Started> StartedAsync(ConcordFactory factory)
    {
        await factory.InitializeAsync();
        return new Started(factory);
    }

    sealed class Started(ConcordFactory factory) : IAsyncDisposable
    {
        public ConcordFactory Factory { get; } = factory;
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    // The rows in each table, the migrations applied, the triggers and extensions, and the accounts by e-mail.
    // Not the job table: the daily jobs are queued there by a background service once the time of day has
    // come (in the programme's calendar), whenever it first looks after the start, so its count depends on
    // the hour the tests run at and on which instance looked first, not on what a start writes.
    static async Task<List<string>> ContentsAsync(ConcordDb db)
    {
        var contents = new List<string>();
        var jobs = db.Model.FindEntityType(typeof(Concord.Features.Jobs.Job))!.GetTableName();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal))
        {
            if (table == jobs) continue;
            var count = $"SELECT count(*) AS \"Value\" FROM \"{table}\"";
            contents.Add($"{table}: {await db.Database.SqlQueryRaw<long>(count).SingleAsync()} rows");
        }
        contents.AddRange((await db.Database.GetAppliedMigrationsAsync()).Select(m => $"migration {m}"));
        var catalogue = db.IsPostgres
            ? """
              SELECT 'trigger ' || tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal
              UNION ALL SELECT 'extension ' || extname FROM pg_extension
              """
            : """SELECT 'trigger ' || name AS "Value" FROM sqlite_master WHERE type = 'trigger'""";
        contents.AddRange((await db.Database.SqlQueryRaw<string>(catalogue).ToListAsync()).Order(StringComparer.Ordinal));
        contents.AddRange((await db.Users.Select(a => a.Email!).ToListAsync()).Order(StringComparer.Ordinal).Select(e => $"account {e}"));
        return contents;
    }
}

public sealed class DatabaseTemplateOnSqlite(SqliteFactory copy) : DatabaseTemplateTests<FirstStartSqliteFactory>(copy), IClassFixture<SqliteFactory>;
public sealed class DatabaseTemplateOnPostgres(PostgresFactory copy) : DatabaseTemplateTests<FirstStartPostgresFactory>(copy), IClassFixture<PostgresFactory>;
