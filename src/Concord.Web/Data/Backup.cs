using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

// `backup <file>` and `restore <file>` for the embedded SQLite database, run beside the app's own
// settings (ConnectionStrings__Concord). PostgreSQL is backed up with pg_dump and pg_restore (README).
public static class Backup
{
    public static async Task<int> RunAsync(IServiceProvider services, string verb, string[] args)
    {
        if (args.Length != 1)
        {
            await Console.Error.WriteLineAsync($"Usage: {verb} <file>");
            return 2;
        }
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        if (db.IsPostgres)
        {
            await Console.Error.WriteLineAsync("On PostgreSQL use pg_dump and pg_restore (see README, \"Backup and restore\").");
            return 2;
        }
        var file = Path.GetFullPath(args[0]);
        var connection = db.Database.GetConnectionString()!;
        if (verb == "backup")
        {
            if (File.Exists(file))
            {
                await Console.Error.WriteLineAsync($"{file} exists already; a backup never overwrites a file.");
                return 1;
            }
            await BackupSqliteAsync(connection, file);
            await Console.Out.WriteLineAsync($"Backed up to {file}");
            return 0;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} does not exist.");
            return 1;
        }
        await RestoreSqliteAsync(file, connection);
        await Console.Out.WriteLineAsync($"Restored {file} into {new SqliteConnectionStringBuilder(connection).DataSource}");
        return 0;
    }

    // VACUUM INTO writes a consistent copy while the app keeps running (readers and writers included),
    // compacted, without the WAL: one file that opens on its own.
    public static async Task BackupSqliteAsync(string connectionString, string file)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO @file";
        command.Parameters.AddWithValue("@file", file);
        await command.ExecuteNonQueryAsync();
    }

    // SQLite's online backup API copies every page of the backup over the database named by the
    // connection string, which it replaces whole. Stop Concord first: a running app would keep
    // connections to the database being replaced.
    public static async Task RestoreSqliteAsync(string file, string connectionString)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
        await using var target = new SqliteConnection(connectionString);
        await source.OpenAsync();
        await target.OpenAsync();
        source.BackupDatabase(target);
    }
}
