using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Concord.Data;

// The statement part of a save of thousands of records of one kind (an import of reports), on PostgreSQL: the new
// records by one binary COPY, the changed ones by a COPY into a temporary table and one UPDATE that checks each
// record's version. EF writes one statement per record, which cost an import of 100,000 reports 20 s of its 31.
// Only the writing differs from an ordinary save: the values were decided by each record's input (RecordWrite),
// and the stamps, the audit entries and the translation counts are ConcordDb.SaveChangesAsync's own, run around
// this as around EF's statements. Like EF's save it leaves the entries as they are; the caller accepts them.
static class BulkSave
{
    // `alongside` runs on another thread while the rows are copied, once every new record has its id; it must only read
    // the records and their entries, which nothing changes until the copy is done.
    public static async Task<int> WriteAsync(ConcordDb db, Action alongside, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        if (entries.Count == 0) return 0;
        var types = entries.Select(e => e.Metadata).Distinct().ToList();
        // Several tables would need EF's ordering of inserts by their foreign keys, and deletes its cascades: not needed
        // by what saves this way, so refused rather than half-done.
        if (types.Count != 1 || entries.Any(e => e.State is not (EntityState.Added or EntityState.Modified)))
            throw new NotSupportedException("A bulk save writes new and changed records of one kind only.");
        if (db.Database.CurrentTransaction?.GetDbTransaction() is not NpgsqlTransaction transaction)
            throw new InvalidOperationException("A bulk save runs inside the save's transaction on PostgreSQL.");
        var connection = transaction.Connection!;
        var table = CopyTable.For(db.Model, types[0].ClrType);
        var key = table.Entity.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } id] ? id
            : throw new NotSupportedException($"{table.Name} has no generated id of its own.");

        var added = entries.Where(e => e.State == EntityState.Added).ToList();
        var beside = Task.CompletedTask;
        try
        {
            await WriteRowsAsync();
        }
        finally
        {
            // Never left running after the save returns or fails.
            await beside;
        }
        return entries.Count;

        async Task WriteRowsAsync()
        {
            if (added.Count > 0)
            {
                // Ids from the table's own sequence, as the inserts EF sends would take them, given before the rows are written.
                var ids = new List<int>(added.Count);
                await using (var next = new NpgsqlCommand(
                    $"SELECT nextval(pg_get_serial_sequence('\"{table.Name}\"', '{key.GetColumnName()}'))::int FROM generate_series(1, @n)", connection, transaction))
                {
                    next.Parameters.AddWithValue("n", added.Count);
                    await using var reader = await next.ExecuteReaderAsync(ct);
                    while (await reader.ReadAsync(ct)) ids.Add(reader.GetInt32(0));
                }
                var defaults = Defaults(table);
                for (var i = 0; i < added.Count; i++)
                {
                    added[i].Property(key.Name).CurrentValue = ids[i];
                    ApplyDefaults(added[i], defaults);
                }
                beside = Task.Run(alongside, ct);
                await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
                foreach (var entry in added) table.WriteRow(importer, entry.Entity);
                await importer.CompleteAsync(ct);
            }

            var changed = entries.Where(e => e.State == EntityState.Modified).ToList();
            if (changed.Count > 0)
            {
                if (added.Count == 0) beside = Task.Run(alongside, ct);
                // The version each editor loaded, beside the new values: a row saved by someone else since matches no row.
                var tokens = table.Columns.Where(c => c.Property.IsConcurrencyToken).ToList();
                if (tokens.Any(t => t.Property.ClrType != typeof(int))) throw new NotSupportedException($"{table.Name}: only whole-number versions are checked.");
                var staging = $"bulk_{table.Name}";
                await Execute(connection, transaction,
                    $"DROP TABLE IF EXISTS pg_temp.\"{staging}\"; CREATE TEMP TABLE \"{staging}\" (LIKE \"{table.Name}\") ON COMMIT DROP; "
                    + string.Concat(tokens.Select(t => $"ALTER TABLE \"{staging}\" ADD COLUMN \"loaded_{t.Name}\" integer; ")), ct);
                await using (var importer = await connection.BeginBinaryImportAsync(
                    $"COPY \"{staging}\" ({table.ColumnList}{string.Concat(tokens.Select(t => $", \"loaded_{t.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct))
                {
                    foreach (var entry in changed)
                    {
                        table.WriteRow(importer, entry.Entity);
                        foreach (var token in tokens) importer.Write((int)entry.Property(token.Property.Name).OriginalValue!, NpgsqlTypes.NpgsqlDbType.Integer);
                    }
                    await importer.CompleteAsync(ct);
                }
                var keyColumn = key.GetColumnName();
                var set = string.Join(", ", table.Columns.Where(c => c.Name != keyColumn).Select(c => $"\"{c.Name}\" = s.\"{c.Name}\""));
                var match = string.Concat(tokens.Select(t => $" AND t.\"{t.Name}\" = s.\"loaded_{t.Name}\""));
                var updated = await Execute(connection, transaction,
                    $"UPDATE \"{table.Name}\" t SET {set} FROM \"{staging}\" s WHERE t.\"{keyColumn}\" = s.\"{keyColumn}\"{match}", ct);
                if (updated != changed.Count)
                    throw new DbUpdateConcurrencyException(
                        $"{changed.Count - updated} of {changed.Count} records of {table.Name} were changed by someone else since they were read.");
            }
        }
    }

    // What EF's insert leaves to the database: a property left at its type's default, that has a default of its own
    // in the model, takes that default (and the record shows it, as EF reads it back after an insert). Read from the
    // model once a save, not once a record.
    static List<(CopyTable.Column Column, object Fallback, object? TypeDefault)> Defaults(CopyTable table)
    {
        if (table.Columns.FirstOrDefault(c => c.Property.GetDefaultValueSql() is not null || c.Property.GetComputedColumnSql() is not null) is { } fromSql)
            throw new NotSupportedException($"{table.Name}.{fromSql.Name} takes its value from SQL, which a COPY does not run.");
        return [.. table.Columns
            .Where(c => c.Property.GetDefaultValue() is not null)
            .Select(c => (c, c.Property.GetDefaultValue()!, c.Property.ClrType.IsValueType ? Activator.CreateInstance(c.Property.ClrType) : null))];
    }

    static void ApplyDefaults(EntityEntry entry, List<(CopyTable.Column Column, object Fallback, object? TypeDefault)> defaults)
    {
        foreach (var (column, fallback, typeDefault) in defaults)
        {
            var current = column.Complex is { } complex ? entry.ComplexProperty(complex).Property(column.Property) : entry.Property(column.Property);
            if (Equals(current.CurrentValue, typeDefault)) current.CurrentValue = fallback;
        }
    }

    static async Task<int> Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(ct);
    }
}
