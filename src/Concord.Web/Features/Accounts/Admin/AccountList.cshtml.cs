using System.Globalization;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Accounts.Admin;

// Every account, 50 to a page, filtered by side, role, status and words. Accounts are counted in
// hundreds, not millions: the text filter runs in memory on folded text, so "dao" finds "Đào" on both
// databases (SQLite's lower() knows only ASCII, and Account has no folded search column).
[Authorize(Policy = Access.Administer)]
public class AccountListModel(ConcordDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public AccountFilter Filter { get; set; } = new();
    public Page<Row> Results { get; private set; } = new([], null);

    public sealed class AccountFilter
    {
        // VN, LA, or "other" (third parties).
        public string? Side { get; set; }
        public Role? Role { get; set; }
        // active, invited (no password yet), locked, disabled.
        public string? Status { get; set; }
        public string? Q { get; set; }
        public string? After { get; set; }
    }

    public sealed record Row(int Id, string DisplayName, string? Email, LocalizedText OrganisationName, string? OrganisationAbbreviation,
        string Country, Role Role, bool TwoFactor, bool Disabled, bool Invited, DateTimeOffset? LockoutEnd, DateTime? LastSignInAt)
    {
        public bool LockedAt(DateTime now) => LockoutEnd is { } end && end.UtcDateTime > now;
    }

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var query = db.Users.AsNoTracking();
        query = Filter.Side switch
        {
            "VN" or "LA" => query.Where(a => a.Country == Filter.Side),
            "other" => query.Where(a => a.Country != "VN" && a.Country != "LA"),
            _ => query,
        };
        if (Filter.Role is { } role) query = query.Where(a => a.Role == role);
        query = Filter.Status switch
        {
            "active" => query.Where(a => !a.IsDisabled && a.PasswordHash != null),
            "invited" => query.Where(a => !a.IsDisabled && a.PasswordHash == null),
            "disabled" => query.Where(a => a.IsDisabled),
            // The lockout's end is compared below: SQLite cannot compare DateTimeOffset values in SQL.
            "locked" => query.Where(a => !a.IsDisabled && a.LockoutEnd != null),
            _ => query,
        };
        var rows = await query
            .Select(a => new Row(a.Id, a.DisplayName, a.Email, a.Organisation.Name, a.Organisation.Abbreviation, a.Country, a.Role,
                a.TwoFactorEnabled, a.IsDisabled, a.PasswordHash == null, a.LockoutEnd, a.LastSignInAt))
            .ToListAsync(ct);
        IEnumerable<Row> found = rows;
        if (Filter.Status == "locked") found = found.Where(r => r.LockedAt(Now));
        if (TextFolding.Fold(Filter.Q) is { Length: > 0 } words)
            found = found.Where(r => TextFolding.FoldAll([r.DisplayName, r.Email]).Contains(words, StringComparison.Ordinal));
        var sorted = found.OrderBy(r => r, Order).ToList();
        if (Cursor.TryDecode(Filter.After, out var afterName, out var afterId))
            sorted = [.. sorted.Where(r => Order.Compare(r, r with { DisplayName = afterName, Id = afterId }) > 0)];
        var page = sorted.Take(PageSize).ToList();
        Results = new Page<Row>(page, sorted.Count > PageSize ? Cursor.Encode(page[^1].DisplayName, page[^1].Id) : null);
    }

    // By name as the reader's language sorts it, then by id so that the order is total.
    static readonly IComparer<Row> Order = Comparer<Row>.Create((a, b) =>
    {
        var byName = Collation.Current.Compare(a.DisplayName, b.DisplayName);
        return byName != 0 ? byName : a.Id.CompareTo(b.Id);
    });

    // Times in the programme's time zone (Hanoi and Vientiane, UTC+7), where every reader is.
    public static string When(DateTime? utc) =>
        utc is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).Add(ProgrammeCalendar.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : "";
}
