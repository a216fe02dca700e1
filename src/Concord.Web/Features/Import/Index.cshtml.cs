using System.Security.Cryptography;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Concord.Features.Import;

// /import: the report template of a commitments list (the same filter as /commitments, or a meeting's minutes),
// in XLSX or CSV, and the upload of a filled one, which is read, judged and kept for the preview (/import/{id}).
[Authorize(Policy = Access.Report)]
public class IndexModel(ConcordDb db, CurrentUser user, StringCatalog strings, IOptions<ImportOptions> options, IStringLocalizer t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CommitmentFilter Filter { get; set; } = new();
    [BindProperty(SupportsGet = true)]
    public int? Meeting { get; set; }
    // Set by ImportSetup's limit when a body was larger than allowed, before it was read.
    [BindProperty(SupportsGet = true)]
    public string? Refused { get; set; }
    public string? FileError { get; private set; }
    public long MaxMegabytes => options.Value.MaxFileBytes / (1024 * 1024);
    public long MaxBytes => options.Value.MaxFileBytes;
    public List<Recent> Imports { get; private set; } = [];

    public sealed record Recent(int Id, string FileName, DateTime CreatedAt, ImportState State, int Creates, int Updates, int Refused);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Refused == "too-large") FileError = t["Import.Refused.TooLarge", MaxMegabytes];
        await LoadAsync(ct);
    }

    // The template of what the filter selects among the commitments this user may report on.
    public async Task<IActionResult> OnGetTemplateAsync(string? format, CancellationToken ct)
    {
        var lines = await ReportTemplate.LinesAsync(db, user, Filter, Meeting, options.Value.MaxRows, t, ct);
        var stream = new MemoryStream();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (csv) ReportTemplate.WriteCsv(stream, lines, t);
        else ReportTemplate.WriteXlsx(stream, lines, t);
        stream.Position = 0;
        var name = $"concord-reports-{db.Clock.Today():yyyy-MM-dd}.{(csv ? "csv" : "xlsx")}";
        return File(stream, csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0) FileError = t["Import.Refused.Empty"];
        else if (file.Length > options.Value.MaxFileBytes) FileError = t["Import.Refused.TooLarge", MaxMegabytes];
        if (FileError is not null)
        {
            await LoadAsync(ct);
            return Page();
        }
        var content = new byte[file!.Length];
        await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(content, ct);
        // Only the last part of the name a browser sends is kept, for display; it is never a path.
        var fileName = Path.GetFileName(file.FileName.Replace('\\', '/'));
        if (fileName.Length > 300) fileName = fileName[^300..];
        List<ImportRow> rows;
        try
        {
            rows = ImportPlan.FromLines(SheetReader.Read(content, fileName, TemplateColumns.Count, options.Value), strings);
        }
        catch (FileRefused refused)
        {
            FileError = t[refused.Key, refused.Args];
            await LoadAsync(ct);
            return Page();
        }
        var judgement = await ImportPlan.JudgeAsync(db, user, rows, strings, ct);
        var import = new ReportImport
        {
            AccountId = user.AccountId!.Value, FileName = fileName, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            CreatedAt = db.Clock.GetUtcNow().UtcDateTime, State = ImportState.Previewed,
        };
        import.Judged(judgement.Rows);
        db.ReportImports.Add(import);
        await db.SaveChangesAsync(ct);
        return Redirect($"/import/{import.Id}");
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Imports = await db.ReportImports.AsNoTracking().Where(i => i.AccountId == user.AccountId)
            .OrderByDescending(i => i.Id).Take(10)
            .Select(i => new Recent(i.Id, i.FileName, i.CreatedAt, i.State, i.Creates, i.Updates, i.Refused))
            .ToListAsync(ct);
    }

    public string TemplateUrl(string format)
    {
        var query = Request.Query.Where(q => q.Key is not ("handler" or "format" or "refused"))
            .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        return $"/import?handler=Template&format={format}" + string.Concat(query.Select(q => "&" + q));
    }
}
