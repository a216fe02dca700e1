using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// The instruments a commitment form or filter offers.
public static class CommitmentChoices
{
    // A programme's instruments number in the hundreds; a select offers the latest and the one already chosen.
    const int MaxInstruments = 300;

    public static async Task<List<Choice>> InstrumentsAsync(ConcordDb db, int? include, CancellationToken ct)
    {
        var latest = await db.Instruments.AsNoTracking()
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id)
            .Take(MaxInstruments).Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct);
        if (include is { } id && latest.All(c => c.Id != id))
            latest.InsertRange(0, await db.Instruments.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct));
        return latest;
    }
}
