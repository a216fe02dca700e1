using System.Data.Common;
using Concord.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Concord.Data;

// Writes entities straight into their tables, millions of rows a minute: PostgreSQL's binary COPY,
// or SQLite's prepared INSERT, all in one transaction. The columns come from the EF model (CopyTable), so the
// load follows the entities as they change; the bookkeeping SaveChanges would do (version,
// timestamps, folded SearchText) is done here. Secondary indexes and foreign keys are dropped for
// the load and rebuilt once at the end (a rebuild is far cheaper than millions of index updates
// and key checks); DDL is transactional in both databases, so a failed load leaves nothing behind.
// The translation counts SaveChanges keeps (Features/Translations/TranslationCounts.cs) are emptied in the load's
// transaction and counted again after it: they are never wrong, and if the count does not happen, the next
// start makes it (an empty table means "never counted").
public sealed class BulkLoad : IAsyncDisposable
{
    readonly ConcordDb db;
    readonly DbConnection connection;
    readonly DbTransaction transaction;
    readonly DateTime now;
    readonly List<string> restore = [];
    readonly string? sqliteJournalMode;
    readonly HashSet<string> tables;
    readonly bool translatable;

    BulkLoad(ConcordDb db, DbConnection connection, DbTransaction transaction, DateTime now, string? sqliteJournalMode, HashSet<string> tables, bool translatable)
    {
        this.translatable = translatable;
        this.db = db;
        this.connection = connection;
        this.transaction = transaction;
        this.now = now;
        this.sqliteJournalMode = sqliteJournalMode;
        this.tables = tables;
    }

    public bool IsPostgres => db.IsPostgres;

    public static async Task<BulkLoad> BeginAsync(ConcordDb db, IEnumerable<Type> entities, DateTime now, CancellationToken ct)
    {
        var tables = entities.Select(t => db.Model.FindEntityType(t)!.GetTableName()!).ToHashSet();
        var translatable = entities.Any(t => typeof(ITranslatable).IsAssignableFrom(t));
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        string? journal = null;
        if (!db.IsPostgres)
        {
            journal = (string?)await Scalar(connection, null, "PRAGMA journal_mode", ct);
            // Checked once at the end with foreign_key_check instead of on every row.
            foreach (var pragma in new[] { "PRAGMA foreign_keys = OFF", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -400000", "PRAGMA temp_store = MEMORY" })
                await Execute(connection, null, pragma, ct);
        }
        var transaction = await connection.BeginTransactionAsync(ct);
        var load = new BulkLoad(db, connection, transaction, now, journal, tables, translatable);
        await load.DropIndexesAndKeysAsync(ct);
        return load;
    }

    async Task DropIndexesAndKeysAsync(CancellationToken ct)
    {
        var names = tables.ToArray();
        if (IsPostgres)
        {
            await Execute(connection, transaction, "SET LOCAL maintenance_work_mem = '1GB'", ct);
            var keys = await Rows(
                """
                SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY(@tables)
                """, names, ct);
            var indexes = await Rows(
                """
                SELECT '', quote_ident(i.indexname), i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))
                """, names, ct);
            foreach (var (table, name, definition) in keys)
            {
                await Execute(connection, transaction, $"ALTER TABLE {table} DROP CONSTRAINT {name}", ct);
                restore.Add($"ALTER TABLE {table} ADD CONSTRAINT {name} {definition}");
            }
            foreach (var (_, name, definition) in indexes)
            {
                await Execute(connection, transaction, $"DROP INDEX {name}", ct);
                restore.Insert(0, definition);
            }
        }
        else
        {
            var indexes = await Rows($"SELECT '', name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", names.Select(n => $"'{n}'"))})", null, ct);
            foreach (var (_, name, definition) in indexes)
            {
                await Execute(connection, transaction, $"DROP INDEX \"{name}\"", ct);
                restore.Add(definition);
            }
        }
    }

