using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Concord.Tests.Infrastructure;
using SqliteConnection = Microsoft.Data.Sqlite.SqliteConnection;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// `backup` and `restore` on the embedded SQLite database, run as the real program: a backup of a
// database holding the demo history, restored into a new file, has every table with the same rows.
public class BackupTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task ABackupRestoredIntoAFreshDatabaseHasEveryTableWithTheSameRows()
    {
        var source = await factory.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var folder = Directory.CreateTempSubdirectory("concord-backup-").FullName;
        try
        {
            var backup = Path.Combine(folder, "concord-backup.db");
            var restored = Path.Combine(folder, "restored.db");
            Assert.Equal(0, await RunAsync(source, "backup", backup));
            // A second backup to the same file is refused rather than overwriting it.
            Assert.NotEqual(0, await RunAsync(source, "backup", backup));
            Assert.Equal(0, await RunAsync($"Data Source={restored}", "restore", backup));

            var before = await TablesAsync(source);
            var after = await TablesAsync($"Data Source={restored}");
            Assert.Contains(before, t => t.Key == "Commitments" && t.Value.Rows > 0);
            Assert.Equal(before, after);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static async Task<int> RunAsync(string connection, params string[] args) =>
        (await StartupChecksTests.RunAsync(args, ("ASPNETCORE_ENVIRONMENT", "Development"), ("ConnectionStrings__Concord", connection))).Exit;

    // Each table's row count and a SHA-256 of its rows in a fixed order (every column, as text).
    internal static async Task<SortedDictionary<string, (long Rows, string Checksum)>> TablesAsync(string connectionString)
    {
        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i =>
                    reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i) is byte[] bytes ? Convert.ToHexString(bytes) : reader.GetValue(i), CultureInfo.InvariantCulture))));
            result[table] = Summarise(rows);
        }
        return result;
    }

    // A table's row count and a SHA-256 of its rows (each already written as one line of text), sorted.
    internal static (long Rows, string Checksum) Summarise(List<string> rows)
    {
        rows.Sort(StringComparer.Ordinal);
        return (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
    }
}
