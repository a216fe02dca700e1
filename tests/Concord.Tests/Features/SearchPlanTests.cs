using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
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
// dozen rows is read whole whatever its indexes). Copies keep their texts, so the statistics look like a
// record's, many clauses sharing words. A few records name Xieng Khouang, which no copy does, so that a
// search for it is as selective as a search for a rare word in a ministry's record; their clauses also hold
// "đào" and "đội", each in a third of the copies but never together in one.
public sealed class SearchPlanDatabase : IAsyncLifetime
{
    public const int Rows = 10_000;
    public const int XiengKhouang = 3;
    readonly PostgresFactory postgres = new();

    public SqlCapture Sql { get; } = new();
    // The app as it runs, with every query it sends kept in Sql.
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
            // As autovacuum leaves a live database: statistics, and the trigram indexes' pending lists merged
            // (GIN defers new rows' entries to a list that every search reads whole, and the planner prices that in).
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        });
        App = postgres.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<PostgresConcordDb>((_, o) => o.AddInterceptors(Sql))));
    }

    // One INSERT ... SELECT over generate_series, every column but the id copied as it is.
    static async Task CopyUntilAsync(ConcordDb db, string table, int rows)
    {
        var columns = await db.Database.SqlQueryRaw<string>(
            """
            SELECT quote_ident(column_name) AS "Value" FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = {0} AND column_name <> 'Id' ORDER BY ordinal_position
            """, table).ToListAsync();
        // Names from the catalogue and numbers: nothing here comes from outside the test.
        var count = $"SELECT count(*)::int AS \"Value\" FROM \"{table}\"";
        var existing = await db.Database.SqlQueryRaw<int>(count).SingleAsync();
        var list = string.Join(", ", columns);
        var copy = $"INSERT INTO \"{table}\" ({list}) SELECT {list} FROM \"{table}\", generate_series(1, {rows / existing - 1})";
        await db.Database.ExecuteSqlRawAsync(copy);
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

    // The queries one request sent for the hits on one table, with their plans as the app had them made (its
    // planner settings included). Left out: the look at the newest records by id ("Id" > ...), bounded by design.
    async Task<(JsonElement Results, List<string> Plans)> SearchAsync(HttpClient client, string url, string table)
    {
        database.Sql.Clear();
        var results = await client.GetFromJsonAsync<JsonElement>(url);
        // A search reads its table first (other tables come in joins and in the visibility filter's subqueries).
        var searches = database.Sql.Commands
            .Where(c => c.Sql.Contains("\"SearchText\"") && FirstTable(c.Sql) == table && !c.Sql.Contains("\"Id\" >"))
            .ToList();
        Assert.NotEmpty(searches);
        using var scope = database.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        await db.Database.OpenConnectionAsync();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var plans = new List<string>();
        foreach (var search in searches) plans.Add(await SqlCapture.ExplainAsync(connection, search));
        return (results, plans);
    }

    static string? FirstTable(string sql) => Regex.Match(sql, "FROM \"(\\w+)\" AS") is { Success: true } m ? m.Groups[1].Value : null;

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

    // Even the small tables, which a plain query would rightly read whole (hundreds of instruments or people).
    [Fact]
    public async Task TheSearchOfEveryKindOfRecordIsAnsweredFromItsTrigramIndex()
    {
        var client = await database.App.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        foreach (var table in Tables)
        {
            var (_, plans) = await SearchAsync(client, "/api/search?q=xieng+khoang", table);
            Assert.All(plans, plan => AssertReadsTrigramIndex(table, plan));
        }
    }
}