    // Rows are stamped and written as they come, so a stream of millions never sits in memory.
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, Action<long>? progress = null, CancellationToken ct = default) where T : class
    {
        var table = CopyTable.For(db.Model, typeof(T));
        if (!tables.Contains(table.Name)) throw new InvalidOperationException($"{table.Name} was not named when the load began.");
        long count = 0;
        if (IsPostgres)
        {
            var copy = $"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)";
            await using var importer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(copy, ct);
            importer.Timeout = TimeSpan.FromHours(2);
            foreach (var row in rows)
            {
                Stamp(row);
                table.WriteRow(importer, row);
                if (++count % 100_000 == 0) Progress(count, progress, ct);
            }
            await importer.CompleteAsync(ct);
        }
        else
        {
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table.Name}\" ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            var parameters = table.Columns.Select((_, i) => new SqliteParameter($"$p{i}", null)).ToArray();
            insert.Parameters.AddRange(parameters);
            insert.Prepare();
            foreach (var row in rows)
            {
                Stamp(row);
                for (var i = 0; i < parameters.Length; i++) parameters[i].Value = table.Columns[i].Get(row) ?? DBNull.Value;
                insert.ExecuteNonQuery();
                if (++count % 100_000 == 0) Progress(count, progress, ct);
            }
        }
        return count;
    }

    static void Progress(long count, Action<long>? progress, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        progress?.Invoke(count);
    }

    void Stamp(object row)
    {
        if (row is Record record)
        {
            record.Version = 1;
            if (record.CreatedAt == default) record.CreatedAt = now;
            if (record.UpdatedAt == default) record.UpdatedAt = record.CreatedAt;
        }
        if (row is ISearchable searchable) searchable.SearchText = TextFolding.FoldAll(searchable.SearchableTexts());
    }

    // Rebuilds what was dropped, checks every foreign key, moves the id sequences past the new rows, commits.
    public async Task CommitAsync(Action<string>? report, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var statement in restore) await Execute(connection, transaction, statement, ct);
        report?.Invoke($"indexes and foreign keys rebuilt in {started.Elapsed.TotalSeconds:0.0} s");
        if (IsPostgres)
        {
            foreach (var entity in db.Model.GetEntityTypes().Where(e => tables.Contains(e.GetTableName()!)))
                if (entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } id])
                    await Execute(connection, transaction,
                        $"SELECT setval(pg_get_serial_sequence('\"{entity.GetTableName()}\"', '{id.GetColumnName()}'), GREATEST((SELECT max(\"{id.GetColumnName()}\") FROM \"{entity.GetTableName()}\"), 1))", ct);
        }
        else
        {
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "PRAGMA foreign_key_check";
            await using var violations = await check.ExecuteReaderAsync(ct);
            if (await violations.ReadAsync(ct))
                throw new InvalidOperationException($"Foreign key violated: a row of {violations.GetString(0)} refers to a missing {violations.GetString(2)}.");
        }
        if (translatable) await Execute(connection, transaction, "DELETE FROM \"TranslationCounts\"", ct);
        await transaction.CommitAsync(ct);
        started.Restart();
        if (IsPostgres)
            foreach (var table in tables) await Execute(connection, null, $"VACUUM ANALYZE \"{table}\"", ct);
        else
        {
            await Execute(connection, null, "PRAGMA foreign_keys = ON", ct);
            await Execute(connection, null, $"PRAGMA journal_mode = {sqliteJournalMode ?? "DELETE"}", ct);
            await Execute(connection, null, "ANALYZE", ct);
        }
        report?.Invoke($"statistics updated in {started.Elapsed.TotalSeconds:0.0} s");
        if (translatable)
        {
            started.Restart();
            await Features.Translations.TranslationCounts.RecountAsync(db, ct);
            report?.Invoke($"translation counts made in {started.Elapsed.TotalSeconds:0.0} s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        if (!IsPostgres)
        {
            // After a failure the pragmas must not outlive the load on a pooled connection.
            await Execute(connection, null, "PRAGMA foreign_keys = ON", default);
            await Execute(connection, null, $"PRAGMA journal_mode = {sqliteJournalMode ?? "DELETE"}", default);
        }
        await db.Database.CloseConnectionAsync();
    }

    public async Task<long> DatabaseBytesAsync(CancellationToken ct) => IsPostgres
        ? (long)(await Scalar(connection, null, "SELECT pg_database_size(current_database())", ct))!
        : (long)(await Scalar(connection, null, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", ct))!;

    async Task<List<(string, string, string)>> Rows(string sql, string[]? tableNames, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (tableNames is not null) command.Parameters.Add(new NpgsqlParameter("tables", tableNames));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<(string, string, string)>();
        while (await reader.ReadAsync(ct)) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }

    static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // Index builds over millions of rows outlast any ordinary command timeout.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task<object?> Scalar(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
