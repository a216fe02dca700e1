using Concord.Data;
using Concord.Data.CompiledModels.Postgres;
using Concord.Data.CompiledModels.Sqlite;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Concord.Tests.Features;

// Concord loads EF's model from code written by scripts/compile-model.sh (Data/CompiledModels) instead of building
// it at each start. That code is only right while it is the model the mappings build: these compare the two, for each
// database, and fail when a mapping or an entity changed and the script was not run again. The visibility rules
// themselves are proven on the compiled model by every access test (RestrictedRecords, AccessMatrix, Withdrawal).
public class CompiledModelTests
{
    [Fact]
    public void TheSqliteCompiledModelIsTheModelTheMappingsBuild()
    {
        using var db = new SqliteConcordDb(Fresh<SqliteConcordDb>(o => o.UseSqlite("Data Source=design.db")), TimeProvider.System, CurrentUser.System);
        Assert.IsType<SqliteConcordDbModel>(db.Model);
        // A raw query of an unmapped type, as search runs on PostgreSQL, adds that type to the process's compiled model:
        // it is not a change of the mapping.
        using (var memory = new SqliteConcordDb(Fresh<SqliteConcordDb>(o => o.UseSqlite("Data Source=:memory:")), TimeProvider.System, CurrentUser.System))
            Assert.Equal([1], memory.Database.SqlQuery<RawRow>($"SELECT 1 AS \"Value\"").Select(r => r.Value).ToList());
        Assert.Contains("Ad-hoc entity types:", db.Model.ToDebugString(MetadataDebugStringOptions.ShortDefault));
        AssertSameModel(db);
    }

    sealed record RawRow(int Value);

    [Fact]
    public void ThePostgresCompiledModelIsTheModelTheMappingsBuild()
    {
        using var db = new PostgresConcordDb(Fresh<PostgresConcordDb>(o => o.UseNpgsql("Host=localhost;Database=design")), TimeProvider.System, CurrentUser.System);
        Assert.IsType<PostgresConcordDbModel>(db.Model);
        AssertSameModel(db);
    }

    // Each record that may be restricted or withdrawn keeps both filters in the compiled model, with the rule's own
    // expression: a report is hidden with its clause and the clause's minutes.
    [Fact]
    public void TheCompiledModelHidesAReportWithItsClauseAndMinutes()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var filters = db.Model.FindEntityType(typeof(ProgressReport))!.GetDeclaredQueryFilters().ToDictionary(f => f.Key!, f => f.Expression!.ToString());
        Assert.Equal([VisibilityRule.Visible, VisibilityRule.Withdrawn], filters.Keys.Order());
        Assert.Contains("x.Commitment.Instrument.Visibility", filters[VisibilityRule.Visible]);
        Assert.Contains("x.Commitment.Instrument.WithdrawnAt", filters[VisibilityRule.Withdrawn]);
    }

    // Options as the design-time factories make them (the compiled models are generated from those), with EF's services
    // of their own: EF keeps one built model per context type for the whole process, made by whichever test asked first
    // and with its options, and this test is about the model the mappings build, not about another test's.
    static DbContextOptions<T> Fresh<T>(Action<DbContextOptionsBuilder<T>> provider) where T : DbContext
    {
        var options = new DbContextOptionsBuilder<T>().EnableServiceProviderCaching(false);
        provider(options);
        return options.Options;
    }

    static void AssertSameModel(ConcordDb db)
    {
        var compiled = db.Model;
        // The model the mappings build (OnModelCreating), as `dotnet ef` builds it for a migration.
        var built = db.GetService<IDesignTimeModel>().Model;
        const string stale = "The compiled model is not the model the mappings build: run scripts/compile-model.sh.";

        // Entity types, properties (type, nullability, concurrency), keys, relationships, navigations, indexes.
        AssertSameText(Mapped(built.ToDebugString(MetadataDebugStringOptions.ShortDefault)), Mapped(compiled.ToDebugString(MetadataDebugStringOptions.ShortDefault)), stale);
        // Tables, columns (names, store types with their lengths, nullability), keys, constraints and indexes.
        AssertSameText(built.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault),
            compiled.GetRelationalModel().ToDebugString(MetadataDebugStringOptions.ShortDefault), stale);
        // The query filters, which the compiled model takes from the rules as it loads.
        Assert.Equal(Filters(built), Filters(compiled));
        Assert.NotEmpty(Filters(compiled));
    }

    // The compiled model is one instance for the whole process, and EF adds to it the "ad-hoc" types of raw SQL queries
    // as they first run (search's Database.SqlQuery<Newest>, on PostgreSQL): whether it holds them depends on which
    // tests ran before in this process. They are not mapped, so they are left out of the comparison.
    static string Mapped(string model)
    {
        var adHoc = model.IndexOf("Ad-hoc entity types:", StringComparison.Ordinal);
        return adHoc < 0 ? model : model[..model.LastIndexOf('\n', adHoc)];
    }

    // The models' descriptions run to thousands of lines: a failure names the first lines that differ, with their
    // neighbours, so that what differs can be read from the test's output alone.
    static void AssertSameText(string built, string compiled, string message)
    {
        if (built == compiled) return;
        var b = built.Split('\n');
        var c = compiled.Split('\n');
        var first = Enumerable.Range(0, Math.Min(b.Length, c.Length)).FirstOrDefault(i => b[i] != c[i], Math.Min(b.Length, c.Length));
        string Around(string[] lines) => string.Join('\n', lines.Skip(Math.Max(0, first - 3)).Take(8));
        Assert.Fail($"{message}\nFirst difference at line {first + 1} of {b.Length} (built) and {c.Length} (compiled).\nBuilt:\n{Around(b)}\nCompiled:\n{Around(c)}");
    }

    static List<string> Filters(IModel model) =>
        [.. model.GetEntityTypes().SelectMany(e => e.GetDeclaredQueryFilters().Select(f => $"{e.Name} {f.Key}: {f.Expression}")).Order()];
}
