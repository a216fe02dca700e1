using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Concord.Tests.Infrastructure;

// Keeps every query the app sends, with its parameter values, so that a test can ask PostgreSQL
// how it runs the app's own SQL rather than a copy written by hand.
public sealed class SqlCapture : DbCommandInterceptor
{
    public sealed record Command(string Sql, NpgsqlParameter[] Parameters);

    readonly ConcurrentQueue<Command> commands = new();

    public IReadOnlyList<Command> Commands => [.. commands];

    public void Clear() => commands.Clear();

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

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Keep(command);
        return ValueTask.FromResult(result);
    }

    void Keep(DbCommand command)
    {
        if (command is NpgsqlCommand npgsql)
            commands.Enqueue(new Command(npgsql.CommandText, npgsql.Parameters.Select(p => p.Clone()).ToArray()));
    }

    // The plan PostgreSQL makes for a captured command with its own parameter values, as EXPLAIN prints it.
    // Settings (name, value) apply to this EXPLAIN only.
    public static async Task<string> ExplainAsync(NpgsqlConnection connection, Command command, params (string Name, string Value)[] settings)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var (name, value) in settings)
        {
            await using var set = new NpgsqlCommand("SELECT set_config(@name, @value, true)", connection, transaction);
            set.Parameters.AddWithValue("name", name);
            set.Parameters.AddWithValue("value", value);
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
