using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// A focal point's (or a coordinator's) work in the open rounds: for each round that asks their side, the
// covered commitments they report on — a focal point those their department, a unit under it or a body it
// succeeded leads (the rule of ReportAccess); a coordinator every one of their side — reported, missing or late.
public static class MyWork
{
    // Open rounds shown at once; a programme runs a handful at a time.
    const int MaxRounds = 20;

    public sealed record RoundSummary(int Id, LocalizedText Name, Period Period, DateOnly DueOn, int Owed, int Reported, bool Late)
    {
        public int Outstanding => Owed - Reported;
    }

    public sealed record Scope(string Side, IReadOnlyCollection<int>? Units);

    // Null for an account that writes no reports.
    public static async Task<Scope?> ScopeAsync(ConcordDb db, CurrentUser user, CancellationToken ct)
    {
        if (!Access.MayReport(user) || !Sides.IsKnown(user.Country)) return null;
        if (user.Role == Role.Coordinator) return new Scope(user.Country!, null);
        if (user.OrganisationId is not { } own) return null;
        return new Scope(user.Country!, await OrganisationScope.ExpandAsync(db, own, ct));
    }

    public static IQueryable<Round> OpenRoundsFor(ConcordDb db, string side) =>
        db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open && (r.Side == null || r.Side == side));

    // The open rounds a side answers, soonest due first, as many as a page or a feed shows.
    public static Task<List<Round>> ShownRoundsAsync(ConcordDb db, string side, CancellationToken ct) =>
        OpenRoundsFor(db, side).OrderBy(r => r.DueOn).ThenBy(r => r.Id).Take(MaxRounds).ToListAsync(ct);

    public static async Task<List<RoundSummary>> SummaryAsync(ConcordDb db, Scope scope, DateOnly today, CancellationToken ct)
    {
        var rounds = await ShownRoundsAsync(db, scope.Side, ct);
        var result = new List<RoundSummary>();
        foreach (var round in rounds)
        {
            var owed = RoundQueries.Owed(db, round, scope.Side, scope.Units);
            var count = await owed.CountAsync(ct);
            if (count == 0) continue;
            var reported = await RoundQueries.Received(db, round, owed, scope.Side).CountAsync(ct);
            result.Add(new RoundSummary(round.Id, round.Name, round.Period, round.DueOn, count, reported, RoundQueries.IsLate(round, today)));
        }
        return result;
    }

    // The report form for this commitment, its period set by the round, back to this list after saving.
    public static string ReportLink(int commitmentId, Round round, int? reportId) => reportId is { } existing
        ? $"/commitments/{commitmentId}/reports/{existing}/edit"
        : $"/commitments/{commitmentId}/reports/new?period={round.Period}";
}
