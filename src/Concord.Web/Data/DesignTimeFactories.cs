using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Concord.Data;

// Used only by `dotnet ef migrations add`; see scripts/add-migration.sh.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConcordDb>
{
    public SqliteConcordDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteConcordDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations")).Options, TimeProvider.System, Concord.Shared.CurrentUser.System);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConcordDb>
{
    public PostgresConcordDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresConcordDb>().UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable("__ef_migrations")).Options, TimeProvider.System, Concord.Shared.CurrentUser.System);
}
