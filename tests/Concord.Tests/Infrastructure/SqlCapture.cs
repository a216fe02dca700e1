using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Concord.Tests.Infrastructure;

// Keeps every query the app sends, with its parameter values and the planner settings set just before it
// in its transaction (SET LOCAL), so that a test can ask PostgreSQL how it runs the app's own
// SQL rather than a copy written by hand.
public sealed class SqlCapture : DbCommandInterceptor
{
    public sealed record Command(string Sql, NpgsqlParameter[] Parameters, IReadOnlyList<string> Settings);

    readonly ConcurrentQueue<Command> commands = new();
    readonly ConditionalWeakTable<DbTransaction, List<string>> settings = new();

    public IReadOnlyList<Command> Commands => [.. commands];

    public void Clear() => commands.Clear();

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is { } transaction && command.CommandText.StartsWith("SET LOCAL", StringComparison.Ordinal))
            settings.GetOrCreateValue(transaction).Add(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Keep(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    void Keep(DbCommand command)
    {
        if (command is not NpgsqlCommand npgsql) return;
        // The settings go with the query that follows them (Npgsql reuses its transaction objects).
        var set = new List<string>();
        if (command.Transaction is { } transaction && settings.TryGetValue(transaction, out var list))
        {
            set.AddRange(list);
            settings.Remove(transaction);
        }
        commands.Enqueue(new Command(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray(), set));
    }

    // The plan PostgreSQL makes for a captured command with its own parameter values and settings, as EXPLAIN prints it.
    public static async Task<string> ExplainAsync(NpgsqlConnection connection, Command command)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in command.Settings)
        {
            await using var set = new NpgsqlCommand(statement, connection, transaction);
            await set.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN " + command.Sql, connection, transaction);
        explain.Parameters.AddRange(command.Parameters.Select(p => p.Clone()).ToArray());
        var lines = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        await transaction.RollbackAsync();
        return string.Join('\n', lines);
    }
}
