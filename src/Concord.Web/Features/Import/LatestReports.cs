using Concord.Shared;

namespace Concord.Features.Import;

// This side's latest report on a commitment in a period: what a template row carries, and what a row without a report
// id updates. Read one period at a time, for the commitments in chunks of ids, so that each lookup goes by commitment
// and period (an index) and no report of another period is read; the latest is the last reported, then the highest id.
// The caller's query chooses the reports (its side, their visibility) and the columns it needs.
static class LatestReports
{
    public interface IReport
    {
        int Id { get; }
        int CommitmentId { get; }
        DateOnly ReportedOn { get; }
    }

    const int Chunk = 1000;

    public static async Task<Dictionary<(int Commitment, Period Period), T>> FindAsync<T>(
        IEnumerable<(int Commitment, Period Period)> wanted, Func<int[], Period, Task<List<T>>> reportsIn) where T : IReport
    {
        var latest = new Dictionary<(int, Period), T>();
        foreach (var group in wanted.GroupBy(x => x.Period, x => x.Commitment))
            foreach (var chunk in group.Distinct().Chunk(Chunk))
                foreach (var r in await reportsIn(chunk, group.Key))
                {
                    var key = (r.CommitmentId, group.Key);
                    if (!latest.TryGetValue(key, out var held) || (r.ReportedOn, r.Id).CompareTo((held.ReportedOn, held.Id)) > 0) latest[key] = r;
                }
        return latest;
    }
}
