using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Concord.Features.Translations;

// "Written in Vietnamese · Lao: not verified · English: verified by …" under a record's texts, with a way
// to the queue where the translation can be made or checked beside its original.
public class TranslationPanelViewComponent(ConcordDb db, CurrentUser user) : ViewComponent
{
    public sealed record Model(TranslationWork.Row Row, IReadOnlyList<(string Language, TranslationStatus Status, string? By, DateTime? At)> Languages, bool SignedIn);

    public async Task<IViewComponentResult> InvokeAsync(TranslatableKind kind, int id)
    {
        var row = await TranslationWork.OneAsync(db, kind, id, HttpContext.RequestAborted);
        if (row is null) return Content("");
        var languages = LocalizedText.Languages
            .OrderBy(l => l == row.State.Original ? 0 : 1)
            .Select(l => (l, TranslationRules.StatusOf(row.State, row.Texts, l), row.State.VerificationOf(l).By, row.State.VerificationOf(l).At))
            .ToList();
        return View("/Features/Translations/_TranslationPanel.cshtml", new Model(row, languages, user.IsSignedIn));
    }
}
