using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Import;

// /import/{id}: what an uploaded file would do, row by row, and its confirmation. The confirmation reads the rows
// kept with the import (never the form) and judges them again against the record as it is now: a row refused
// now, or a report saved by someone else meanwhile, stops the save and the preview shows why.
[Authorize(Policy = Access.Report)]
public class PreviewModel(ConcordDb db, CurrentUser user, StringCatalog strings, IStringLocalizer t, Microsoft.Extensions.Options.IOptions<ImportOptions> options) : PageModel
{
    // The message shown after a confirmation, as a string key.
    const string MessageKey = "Import";
    const string Saved = "Import.Saved", NotSavedRefused = "Import.NotSavedRefused", NothingToSave = "Import.NothingToSave";

    // Shown at most; refused rows first, so that what stops the save is on the first screen.
    public const int Shown = 500;

    public ReportImport Import { get; private set; } = null!;
    // Every row kept with the import (read once: 100,000 rows are tens of megabytes of JSON).
    List<ImportRow> all = [];
    public List<ImportRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public string? Message { get; private set; }
    public int KeptDays => (int)options.Value.KeepPreviewsFor.TotalDays;
    public bool CanSave => Import.State == ImportState.Previewed && Import.Refused == 0 && Import.Creates + Import.Updates > 0;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (TempData[MessageKey] is string message) Message = t[message];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Import.State != ImportState.Previewed) return Redirect($"/import/{id}");
        var outcome = await ImportPlan.ConfirmAsync(db, user, Import, all, strings, ct);
        // The daily clean-up may have expired the preview while it was judged again: the page says so, not "saved".
        if (outcome == ImportPlan.Outcome.AlreadySaved && await db.ReportImports.AnyAsync(i => i.Id == id && i.State == ImportState.Expired, ct))
            return Redirect($"/import/{id}");
        TempData[MessageKey] = outcome switch
        {
            ImportPlan.Outcome.Refused => NotSavedRefused,
            ImportPlan.Outcome.NothingToSave => NothingToSave,
            // AlreadySaved: another click or tab saved it a moment before, once; it is saved all the same.
            _ => Saved,
        };
        return Redirect($"/import/{id}");
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        // Only one's own imports: another account's id is not there.
        var import = await db.ReportImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.AccountId == user.AccountId, ct);
        if (import is null) return false;
        Import = import;
        all = import.TakeRows();
        Total = all.Count;
        Rows = [.. all.OrderBy(r => r.Verdict == RowVerdict.Refused ? 0 : 1).ThenBy(r => r.Line).Take(Shown)];
        return true;
    }

    public string Why(ImportRow row)
    {
        if (row.Reason is null) return "";
        var args = (row.Args ?? []).Cast<object>().ToArray();
        if (args.Length > 0 && row.Column is { } c && args[0] is "") args[0] = t[c].Value;
        var text = t[row.Reason, args].Value;
        return row.Column is { } column ? $"{t[column].Value}: {text}" : text;
    }
}
