using System.Globalization;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Audit;

// The security log for administrators: sign-ins and their failures, denied access, role changes, token
// use. Read-only, like every audit page: nothing in Concord edits or deletes an event.
[Authorize(Policy = Access.Administer)]
public class SecurityModel(ConcordDb db, IStringLocalizer t, SecurityLog log, CurrentUser viewer) : LogPage(t)
{
    [BindProperty(SupportsGet = true)]
    public SecurityEventKind? Kind { get; set; }
    public List<SecurityEvent> Rows { get; private set; } = [];
    public override string BasePath => "/admin/security";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ReadFilters()) return Page();
        var query = Filtered();
        if (After is { } last) query = query.Where(e => e.Id < last);
        Rows = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        if (Rows.Count > PageSize)
        {
            Rows.RemoveAt(PageSize);
            Next = Rows[^1].Id.ToString(CultureInfo.InvariantCulture);
        }
        return Page();
    }

    // /admin/security/export: every row the filters select, not only one page.
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!ReadFilters()) return Page();
        await log.RecordAsync(SecurityEventKind.AuditExported, viewer.AccountId, null, DescribeFilters("security", ("kind", Kind?.ToString())));
        var rows = Filtered().OrderByDescending(e => e.Id).AsAsyncEnumerable().Select(e => new string?[]
        {
            AuditTime.Iso(e.At), e.Kind.ToString(), e.AccountId?.ToString(CultureInfo.InvariantCulture), e.UserName, e.IpAddress, e.Detail,
        });
        return await CsvAsync("security", [Strings["Audit.Csv.TimeUtc"], Strings["Audit.Kind"], Strings["Audit.Csv.AccountId"], Strings["Audit.Csv.UserName"], Strings["Audit.Ip"], Strings["Audit.Detail"]], rows, ct);
    }

    IQueryable<SecurityEvent> Filtered()
    {
        var query = db.SecurityEvents.AsNoTracking();
        if (Kind is { } kind) query = query.Where(e => e.Kind == kind);
        if (AccountTerm is { } account) query = query.Where(e => e.UserName != null && e.UserName.ToLower().Contains(account));
        if (FromUtc is { } from) query = query.Where(e => e.At >= from);
        if (ToUtc is { } to) query = query.Where(e => e.At < to);
        return query;
    }
}
