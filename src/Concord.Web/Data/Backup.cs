using Concord.Features.Attachments;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Data;

// `backup <file>` and `restore <file>` for the embedded SQLite database, run beside the app's own
// settings (ConnectionStrings__Concord). PostgreSQL is backed up with pg_dump and pg_restore (README).
// The attachments' folder goes with the database: a backup `x.db` has its files in `x-attachments` beside it.
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
        var attachments = scope.ServiceProvider.GetRequiredService<IOptions<AttachmentOptions>>().Value;
        var filesBeside = AttachmentsBeside(file);
        if (verb == "backup")
        {
            if (File.Exists(file) || Directory.Exists(filesBeside))
            {
                await Console.Error.WriteLineAsync($"{file} or {filesBeside} exists already; a backup never overwrites a file.");
                return 1;
            }
            await BackupSqliteAsync(connection, file);
            await Console.Out.WriteLineAsync($"Backed up to {file}");
            // After the database: every file a row of the copy names was written before its row, so it is there.
            if (attachments.UsesS3)
                await Console.Out.WriteLineAsync($"Attachments are in the object store (bucket {attachments.S3.Bucket}); back that up with the store's own tools.");
            else
                await Console.Out.WriteLineAsync($"Copied {CopyFiles(attachments.Folder!, filesBeside)} attachment files to {filesBeside}");
            return 0;
        }
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file} does not exist.");
            return 1;
        }
        await RestoreSqliteAsync(file, connection);
        await Console.Out.WriteLineAsync($"Restored {file} into {new SqliteConnectionStringBuilder(connection).DataSource}");
        if (!attachments.UsesS3 && Directory.Exists(filesBeside))
            await Console.Out.WriteLineAsync($"Restored {CopyFiles(filesBeside, attachments.Folder!)} attachment files into {attachments.Folder}");
        return 0;
    }

    // concord-2026-12-02.db -> concord-2026-12-02-attachments, as the app's own folder sits beside concord.db.
    public static string AttachmentsBeside(string databaseFile) =>
        Path.Combine(Path.GetDirectoryName(databaseFile)!, Path.GetFileNameWithoutExtension(databaseFile) + "-attachments");

    // Every stored file, in its sub-folder; a file still being written (.partial) has no row yet.
    static int CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from)) return 0;
        var count = 0;
        foreach (var source in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (source.EndsWith(".partial", StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, Path.GetRelativePath(from, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            count++;
        }
        return count;
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
