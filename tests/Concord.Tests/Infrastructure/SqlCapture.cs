using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Concord.Tests.Infrastructure;

// Keeps every query the app sends, with its parameter values and the planner settings made before it in its
// transaction (SET LOCAL, or set_config in a SELECT), so that a test can ask PostgreSQL how it runs the app's
// own SQL rather than a copy written by hand.
public sealed class SqlCapture : DbCommandInterceptor, IDbTransactionInterceptor
{
    public sealed record Command(string Sql, NpgsqlParameter[] Parameters, IReadOnlyList<string> Settings);

    readonly ConcurrentQueue<Command> commands = new();
    readonly ConditionalWeakTable<DbTransaction, List<string>> settings = new();

    public IReadOnlyList<Command> Commands => [.. commands];

    public void Clear() => commands.Clear();

    static bool IsSetting(string sql) => sql.StartsWith("SET LOCAL", StringComparison.Ordinal) || sql.Contains("set_config(", StringComparison.Ordinal);

    // Settings hold until their transaction ends; Npgsql reuses its transaction objects, so a new one starts bare.
    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        settings.Remove(result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (command.Transaction is { } transaction && IsSetting(command.CommandText))
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
        var set = new List<string>();
        if (command.Transaction is { } transaction)
        {
            if (settings.TryGetValue(transaction, out var list)) set.AddRange(list);
            if (IsSetting(command.CommandText)) settings.GetOrCreateValue(transaction).Add(command.CommandText);
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
