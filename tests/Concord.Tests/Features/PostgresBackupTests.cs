using System.Diagnostics;
using Concord.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Npgsql;

namespace Concord.Tests.Features;

// The README's PostgreSQL backup, word for word: its pg_dump, createdb and pg_restore lines are read from
// README.md ("Backup and restore") and run with only the server, the accounts, the database names and the
// file put in, against a database holding the demo history. The restored database has every table with
// the same rows (the comparison of BackupTests), the same sequences, triggers and extensions.
// Attachments are not covered: they do not exist yet. When they do (a folder store), their folder must be
// backed up beside the dump, and this test should restore both.
public class PostgresBackupTests
{
    [Fact]
    public async Task TheReadmesDumpRestoredIntoAFreshDatabaseHasEveryTableWithTheSameRows()
    {
        var server = new NpgsqlConnectionStringBuilder(PostgresFactory.ServerAddress);
        var source = $"concord_backup_{Guid.NewGuid():N}";
        var restored = $"{source}_restored";
        var folder = Directory.CreateTempSubdirectory("concord-pgbackup-").FullName;
        await DatabaseTemplate.CopyPostgresAsync(source);
        try
        {
            var (dumpLine, createLine, restoreLine) = ReadmeCommands();
            string Put(string line) => Regex.Replace(line, @"(?<=\s|^)(--host|--port|--username|--owner|--dbname)=(\S+)|(?<=\s)concord_restored(?=\s|$)", m => m.Groups[1].Value switch
            {
                "--host" => $"--host={server.Host}",
                "--port" => $"--port={server.Port}",
                "--username" or "--owner" => $"{m.Groups[1].Value}={server.Username}",
                "--dbname" => $"--dbname={(m.Groups[2].Value == "concord" ? source : restored)}",
                _ => restored,
            });

            // The dump's name is the README's own (concord-$(date +%F).dump, made in the working folder);
            // the restore reads that file instead of the example date.
            await RunAsync(Put(dumpLine), folder);
            var dump = Assert.Single(Directory.GetFiles(folder, "concord-*.dump"));
            Assert.Equal($"concord-{DateTime.Now:yyyy-MM-dd}.dump", Path.GetFileName(dump));
            await RunAsync(Put(createLine), folder);
            await RunAsync(Regex.Replace(Put(restoreLine), @"concord-\d{4}-\d{2}-\d{2}\.dump$", Path.GetFileName(dump)), folder);

            var before = await DatabaseAsync(source);
            var after = await DatabaseAsync(restored);
            Assert.Contains(before.Tables, t => t.Key == "Commitments" && t.Value.Rows > 0);
            Assert.Contains(before.Tables, t => t.Key == "AspNetUsers" && t.Value.Rows > 0);
            Assert.Equal(before.Tables, after.Tables);
            Assert.Equal(before.Sequences, after.Sequences);
            Assert.NotEmpty(before.Triggers);
            Assert.Equal(before.Triggers, after.Triggers);
            Assert.Contains("pg_trgm", after.Extensions);
            Assert.Equal(before.Extensions, after.Extensions);
            Assert.Equal(before.Collation, after.Collation);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresFactory.ServerAddress);
            await connection.OpenAsync();
            foreach (var database in new[] { source, restored })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    // The three command lines of README.md, as an operator would paste them.
    static (string Dump, string Create, string Restore) ReadmeCommands()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found"), "README.md"));
        string Line(string tool) => lines.Single(l => l.StartsWith(tool + " ", StringComparison.Ordinal));
        return (Line("pg_dump"), Line("createdb"), Line("pg_restore"));
    }

    // The client tools of the newest PostgreSQL installed (where scripts/postgres.sh finds the server's)
    // first on the PATH; Debian's /usr/bin wrappers want a configured cluster.
    static string ToolFolder() =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .OrderBy(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, "bin")).Last();

    // The line through bash, as typed at a prompt ($(date +%F) included).
    static async Task RunAsync(string line, string folder)
    {
        var start = new ProcessStartInfo("bash", ["-c", line]) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = ToolFolder() + ":" + start.Environment["PATH"];
        start.Environment.Remove("PGPASSWORD");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{line} exited with {process.ExitCode}: {await output}{await error}");
    }

    sealed record Snapshot(
        SortedDictionary<string, (long Rows, string Checksum)> Tables,
        List<string> Sequences, List<string> Triggers, List<string> Extensions, string Collation);

    // Each table's row count and checksum (a row written as PostgreSQL's own text of it), plus what the
    // rows alone do not show: where each sequence stands, the audit's append-only triggers, the extensions.
    static async Task<Snapshot> DatabaseAsync(string database)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresFactory.ServerAddress) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in await ColumnAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
            tables[table] = BackupTests.Summarise(await ColumnAsync(connection, $"SELECT t::text FROM public.\"{table}\" t"));
        return new Snapshot(
            tables,
            await ColumnAsync(connection, "SELECT sequencename || '=' || coalesce(last_value::text, 'unused') FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1"),
            await ColumnAsync(connection, "SELECT tgrelid::regclass::text || '.' || tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"),
            await ColumnAsync(connection, "SELECT extname FROM pg_extension ORDER BY 1"),
            (await ColumnAsync(connection, "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate FROM pg_database WHERE datname = current_database()")).Single());
    }

    static async Task<List<string>> ColumnAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
