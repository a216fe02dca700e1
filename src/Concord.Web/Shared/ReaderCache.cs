using Concord.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Concord.Shared;

// Figures read from many records (the home page's overdue and plan counts, the commitments list's filter choices),
// kept in memory per visibility class: the three things the visibility filter reads of a viewer (sees all, signed in,
// the side), so two readers share an answer only when the filter would give them the same rows, and a reader never
// gets a count that includes records of the other side's they may not see. (The translation queue's counts are kept
// in the database instead, right on every instance: Features/Translations/TranslationCounts.cs.)
//
// An answer is dropped at the next save of any record on this instance (ConcordDb bumps Generation after
// the save is committed, withdrawals and imports included, since they save through it), and after at most
// Lifetime in any case: another instance's saves and bulk SQL do not pass through this one's ConcordDb.
public static class ReaderCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    static int generation;
    public static int Generation => Volatile.Read(ref generation);
    public static void Changed() => Interlocked.Increment(ref generation);

    // One computation per key at a time: when an answer expires under load, the readers arriving meanwhile wait
    // for it instead of each running the same counts over millions of rows at once (16 readers at 500,000
    // commitments each took seconds when they all counted). Striped, so the locks stay few.
    // Hence a rule: a computation given to GetAsync must not call GetAsync itself. The locks are not reentrant, and
    // two keys on one stripe would wait on each other for ever.
    static readonly SemaphoreSlim[] Locks = [.. Enumerable.Range(0, 32).Select(_ => new SemaphoreSlim(1, 1))];

    public static async Task<T> GetAsync<T>(IMemoryCache cache, ConcordDb db, string what, object? variant, Func<Task<T>> compute)
    {
        // Read before computing: a save committed meanwhile bumps it, so this answer is never kept under the newer one.
        var key = (what, variant, Generation, db.ViewerSeesAll, db.ViewerSignedIn, db.ViewerSignedIn ? db.ViewerCountry : null);
        if (cache.TryGetValue(key, out T? cached) && cached is not null) return cached;
        var gate = Locks[(key.GetHashCode() & int.MaxValue) % Locks.Length];
        await gate.WaitAsync();
        try
        {
            if (cache.TryGetValue(key, out cached) && cached is not null) return cached;
            var value = await compute();
            cache.Set(key, value, Lifetime);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }
}
