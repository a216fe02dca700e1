namespace Concord.Features.Jobs;

// Marks the flows of the job worker and of the daily scheduler, which run beside the requests on their own clock:
// what a request sends to the database can then be told from what the background sends at the same moment (the
// tests' statement counts, which a reminder run queued at the evening hour of UTC+7 used to inflate).
public static class BackgroundWork
{
    static readonly AsyncLocal<bool> Marked = new();

    public static bool IsCurrent => Marked.Value;

    // Called first in a background service's ExecuteAsync: everything that flow awaits or starts carries the mark.
    internal static void MarkCurrent() => Marked.Value = true;
}
