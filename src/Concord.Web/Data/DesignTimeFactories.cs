using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Concord.Data;

// Used only by `dotnet ef`: `migrations add` (scripts/add-migration.sh) and `dbcontext optimize`
// (scripts/compile-model.sh, which passes --for-compiled-model: see RecordMapping.ForCompiledModel).
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteConcordDb>
{
    public SqliteConcordDb CreateDbContext(string[] args)
    {
        RecordMapping.ForCompiledModel = args.Contains("--for-compiled-model");
        return new(new DbContextOptionsBuilder<SqliteConcordDb>().UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable("__ef_migrations")).Options, TimeProvider.System, CurrentUser.System);
    }
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresConcordDb>
{
    public PostgresConcordDb CreateDbContext(string[] args)
    {
        RecordMapping.ForCompiledModel = args.Contains("--for-compiled-model");
        return new(new DbContextOptionsBuilder<PostgresConcordDb>().UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable("__ef_migrations")).Options, TimeProvider.System, CurrentUser.System);
    }
}
