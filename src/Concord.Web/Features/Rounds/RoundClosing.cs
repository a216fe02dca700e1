using Concord.Data;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// Closing a round freezes what it collected: every progress report it received (of the sides it asks, for
// its period, on the commitments it covers) is recorded as submitted in the round with its version then,
// so a later edit shows as a change after the round. In one transaction with the round's new state.
public static class RoundClosing
{
    const int Batch = 1000;

    // False when the round changed since `version` was read (nothing is saved then).
    public static async Task<bool> CloseAsync(ConcordDb db, int roundId, int version, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            var round = await db.Rounds.SingleAsync(r => r.Id == roundId, token);
            if (round.State == RoundState.Closed) return true;
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            db.SaveAgainstVersion(round, version);
            round.State = RoundState.Closed;
            round.ClosedAt = now;
            if (!await db.TrySaveAsync(token)) return false;
            // Every report the round received, whoever closes it: the freeze is the round's, not the reader's view.
            foreach (var side in round.Sides)
            {
                var owed = RoundQueries.Owed(db, round, side, all: true);
                var (start, end) = (round.PeriodStart, round.PeriodEnd);
                var reports = db.ProgressReports.IgnoreQueryFilters().AsNoTracking()
                    .Where(r => r.Country == side && r.PeriodStart == start && r.PeriodEnd == end && owed.Any(c => c.Id == r.CommitmentId));
                var after = 0;
                while (true)
                {
                    var page = await reports.Where(r => r.Id > after).OrderBy(r => r.Id).Take(Batch).Select(r => new { r.Id, r.Version }).ToListAsync(token);
                    if (page.Count == 0) break;
                    db.RoundSubmissions.AddRange(page.Select(r => new RoundSubmission { RoundId = roundId, ProgressReportId = r.Id, ReportVersion = r.Version, SubmittedAt = now }));
                    await db.SaveChangesAsync(token);
                    db.ChangeTracker.Clear();
                    after = page[^1].Id;
                }
            }
            await transaction.CommitAsync(token);
            return true;
        }, ct);
    }
}
