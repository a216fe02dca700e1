using System.Text.Json;
using System.Text.Json.Serialization;
using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Import;

public enum ImportState
{
    // Read and judged; nothing saved yet.
    Previewed,
    Saved,
    // Not confirmed within Import:KeepPreviewsFor: its rows were cleared by the daily clean-up (ExpiredPreviews) and
    // nothing from it was saved. The file name, hash and counts stay, so the list of imports still shows it.
    Expired,
}

// An uploaded template: the rows as read from the file and the verdict on each, kept so that the confirmation
// saves what the preview showed (judged again against the record as it is then), never what a form sends back.
public sealed class ReportImport
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public string FileName { get; set; } = "";
    // SHA-256 of the file, hex: the same file uploaded again is recognised.
    public string Sha256 { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public ImportState State { get; set; }
    public DateTime? SavedAt { get; set; }
    public int Creates { get; set; }
    public int Updates { get; set; }
    public int Unchanged { get; set; }
    public int Skipped { get; set; }
    public int Refused { get; set; }
    // JSON: the ImportRow list.
    public string Rows { get; set; } = "[]";

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Kept in the database, never written into a page: the default encoder wrote each Vietnamese or Lao letter as
        // \uXXXX, six characters for one (45 million characters for the rows of a 100,000-row file).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public List<ImportRow> ReadRows() => JsonSerializer.Deserialize<List<ImportRow>>(Rows, Json) ?? [];

    // The rows, read once, and their JSON let go: a confirmation of 100,000 rows would otherwise hold both while it
    // saves (the text alone is 40 MB in memory).
    public List<ImportRow> TakeRows()
    {
        var rows = ReadRows();
        Rows = "";
        return rows;
    }

    public static string Serialize(List<ImportRow> rows) => JsonSerializer.Serialize(rows, Json);

    public sealed record Counts(int Creates, int Updates, int Unchanged, int Skipped, int Refused);

    public static Counts Count(List<ImportRow> rows)
    {
        int creates = 0, updates = 0, unchanged = 0, skipped = 0, refused = 0;
        foreach (var row in rows)
            switch (row.Verdict)
            {
                case RowVerdict.Create: creates++; break;
                case RowVerdict.Update: updates++; break;
                case RowVerdict.Unchanged: unchanged++; break;
                case RowVerdict.Skipped: skipped++; break;
                case RowVerdict.Refused: refused++; break;
            }
        return new(creates, updates, unchanged, skipped, refused);
    }

    public void Judged(List<ImportRow> rows)
    {
        Rows = Serialize(rows);
        (Creates, Updates, Unchanged, Skipped, Refused) = Count(rows);
    }
}

public enum RowVerdict
{
    Create,
    Update,
    // The report already says what the row says (an unedited export, or a file imported before).
    Unchanged,
    // Nothing filled in: no status, narrative or figure.
    Skipped,
    Refused,
}

// One row of the file, its verdict, and why (a string key, the column it concerns, and the key's arguments).
public sealed class ImportRow
{
    public int Line { get; set; }
    public string?[] Cells { get; set; } = [];
    public string? FormulaCell { get; set; }
    public RowVerdict Verdict { get; set; }
    public string? Reason { get; set; }
    public string? Column { get; set; }
    public string[]? Args { get; set; }
    // The report the row updates (or, refused as stale, the report it met). The reports an import created are listed
    // in its audit entry.
    public int? ReportId { get; set; }

    public string? Cell(int column) => column < Cells.Length ? Cells[column] : null;
}

sealed class ReportImportMapping : IEntityTypeConfiguration<ReportImport>
{
    public void Configure(EntityTypeBuilder<ReportImport> e)
    {
        e.Property(x => x.FileName).HasMaxLength(300);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.AccountId, x.Id });
        e.HasIndex(x => x.Sha256);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
