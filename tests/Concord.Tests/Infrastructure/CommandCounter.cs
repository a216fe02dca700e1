using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Concord.Tests.Infrastructure;

// Counts the statements the app sends, as the database receives them: every command, and the BEGIN and the
// COMMIT (or ROLLBACK) of a transaction that holds one. What the background services send (the job queue's poll, a
// daily job's run), on their own clock, is left out, with its transactions.
public sealed class CommandCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    readonly ConcurrentQueue<string> texts = new();
    // Transactions begun, and whether a command counted here ran in them (Npgsql reuses its transaction objects,
    // so each is forgotten when it ends).
    readonly ConcurrentDictionary<DbTransaction, bool> open = new();

    public int Count => texts.Count;
    public IEnumerable<string> Texts => texts;
    public void Clear() => texts.Clear();

    void Add(DbCommand command)
    {
        if (Concord.Features.Jobs.BackgroundWork.IsCurrent) return;
        if (command.Transaction is { } transaction && open.TryGetValue(transaction, out var counted) && !counted)
        {
            open[transaction] = true;
            texts.Enqueue("BEGIN");
        }
        texts.Enqueue(command.CommandText);
    }

    void End(DbTransaction transaction, string statement)
    {
        if (open.TryRemove(transaction, out var counted) && counted) texts.Enqueue(statement);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) { Add(command); return result; }
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) { Add(command); return ValueTask.FromResult(result); }
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) { Add(command); return result; }
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) { Add(command); return ValueTask.FromResult(result); }
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) { Add(command); return result; }
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) { Add(command); return ValueTask.FromResult(result); }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result) { open[result] = false; return result; }
    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default) { open[result] = false; return ValueTask.FromResult(result); }
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction, "COMMIT");
    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) { End(transaction, "COMMIT"); return Task.CompletedTask; }
    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(transaction, "ROLLBACK");
    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) { End(transaction, "ROLLBACK"); return Task.CompletedTask; }
}
