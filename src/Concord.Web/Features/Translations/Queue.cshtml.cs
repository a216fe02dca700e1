using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Translations;

// The translators' workbench: per language, the records that lack a text in it or hold one nobody has
// checked, each shown beside its original, with the action that moves it on (translate in the record's
// form, or say the translation is right). Signed-in readers see the queue; the buttons need the right
// to edit the record, checked again on the server.
[Authorize(Policy = Access.SignedIn)]
public class QueueModel(ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user) : PageModel
{
    public string Language { get; private set; } = Cultures.Default;
    public TranslationStatus Status { get; private set; } = TranslationStatus.Missing;
    public TranslatableKind Kind { get; private set; }
    public int? Only { get; private set; }
    public IReadOnlyDictionary<TranslatableKind, int> KindCounts { get; private set; } = new Dictionary<TranslatableKind, int>();
    public IReadOnlyDictionary<TranslationStatus, int> StatusCounts { get; private set; } = new Dictionary<TranslationStatus, int>();
    public IReadOnlyList<TranslationWork.Row> Rows { get; private set; } = [];
    public string? Next { get; private set; }
    public bool MightVerify => TranslationWork.MightVerify(user);
    public bool CanEdit => Access.CanEditRecord(user);
    public bool MayReport => Access.MayReport(user);


    public async Task OnGetAsync(string? language, TranslationStatus? status, TranslatableKind? kind, int? id, string? after, CancellationToken ct)
    {
        Language = language is not null && LocalizedText.Languages.Contains(language) ? language : Cultures.Language;
        Status = status is TranslationStatus.Unverified ? TranslationStatus.Unverified : TranslationStatus.Missing;
        Only = id;

        // Every count the page shows, from the counts kept per visibility class (TranslationCounts).
        var all = await TranslationCounts.ForReaderAsync(db, ct);
        var kinds = all.ToDictionary(k => k.Key, k => k.Value.For(Language, Status));
        KindCounts = kinds;
        StatusCounts = TranslationWork.Open.ToDictionary(s => s, s => all.Values.Sum(c => c.For(Language, s)));

        // Without a kind in the address, the first kind with work left, so the page never opens on an empty list by chance.
        Kind = kind is { } chosen && Enum.IsDefined(chosen) ? chosen
            : TranslationWork.Kinds.FirstOrDefault(k => kinds[k] > 0, TranslatableKind.Commitment);

        int? before = int.TryParse(after, out var last) ? last : null;
        var size = Cursor.DefaultPageSize;
        // A list its count says is empty is not looked for: finding no match means reading the whole table
        // (500,000 commitments). The counts are kept in the transaction of every save, so they are not behind.
        if (Only is null && kinds[Kind] == 0) return;
        var rows = await TranslationWork.PageAsync(db, Kind, Language, Status, before, Only, size + 1, ct);
        Next = rows.Count > size ? rows[size - 1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        Rows = rows.Take(size).ToList();
    }

    // "This translation is right": the reader checked every text of the record in `language` against the
    // original. Refused when the record changed since the page showed it, so nobody verifies words they did not read.
    public async Task<IActionResult> OnPostVerifyAsync(TranslatableKind kind, int id, string language, int version, string? returnUrl, CancellationToken ct)
    {
        var back = ReturnUrls.Local(returnUrl, "/translations");
        var record = await TranslationWork.FindAsync(db, kind, id, ct);
        if (record is null || !LocalizedText.Languages.Contains(language)) return NotFound();
        if (!await TranslationWork.MayVerifyAsync(db, user, record, ct)) return Forbid();

        var name = t[$"LanguageName.{language}"].Value;
        var status = record.StatusOf(language);
        if (((Record)record).Version != version)
            return Done(back, t["Translations.ChangedSinceRead"].Value, error: true);
        if (status is TranslationStatus.Original or TranslationStatus.Missing)
            return Done(back, t[status == TranslationStatus.Original ? "Translations.IsOriginal" : "Translations.StillMissing", name].Value, error: true);
        if (status == TranslationStatus.Verified)
            return Done(back, t["Translations.AlreadyVerified", name].Value, error: false);

        record.Translation.Verify(language, user.Name, clock.GetUtcNow().UtcDateTime);
        db.SaveAgainstVersion((Record)record, version);
        if (!await db.TrySaveAsync(ct)) return Done(back, t["Translations.ChangedSinceRead"].Value, error: true);
        return Done(back, t["Translations.Verified", name].Value, error: false);
    }

    IActionResult Done(string back, string message, bool error)
    {
        // Shown by the layout on whichever page it lands (the queue or the record), as every save's confirmation is.
        TempData[Flash.Text] = message;
        TempData[Flash.Warning] = error;
        return LocalRedirect(back);
    }
}
