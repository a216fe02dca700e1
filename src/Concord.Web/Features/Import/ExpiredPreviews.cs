using Concord.Data;
using Concord.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Import;

// The daily clean-up of previews nobody confirmed (queued once a day by RecurringJobs, whichever instance looks
// first, and run as the system): older than Import:KeepPreviewsFor, a preview's kept rows are cleared and it is marked
// Expired. Nothing from it was saved, so nothing else changes; its page says so and offers no confirmation.
public sealed class ExpiredPreviews(ConcordDb db, IOptions<ImportOptions> options) : IJobHandler
{
    public const string Kind = "import-previews-expire";
    // In the night of the programme's calendar (UTC+7), away from the reminders' morning.
    public static readonly TimeOnly At = new(2, 0);

    public async Task RunAsync(JobRun run, CancellationToken ct) => await ExpireAsync(db, options.Value.KeepPreviewsFor, ct);

    // One statement, whatever the number of previews. It changes only previews still unconfirmed: a confirmation
    // claims its import by the same condition (ImportPlan.SaveAsync), so of the two only one changes the row.
    public static Task<int> ExpireAsync(ConcordDb db, TimeSpan keep, CancellationToken ct)
    {
        var before = db.Clock.GetUtcNow().UtcDateTime - keep;
        return db.ReportImports.Where(i => i.State == ImportState.Previewed && i.CreatedAt < before)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, ImportState.Expired).SetProperty(i => i.Rows, "[]"), ct);
    }
}
