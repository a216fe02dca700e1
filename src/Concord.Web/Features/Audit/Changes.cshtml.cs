using System.Globalization;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Attachments;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Audit;

// Every record change, across all records, for administrators: what the history tab shows for one
// record, here for the whole database.
[Authorize(Policy = Access.Administer)]
public class ChangesModel(ConcordDb db, IStringLocalizer t, SecurityLog log, CurrentUser viewer) : LogPage(t)
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }
    public List<AuditView.Row> Rows { get; private set; } = [];
    public override string BasePath => "/admin/changes";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadTypeAndFilters()) return Page();
        var query = await FilteredAsync(ct);
        if (After is { } last) query = query.Where(e => e.Id < last);
        var entries = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        if (entries.Count > PageSize)
        {
            entries.RemoveAt(PageSize);
            Next = entries[^1].Id.ToString(CultureInfo.InvariantCulture);
        }
        Rows = await AuditView.ReadAsync(db, Strings, entries, ct);
        return Page();
    }

    // /admin/changes/export: every filtered change, its values as the trail recorded them (JSON).
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!ReadTypeAndFilters()) return Page();
        await log.RecordAsync(SecurityEventKind.AuditExported, viewer.AccountId, null, DescribeFilters("changes", ("type", Type)));
        var rows = (await FilteredAsync(ct)).OrderByDescending(e => e.Id).AsAsyncEnumerable().Select(e => new string?[]
        {
            AuditTime.Iso(e.At), e.RecordType, e.RecordId.ToString(CultureInfo.InvariantCulture), e.Action.ToString(),
            e.AccountId?.ToString(CultureInfo.InvariantCulture), e.ActorName, e.Changes,
        });
        return await CsvAsync("changes", [Strings["Audit.Csv.TimeUtc"], Strings["Audit.RecordType"], Strings["Audit.Csv.RecordId"], Strings["Audit.Csv.Action"], Strings["Audit.Csv.AccountId"], Strings["Audit.Who"], Strings["Audit.Changes"]], rows, ct);
    }

    bool ReadTypeAndFilters()
    {
        if (Type is not null && !AuditView.RecordTypes.Contains(Type)) ModelState.AddModelError(nameof(Type), Strings["Validation.UnknownChoice"]);
        return ReadFilters();
    }

    async Task<IQueryable<AuditEntry>> FilteredAsync(CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (Type is not null) query = query.Where(e => e.RecordType == Type);
        if (AccountTerm is { } account)
        {
            var ids = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.ToLower().Contains(account))
                .Select(u => u.Id).Take(500).ToListAsync(ct);
            query = query.Where(e => e.AccountId != null && ids.Contains(e.AccountId.Value));
        }
        if (FromUtc is { } from) query = query.Where(e => e.At >= from);
        if (ToUtc is { } to) query = query.Where(e => e.At < to);
        return VisibleOnly(query);
    }

    // An administrator of one side does not read, through the log, the values of records restricted to
    // the other side: a change shows only when its record is visible to the reader (the query filter
    // decides), or, once the record is deleted, when its last values did not restrict it to the other side.
    IQueryable<AuditEntry> VisibleOnly(IQueryable<AuditEntry> query)
    {
        if (viewer.IsSystem) return query;
        var restricted = "\"Visibility\":[\"Restricted\"";
        var ownSide = $"\"RestrictedTo\":[\"{viewer.Country}\"";
        // An attachment is as visible as its record.
        var attachments = AttachmentOwners.Visible(db);
        return query.Where(e =>
            (e.RecordType != nameof(Instrument) || db.Instruments.Any(x => x.Id == e.RecordId))
            && (e.RecordType != nameof(Meeting) || db.Meetings.Any(x => x.Id == e.RecordId))
            && (e.RecordType != nameof(Commitment) || db.Commitments.Any(x => x.Id == e.RecordId))
            && (e.RecordType != nameof(ProgressReport) || db.ProgressReports.Any(x => x.Id == e.RecordId))
            && (e.RecordType != nameof(Activity) || db.Activities.Any(x => x.Id == e.RecordId))
            && (e.RecordType != nameof(Attachment) || attachments.Any(x => x.Id == e.RecordId))
            || (e.Action == AuditAction.Deleted && (!e.Changes.Contains(restricted) || e.Changes.Contains(ownSide))));
    }
}
