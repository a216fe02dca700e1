using System.Net.Http.Json;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Concord.Tests.Features.ActivitiesSeed;

namespace Concord.Tests.Features;

// PostgreSQL with the demo's commitments and reports copied until each table holds 10,000 rows: enough for
// the planner to weigh the trigram index against reading the table, as it must at 500,000 (a table of a few
// dozen rows is read whole whatever its indexes), and bigger than the newest records the search looks at
// first. Copies keep their texts, so the statistics look like a record's, many clauses sharing words. A few
// records name Xieng Khouang, which no copy does, so that a search for it is as selective as a search for a
// rare word in a ministry's record; their clauses also hold "đào" and "đội", each in a third of the copies but
// never together in one. Then OlderOnly clauses name Phongsaly, more than the search asks the trigram index
// for, and more copies after them, so that none of them is among the newest records.
public sealed class SearchPlanDatabase : IAsyncLifetime
{
    public const int Rows = 10_000;
    public const int XiengKhouang = 3;
    public const int OlderOnly = 1_050;
    readonly PostgresFactory postgres = new();

    public SqlCapture Sql { get; } = new();
    public CommandCounter Commands { get; } = new();
    // The app as it runs, with every query it sends kept in Sql and counted in Commands.
    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await postgres.InitializeAsync();
        await postgres.WithDbAsync(async db =>
        {
            await CopyUntilAsync(db, "Commitments", Rows);
            await CopyUntilAsync(db, "ProgressReports", Rows);
            var instrument = await InstrumentAsync(db, "Biên bản hợp tác với tỉnh Xiêng Khoảng");
            var area = await TermAsync(db, Vocabularies.Area, "vocational-education");
            for (var i = 1; i <= XiengKhouang; i++)
            {
                var commitment = new Commitment
                {
                    InstrumentId = instrument, AreaId = area, Number = $"{i}", Period = new Period(2026, 2027),
                    Text = new LocalizedText($"Hỗ trợ tỉnh Xiêng Khoảng đào tạo đội ngũ thợ hàn, đợt {i}", $"Help Xieng Khouang province train welders, round {i}",
                        $"ຊ່ວຍແຂວງຊຽງຂວາງຝຶກອົບຮົມຊ່າງເຊື່ອມ ຮອບທີ {i}"),
                };
                db.Commitments.Add(commitment);
                await db.SaveChangesAsync();
                await ReportAsync(db, commitment.Id, "LA", new DateOnly(2026, 10, i), narrativeVi: $"Tỉnh Xiêng Khoảng đã cử {10 + i} học viên");
            }
            var copiesUpTo = await db.Commitments.MaxAsync(c => c.Id);
            db.Commitments.AddRange(Enumerable.Range(1, OlderOnly).Select(i => new Commitment
            {
                InstrumentId = instrument, AreaId = area, Number = $"P{i}", Period = new Period(2026, 2027),
                Text = new LocalizedText($"Khảo sát nghề ở tỉnh Phongsaly, đợt {i}", $"Survey of trades in Phongsaly province, round {i}"),
            }));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync(CopySql(await ColumnsAsync(db, "Commitments"), "Commitments", $"WHERE \"Id\" <= {copiesUpTo} ORDER BY \"Id\" LIMIT {Rows / 4}"));
            await Concord.Features.Translations.TranslationCounts.RecountAsync(db, CancellationToken.None);
            // As autovacuum leaves a live database: statistics, and the trigram indexes' pending lists merged
            // (GIN defers new rows' entries to a list that every search reads whole, and the planner prices that in).
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        });
        App = postgres.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PostgresConcordDb>((_, o) => o.AddInterceptors(Sql, Commands))));
    }

    static async Task<string> ColumnsAsync(ConcordDb db, string table) => string.Join(", ", await db.Database.SqlQueryRaw<string>(
        """
        SELECT quote_ident(column_name) AS "Value" FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = {0} AND column_name <> 'Id' ORDER BY ordinal_position
        """, table).ToListAsync());

    // Every column but the id copied as it is. Names from the catalogue and numbers: nothing here comes from outside the test.
    static string CopySql(string columns, string table, string from) =>
        $"INSERT INTO \"{table}\" ({columns}) SELECT {columns} FROM \"{table}\" {from}";

    // One INSERT ... SELECT over generate_series.
    static async Task CopyUntilAsync(ConcordDb db, string table, int rows)
    {
        var count = $"SELECT count(*)::int AS \"Value\" FROM \"{table}\"";
        var existing = await db.Database.SqlQueryRaw<int>(count).SingleAsync();
        await db.Database.ExecuteSqlRawAsync(CopySql(await ColumnsAsync(db, table), table, $", generate_series(1, {rows / existing - 1})"));
        // Written behind the app's saves: the translation counts are made again, as after any change by hand.
        await Concord.Features.Translations.TranslationCounts.RecountAsync(db, CancellationToken.None);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)postgres).DisposeAsync();
}

