using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.ReferenceData;

// The one query for a vocabulary's terms. A form offers the active terms and the one the record already
// holds, even retired, so an edit never meets an empty select it cannot save; a filter offers every term,
// since old records keep retired ones and must still be found by them.
public static class TermChoices
{
    public static Task<List<Choice>> ForFormAsync(ConcordDb db, string vocabulary, int? held, CancellationToken ct) =>
        Query(db, vocabulary).Where(t => t.IsActive || t.Id == held)
            .Select(t => new Choice(t.Id, new LocalizedText(t.Name.Vi, t.Name.En, t.Name.Lo), !t.IsActive)).ToListAsync(ct);

    public static Task<List<Choice>> ForFilterAsync(ConcordDb db, string vocabulary, CancellationToken ct) =>
        Query(db, vocabulary)
            .Select(t => new Choice(t.Id, new LocalizedText(t.Name.Vi, t.Name.En, t.Name.Lo), false)).ToListAsync(ct);

    public static Task<List<CodeChoice>> CodesForFormAsync(ConcordDb db, string vocabulary, string? held, CancellationToken ct)
    {
        var code = held?.Trim().ToUpperInvariant();
        return Query(db, vocabulary).Where(t => t.IsActive || t.Code == code)
            .Select(t => new CodeChoice(t.Code, new LocalizedText(t.Name.Vi, t.Name.En, t.Name.Lo), !t.IsActive)).ToListAsync(ct);
    }

    // The same rule on a save: a record may keep the term it holds, even retired, but choose only an active one,
    // so a choice no form offers is refused beside the field. The term's code, or null when it may not be chosen.
    public static Task<string?> ChoosableCodeAsync(ConcordDb db, string vocabulary, int id, int? held, CancellationToken ct) =>
        db.Terms.Where(t => t.Id == id && t.Vocabulary == vocabulary && (t.IsActive || t.Id == held)).Select(t => t.Code).SingleOrDefaultAsync(ct);

    public static async Task<bool> IsChoosableAsync(ConcordDb db, string vocabulary, int id, int? held, CancellationToken ct) =>
        await ChoosableCodeAsync(db, vocabulary, id, held, ct) is not null;

    public static Task<bool> IsChoosableCodeAsync(ConcordDb db, string vocabulary, string code, string? held, CancellationToken ct)
    {
        var wanted = code.Trim().ToUpperInvariant();
        var kept = held?.Trim().ToUpperInvariant();
        return db.Terms.AnyAsync(t => t.Vocabulary == vocabulary && t.Code == wanted && (t.IsActive || t.Code == kept), ct);
    }

    // Localized names are read column by column: given whole to a record's constructor, EF would read entire rows.
    static IQueryable<Term> Query(ConcordDb db, string vocabulary) =>
        db.Terms.AsNoTracking().Where(t => t.Vocabulary == vocabulary).OrderBy(t => t.SortOrder).ThenBy(t => t.Id);
}
