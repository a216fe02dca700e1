using Microsoft.EntityFrameworkCore;

namespace Concord.Shared;

// The ids a form or an API call chooses (parties, chairs, leads, linked records). A list is capped before it
// is looked up: SQLite takes at most 32,766 parameters in one statement, and no record has hundreds of chairs.
public static class IdList
{
    public const int Max = 200;

    // Adds an error for `field` unless the list is within its cap and every id names a record the reader may
    // see (the query filters of `records` apply, so a record of the other side reads as unknown).
    public static async Task CheckAsync<T>(Dictionary<string, string> errors, string field, IEnumerable<int> ids, IQueryable<T> records,
        CancellationToken ct, int max = Max, string unknown = "Validation.UnknownChoice") where T : Record
    {
        var distinct = ids.Distinct().ToList();
        if (distinct.Count > max) errors[field] = "Validation.TooMany";
        else if (distinct.Count > 0 && await records.CountAsync(r => distinct.Contains(r.Id), ct) != distinct.Count) errors[field] = unknown;
    }
}
