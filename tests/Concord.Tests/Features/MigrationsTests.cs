using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// A start applies the migrations only when one is pending, so nothing at start compares the model with the last
// migration any more on a database that is up to date (DatabaseSetup.PrepareDatabaseAsync): these do, for each
// database. When one fails, add the migration: scripts/add-migration.sh.
public class MigrationsTests
{
    [Fact]
    public void TheSqliteMigrationsHoldEveryChangeOfTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no SQLite migration makes: run scripts/add-migration.sh.");
    }

    [Fact]
    public void ThePostgresMigrationsHoldEveryChangeOfTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes no PostgreSQL migration makes: run scripts/add-migration.sh.");
    }

    // A start asks the history table whether every migration this build holds is applied (DatabaseSetup), with the
    // list of migrations it finds itself: the list EF would apply.
    [Fact]
    public void AStartKnowsTheMigrationsEfWouldApplyOnEachDatabase()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.Equal(sqlite.Database.GetMigrations().Order(), DatabaseSetup.MigrationsOf(typeof(SqliteConcordDb)).Order());
        Assert.Equal(postgres.Database.GetMigrations().Order(), DatabaseSetup.MigrationsOf(typeof(PostgresConcordDb)).Order());
        Assert.True(sqlite.Database.GetMigrations().Count() >= 12);
    }
}
