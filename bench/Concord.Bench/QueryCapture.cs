using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Concord.Bench;

// Keeps every query the app sends, with its parameter values and the planner settings made before it in its
// transaction (SET LOCAL, or set_config in a SELECT), so that the benchmark explains the app's own SQL as the
// app had it run.
public sealed class QueryCapture : DbCommandInterceptor, IDbTransactionInterceptor
{
    readonly ConcurrentQueue<CapturedQuery> queries = new();
    readonly ConditionalWeakTable<DbTransaction, List<string>> settings = new();

    public List<CapturedQuery> Queries => [.. queries];

    public void Clear() => queries.Clear();

    static bool IsSetting(string sql) => sql.StartsWith("SET LOCAL", StringComparison.Ordinal) || sql.Contains("set_config(", StringComparison.Ordinal);

    // Settings hold until their transaction ends; Npgsql reuses its transaction objects, so a new one starts bare.
    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        settings.Remove(result);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is { } transaction && IsSetting(command.CommandText))
            settings.GetOrCreateValue(transaction).Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command is NpgsqlCommand npgsql)
        {
            string? set = null;
            if (command.Transaction is { } transaction)
            {
                if (settings.TryGetValue(transaction, out var list) && list.Count > 0) set = string.Join(";\n", list);
                if (IsSetting(command.CommandText)) settings.GetOrCreateValue(transaction).Add(command.CommandText);
            }
            queries.Enqueue(new CapturedQuery(npgsql.CommandText, [.. npgsql.Parameters.Select(p => p.Clone())], set));
        }
        return ValueTask.FromResult(result);
    }
}

public sealed partial record CapturedQuery(string Sql, NpgsqlParameter[] Parameters, string? Settings)
{
    // The table the query reads first: the searched or listed one (others come in joins and filters).
    public string Table => FirstTable().Match(Sql) is { Success: true } m ? m.Groups[1].Value : "";

    public string Kind => Sql.StartsWith("SELECT count(", StringComparison.Ordinal) ? "count"
        : Sql.Contains("GROUP BY", StringComparison.Ordinal) ? "group"
        : Sql.StartsWith("SELECT max(", StringComparison.Ordinal) || Sql.StartsWith("SELECT min(", StringComparison.Ordinal) ? "max/min"
        : "rows";

    public bool IsSearch => Sql.Contains("\"SearchText\" LIKE", StringComparison.Ordinal);

    // SiteSearch's first look at the newest records by id, bounded by design.
    public bool IsRecentWindow => IsSearch && Sql.Contains("\"Id\" > @", StringComparison.Ordinal);

    // Runs the query once more under EXPLAIN (ANALYZE, BUFFERS), with the same parameter values and settings.
    public async Task<Plan> ExplainAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (Settings is not null)
        {
            await using var set = new NpgsqlCommand(Settings, connection, transaction);
            await set.ExecuteNonQueryAsync(ct);
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + Sql, connection, transaction) { CommandTimeout = 600 };
        explain.Parameters.AddRange(Parameters.Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
        await transaction.RollbackAsync(ct);
        return Plan.Parse(lines);
    }

    [GeneratedRegex("FROM \"(\\w+)\" AS")]
    private static partial Regex FirstTable();
}

public sealed partial record Plan(string Text, double ExecutionMs, double PlanningMs, long Rows, string Buffers, IReadOnlyList<string> Access)
{
    public bool Reads(string index) => Text.Contains($"\"{index}\"", StringComparison.Ordinal);

    public static Plan Parse(List<string> lines)
    {
        var text = string.Join('\n', lines);
        double Ms(Regex pattern) => pattern.Match(text) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        var rows = ActualRows().Match(lines.FirstOrDefault() ?? "") is { Success: true } r ? long.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var buffers = lines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Buffers:", StringComparison.Ordinal))?["Buffers:".Length..].Trim() ?? "";
        // How each table was reached: "Bitmap Index Scan IX_Commitments_SearchText", "Seq Scan Commitments", ...
        var access = Scan().Matches(text).Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}").Distinct().ToList();
        return new Plan(text, Ms(ExecutionTime()), Ms(PlanningTime()), rows, buffers, access);
    }

    [GeneratedRegex(@"Execution Time: ([\d.]+) ms")]
    private static partial Regex ExecutionTime();
    [GeneratedRegex(@"Planning Time: ([\d.]+) ms")]
    private static partial Regex PlanningTime();
    [GeneratedRegex(@"actual time=[\d.]+\.\.[\d.]+ rows=(\d+)")]
    private static partial Regex ActualRows();
    [GeneratedRegex("((?:Parallel )?(?:Seq Scan|Index Only Scan(?: Backward)?|Index Scan(?: Backward)?|Bitmap Index Scan)) (?:using|on) \"(\\w+)\"")]
    private static partial Regex Scan();
}