// PostgreSQL only: SQLite has no trigram index and scans one column, which is what it is for.
// Each test takes the SQL the app really sent for a search (not a copy) and asks PostgreSQL for its plan.
public sealed class SearchPlanOnPostgres(SearchPlanDatabase database) : IClassFixture<SearchPlanDatabase>
{
    static readonly string[] Tables = ["Instruments", "Meetings", "Commitments", "ProgressReports", "Activities", "Organisations", "People"];

    // The statements one request sent that look for hits in a table, with their plans as the app had them made
    // (its planner settings included). Left out: the walk through the newest records by id ("Id" > ...), bounded
    // by design. A statement asks every kind of record that needs it at once, so a plan holds other tables too.
    async Task<(JsonElement Results, List<string> Plans)> SearchAsync(HttpClient client, string url, string table)
    {
        database.Sql.Clear();
        var results = await client.GetFromJsonAsync<JsonElement>(url);
        var searches = database.Sql.Commands
            .Where(c => c.Sql.Contains("\"SearchText\" LIKE") && c.Sql.Contains($"FROM \"{table}\" AS") && !c.Sql.Contains("\"Id\" > @"))
            .ToList();
        Assert.NotEmpty(searches);
        return (results, await PlansAsync(searches));
    }

    async Task<List<string>> PlansAsync(IEnumerable<SqlCapture.Command> commands)
    {
        using var scope = database.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var plans = new List<string>();
        foreach (var command in commands) plans.Add(await SqlCapture.ExplainAsync(connection, command));
        return plans;
    }

    // The whole plan in the message: it says what the planner chose instead.
    static void AssertReadsTrigramIndex(string table, string plan) =>
        Assert.True(plan.Contains($"Bitmap Index Scan on \"IX_{table}_SearchText\""), $"The search of {table} does not read IX_{table}_SearchText:\n{plan}");

