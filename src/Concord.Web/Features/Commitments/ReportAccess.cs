using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// Whether this user may write a progress report of this side on this commitment (Access.CanReport),
// with the data the rule needs: the commitment's leads and the units a focal point answers for.
public static class ReportAccess
{
    public static async Task<bool> AllowsAsync(ConcordDb db, CurrentUser user, int commitmentId, string? country, CancellationToken ct)
    {
        if (!Access.MayReport(user) || country is null || user.Country != country) return false;
        if (user.Role == Role.Coordinator) return true;
        var leads = await db.CommitmentLeads.Where(l => l.CommitmentId == commitmentId && l.Country == country).Select(l => l.OrganisationId).ToListAsync(ct);
        if (leads.Count == 0 || user.OrganisationId is not { } own) return false;
        var units = await OrganisationScope.ExpandAsync(db, own, ct);
        return Access.CanReport(user, country, leads, units);
    }

    // A save of a report: the side it was saved for (null for a new report) and the side the user now gives it
    // must both be ones this user reports for. A side that is neither Vietnam nor Laos is the form's to refuse.
    public static async Task<bool> AllowsWriteAsync(ConcordDb db, CurrentUser user, int commitmentId, string? savedSide, string? requestedSide, CancellationToken ct)
    {
        if (savedSide is not null && !await AllowsAsync(db, user, commitmentId, savedSide, ct)) return false;
        var side = requestedSide?.Trim().ToUpperInvariant();
        return !Sides.IsKnown(side) || await AllowsAsync(db, user, commitmentId, side, ct);
    }

    // The sides a report form offers: those a save would allow (AllowsWriteAsync), so a form never offers a
    // choice that would be refused. A report already saved keeps its own side on the list.
    public static async Task<List<string>> SidesAsync(ConcordDb db, CurrentUser user, int commitmentId, string? savedSide, CancellationToken ct)
    {
        var sides = new List<string>();
        foreach (var side in Sides.All)
            if (side == savedSide || await AllowsWriteAsync(db, user, commitmentId, savedSide, side, ct)) sides.Add(side);
        return sides;
    }

    // The organisations a user may name as the reporter: any of their side's for a coordinator (null: no
    // narrowing beyond the side), a focal point's own department, the units under it and the bodies it succeeded.
    public static async Task<IReadOnlyCollection<int>?> ReportersAsync(ConcordDb db, CurrentUser user, CancellationToken ct) =>
        user.Role == Role.FocalPoint && user.OrganisationId is { } own ? await OrganisationScope.ExpandAsync(db, own, ct) : null;
}
