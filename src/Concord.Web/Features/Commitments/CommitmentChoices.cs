using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// The instruments a commitment form or filter offers.
public static class CommitmentChoices
{
    // A programme's instruments number in the hundreds; a select offers the latest and the one already chosen.
    const int MaxInstruments = 300;

    public static async Task<List<Choice>> InstrumentsAsync(ConcordDb db, int? include, CancellationToken ct) =>
        await WithInstrumentAsync(db, await LatestInstrumentsAsync(db, ct), include, ct);

    public static Task<List<Choice>> LatestInstrumentsAsync(ConcordDb db, CancellationToken ct) =>
        db.Instruments.AsNoTracking()
            .OrderBy(i => i.SignedOn == null).ThenByDescending(i => i.SignedOn).ThenByDescending(i => i.Id)
            .Take(MaxInstruments).Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct);

    // The choices with the one already chosen first, when it is older than the latest shown (a new list, never `latest` changed).
    public static async Task<List<Choice>> WithInstrumentAsync(ConcordDb db, IReadOnlyList<Choice> latest, int? include, CancellationToken ct)
    {
        List<Choice> choices = [.. latest];
        if (include is { } id && choices.All(c => c.Id != id))
            choices.InsertRange(0, await db.Instruments.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new Choice(i.Id, new LocalizedText(i.Title.Vi, i.Title.En, i.Title.Lo), false)).ToListAsync(ct));
        return choices;
    }
}