    static List<int> Hits(JsonElement results) =>
        results.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("hits").EnumerateArray()).Select(h => h.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task AReadersSearchOfCommitmentsReadsTheTrigramIndexInEveryLanguage()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        foreach (var query in new[] { "xieng khoang", "Xiêng Khoảng", "ຊຽງຂວາງ", "XIENG KHOUANG welders" })
        {
            var (results, plans) = await SearchAsync(client, $"/api/search?type=commitments&q={Uri.EscapeDataString(query)}", "Commitments");
            Assert.Equal(SearchPlanDatabase.XiengKhouang, Hits(results).Count);
            Assert.All(plans, plan => AssertReadsTrigramIndex("Commitments", plan));
            Assert.All(plans, plan => Assert.DoesNotContain("Seq Scan on \"Commitments\"", plan));
        }
    }

    [Fact]
    public async Task EveryPageOfCommitmentHitsAndTheirCountReadTheTrigramIndex()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.VietnamCooperation);
        var url = "/api/search?type=commitments&size=1&q=xieng+khoang";
        var seen = new List<int>();
        for (var page = 1; page <= SearchPlanDatabase.XiengKhouang; page++)
        {
            var (results, plans) = await SearchAsync(client, url, "Commitments");
            var group = results.GetProperty("groups")[0];
            Assert.Equal(SearchPlanDatabase.XiengKhouang, group.GetProperty("count").GetInt32());
            // The ids of every hit, from which come the count and the page (then read by id).
            Assert.Single(plans);
            Assert.All(plans, plan => AssertReadsTrigramIndex("Commitments", plan));
            seen.AddRange(Hits(results));
            if (group.GetProperty("next").GetString() is { } next) url = $"/api/search?type=commitments&size=1&q=xieng+khoang&after={next}";
        }
        Assert.Equal(SearchPlanDatabase.XiengKhouang, seen.Distinct().Count());
    }

    [Fact]
    public async Task ASearchOfProgressReportsReadsTheTrigramIndex()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var (results, plans) = await SearchAsync(client, "/api/search?type=reports&q=xieng+khoang", "ProgressReports");
        Assert.Equal(SearchPlanDatabase.XiengKhouang, Hits(results).Count);
        Assert.All(plans, plan => AssertReadsTrigramIndex("ProgressReports", plan));
    }

    // PostgreSQL would guess that a third of a third of the commitments hold both words, and walk the table
    // by id expecting to meet ten of them soon; on 5,000,000 progress reports that walk took 5 seconds.
    [Fact]
    public async Task TwoCommonWordsSeldomTogetherAreLookedUpInTheTrigramIndexNotByWalkingTheTable()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var (results, plans) = await SearchAsync(client, "/api/search?type=commitments&q=dao+doi", "Commitments");
        Assert.Equal(SearchPlanDatabase.XiengKhouang, Hits(results).Count);
        Assert.All(plans, plan => AssertReadsTrigramIndex("Commitments", plan));
    }

    // A table no bigger than the look at the newest records is read through it, by id; a bigger one, for words
    // that are not common among its newest records, from its trigram index. No table is read whole.
    [Fact]
    public async Task TheSearchOfEveryKindOfRecordReadsTheTrigramIndexOrTheNewestRecordsNeverAWholeTable()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        database.Sql.Clear();
        await client.GetFromJsonAsync<JsonElement>("/api/search?q=xieng+khoang");
        var plans = await PlansAsync(database.Sql.Commands.Where(c => c.Sql.Contains("\"SearchText\" LIKE")));
        foreach (var table in Tables)
            Assert.All(plans, plan => Assert.DoesNotContain($"Seq Scan on \"{table}\"", plan));
        foreach (var table in new[] { "Commitments", "ProgressReports" })
            Assert.Contains(plans, plan => plan.Contains($"Bitmap Index Scan on \"IX_{table}_SearchText\""));
    }

    // Issue 11: a search costs a few statements, not one or more per kind of record and step, whatever the
    // words (common, rare, common but seldom together, many hits none of them new) and the page. Counted as the
    // database receives them: the session's check, BEGIN, the planner's settings, each step, COMMIT.
    [Fact]
    public async Task ASearchSendsAtMostEightStatementsWhateverTheWordsAndThePage()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var next = (await client.GetFromJsonAsync<JsonElement>("/api/search?type=commitments&size=5&q=phongsaly")).GetProperty("groups")[0].GetProperty("next").GetString();
        var common = (await client.GetFromJsonAsync<JsonElement>("/api/search?type=commitments&size=150&q=hop+tac")).GetProperty("groups")[0].GetProperty("next").GetString();
        foreach (var url in new[]
        {
            "/search?q=hop+tac", "/search?q=ban+can", "/search?q=dao+doi", "/search?q=xieng+khoang", "/search?q=phongsaly", "/search?q=ph%C3%B4ng+sa+l%E1%BB%B3",
            "/search?q=hop+tac&type=commitments", $"/search?q=hop+tac&type=commitments&after={common}", $"/api/search?q=phongsaly&type=commitments&size=5&after={next}",
            "/api/search?q=dao+doi&type=reports", "/api/search?q=xieng+khoang",
        })
        {
            database.Commands.Clear();
            var response = await client.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            var sent = database.Commands.Texts.ToList();
            Assert.True(sent.Count <= 8, $"{url}: {sent.Count} statements:\n{string.Join("\n\n", sent)}");
        }
    }

    // More hits than the trigram index is asked for, none among the newest records: each page still holds the
    // newest hits below the last one shown, every hit once, and the count stops at the limit.
    [Fact]
    public async Task ManyHitsNoneOfThemNewArePagedNewestFirstEachOnce()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.VietnamCooperation);
        var overview = await client.GetFromJsonAsync<JsonElement>("/api/search?q=phongsaly");
        var group = overview.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("type").GetString() == "Commitments");
        Assert.Equal(Concord.Features.Search.SiteSearch.CountLimit, group.GetProperty("count").GetInt32());
        Assert.True(group.GetProperty("countIsAtLeast").GetBoolean());
        using var scope = database.App.Services.CreateScope();
        var expected = await scope.ServiceProvider.GetRequiredService<ConcordDb>().Commitments
            .Where(c => c.Text.En!.Contains("Phongsaly")).OrderByDescending(c => c.Id).Select(c => c.Id).ToListAsync();
        Assert.Equal(SearchPlanDatabase.OlderOnly, expected.Count);
        Assert.Equal(expected.Take(Concord.Features.Search.SiteSearch.PerTypeInOverview), group.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));

        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonElement>($"/api/search?type=commitments&size=200&q=phongsaly{(after is null ? "" : $"&after={after}")}")).GetProperty("groups")[0];
            seen.AddRange(page.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(expected, seen);
    }
}
