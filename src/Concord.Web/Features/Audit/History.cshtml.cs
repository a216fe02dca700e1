using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Attachments;
using Concord.Features.Commitments;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Audit;

// The history tab of every record: /instruments/5/history, /commitments/12/history, and a progress
// report's /commitments/12/reports/34/history (AuditSetup adds that address). Whoever may read the record
// may read its history; a record the reader may not see has no history either (404), whatever id is typed.
[Authorize(Policy = Access.SignedIn)]
public class HistoryModel(ConcordDb db, IStringLocalizer t) : PageModel
{
    public const int PageSize = 50;

    public AuditView.RecordRef Record { get; private set; } = null!;
    public List<AuditView.Row> Rows { get; private set; } = [];
    public string? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? feature, int id, int? commitmentId, long? after, CancellationToken ct)
    {
        var type = commitmentId is not null ? nameof(ProgressReport) : AuditView.Features.GetValueOrDefault(feature ?? "");
        if (type is null) return NotFound();
        var record = await AuditView.FindAsync(db, t, type, id, ct);
        if (record is null || (commitmentId is not null && record.OwnerId != commitmentId)) return NotFound();
        Record = record;

        // Newest first, keyset on the id: the next page starts below the last id shown.
        var query = db.AuditEntries.AsNoTracking().Where(e => e.RecordType == type && e.RecordId == id);
        // A record's attachments (uploads, withdrawals) are part of its history.
        if (Enum.TryParse<AttachmentKind>(type, out var kind))
        {
            var files = db.Attachments.Where(a => a.RecordType == kind && a.RecordId == id).Select(a => a.Id);
            query = db.AuditEntries.AsNoTracking()
                .Where(e => (e.RecordType == type && e.RecordId == id) || (e.RecordType == nameof(Attachment) && files.Contains(e.RecordId)));
        }
        if (after is { } last) query = query.Where(e => e.Id < last);
        var entries = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        if (entries.Count > PageSize)
        {
            entries.RemoveAt(PageSize);
            Next = entries[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Rows = await AuditView.ReadAsync(db, t, entries, ct);
        return Page();
    }
}
