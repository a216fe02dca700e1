using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Withdrawals;

// The records a coordinator may withdraw, by the word in their address (/withdraw/instruments/5), with what
// the withdrawal pages need of each: its title, the list it leaves and the page it returns to on restore.
public sealed record WithdrawalTarget(string Kind, int Id, IWithdrawable Record, LocalizedText Title, string ListUrl, string PageUrl, string? ReportSide);

public static class WithdrawalTargets
{
    public static readonly string[] Kinds = ["instruments", "meetings", "commitments", "reports", "activities"];
    public const int ListCap = 200;

    // The record as this reader may see it (the visibility filter stays), tracked: live ones to withdraw,
    // withdrawn ones (withdrawn: true) to restore.
    public static async Task<WithdrawalTarget?> FindAsync(ConcordDb db, string kind, int id, bool withdrawn, CancellationToken ct) => kind switch
    {
        "instruments" => await Of(db.Instruments, withdrawn).Where(x => x.Id == id).Select(x => new WithdrawalTarget(kind, x.Id, x, x.Title, "/instruments", $"/instruments/{x.Id}", null)).SingleOrDefaultAsync(ct),
        "meetings" => await Of(db.Meetings, withdrawn).Where(x => x.Id == id).Select(x => new WithdrawalTarget(kind, x.Id, x, x.Title, "/meetings", $"/meetings/{x.Id}", null)).SingleOrDefaultAsync(ct),
        "commitments" => await Of(db.Commitments, withdrawn).Where(x => x.Id == id).Select(x => new WithdrawalTarget(kind, x.Id, x, x.Text, "/commitments", $"/commitments/{x.Id}", null)).SingleOrDefaultAsync(ct),
        "reports" => await Of(db.ProgressReports, withdrawn).Where(x => x.Id == id).Select(x => new WithdrawalTarget(kind, x.Id, x, x.Narrative, $"/commitments/{x.CommitmentId}", $"/commitments/{x.CommitmentId}", x.Country)).SingleOrDefaultAsync(ct),
        "activities" => await Of(db.Activities, withdrawn).Where(x => x.Id == id).Select(x => new WithdrawalTarget(kind, x.Id, x, x.Title, "/activities", $"/activities/{x.Id}", null)).SingleOrDefaultAsync(ct),
        _ => null,
    };

    // Every withdrawn record this reader may see, newest first, up to ListCap of each kind.
    public static async Task<List<WithdrawalTarget>> WithdrawnAsync(ConcordDb db, CancellationToken ct)
    {
        var found = new List<WithdrawalTarget>();
        found.AddRange(await Of(db.Instruments, true).OrderByDescending(x => x.WithdrawnAt).Take(ListCap).AsNoTracking().Select(x => new WithdrawalTarget("instruments", x.Id, x, x.Title, "/instruments", $"/instruments/{x.Id}", null)).ToListAsync(ct));
        found.AddRange(await Of(db.Meetings, true).OrderByDescending(x => x.WithdrawnAt).Take(ListCap).AsNoTracking().Select(x => new WithdrawalTarget("meetings", x.Id, x, x.Title, "/meetings", $"/meetings/{x.Id}", null)).ToListAsync(ct));
        found.AddRange(await Of(db.Commitments, true).OrderByDescending(x => x.WithdrawnAt).Take(ListCap).AsNoTracking().Select(x => new WithdrawalTarget("commitments", x.Id, x, x.Text, "/commitments", $"/commitments/{x.Id}", null)).ToListAsync(ct));
        found.AddRange(await Of(db.ProgressReports, true).OrderByDescending(x => x.WithdrawnAt).Take(ListCap).AsNoTracking().Select(x => new WithdrawalTarget("reports", x.Id, x, x.Narrative, $"/commitments/{x.CommitmentId}", $"/commitments/{x.CommitmentId}", x.Country)).ToListAsync(ct));
        found.AddRange(await Of(db.Activities, true).OrderByDescending(x => x.WithdrawnAt).Take(ListCap).AsNoTracking().Select(x => new WithdrawalTarget("activities", x.Id, x, x.Title, "/activities", $"/activities/{x.Id}", null)).ToListAsync(ct));
        return [.. found.OrderByDescending(t => t.Record.WithdrawnAt)];
    }

    static IQueryable<T> Of<T>(DbSet<T> set, bool withdrawn) where T : class, IWithdrawable =>
        withdrawn ? set.IgnoreQueryFilters([VisibilityRule.Withdrawn]).Where(x => x.WithdrawnAt != null) : set;

    // A coordinator withdraws what they may edit: any record, and the reports of their own side only.
    public static bool MayWithdraw(CurrentUser user, WithdrawalTarget target) =>
        Access.CanEditRecord(user) && (target.ReportSide is null || target.ReportSide == user.Country);

    // Only a coordinator of the side that withdrew a record brings it back.
    public static bool MayRestore(CurrentUser user, WithdrawalTarget target) =>
        Access.CanEditRecord(user) && target.Record.WithdrawnSide is { } side && side == user.Country;
}
