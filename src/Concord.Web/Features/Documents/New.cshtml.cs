using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Bilingual;
using Concord.Features.Commitments;
using Concord.Features.Jobs;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Concord.Features.Documents;

// Asks for a document: the implementation report of a meeting's minutes or of an instrument (?meeting=,
// ?instrument=), or the yearly review (?year=). The document is made in the background; the owner is
// sent to its page, which shows its progress, and finds it later under "my documents".
[Authorize(Policy = Access.SignedIn)]
public class NewModel(ConcordDb db, CurrentUser user, JobSignal signal, TimeProvider clock, IOptions<DocumentOptions> options, IStringLocalizer t) : PageModel
{
    public sealed class InputModel
    {
        public DocumentKind Kind { get; set; }
        public int? Meeting { get; set; }
        public int? Instrument { get; set; }
        public int? Year { get; set; }
        public DocumentFormat Format { get; set; }
        public string? Left { get; set; }
        // Empty: one language only.
        public string? Right { get; set; }
        public string? Side { get; set; }
        public string? Period { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Subject { get; private set; } = "";
    public bool PdfAvailable { get; } = LibreOfficePdf.IsInstalled;

    public async Task<IActionResult> OnGetAsync(int? meeting, int? instrument, int? year, CancellationToken ct)
    {
        var pair = LanguagePair.For(Cultures.Language, null, null);
        Input = new InputModel
        {
            Kind = year is null ? DocumentKind.ImplementationReport : DocumentKind.YearlyReview,
            Meeting = meeting, Instrument = meeting is null ? instrument : null, Year = year,
            Left = pair.Left, Right = pair.Right,
            Side = Sides.IsKnown(user.Country) ? user.Country : Sides.Vietnam,
        };
        return await SubjectAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await SubjectAsync(ct)) return NotFound();
        if (!DocumentRequest.IsLanguage(Input.Left)) ModelState.AddModelError("Input.Left", t["Validation.UnknownChoice"]);
        if (!string.IsNullOrEmpty(Input.Right) && (!DocumentRequest.IsLanguage(Input.Right) || Input.Right == Input.Left))
            ModelState.AddModelError("Input.Right", t["Documents.TwoDifferentLanguages"]);
        if (!DocumentRequest.IsSide(Input.Side)) ModelState.AddModelError("Input.Side", t["Validation.UnknownChoice"]);
        if (!string.IsNullOrWhiteSpace(Input.Period) && !Concord.Shared.Period.TryParse(Input.Period, out _))
            ModelState.AddModelError("Input.Period", t["Validation.Period"]);
        if (!Enum.IsDefined(Input.Format)) ModelState.AddModelError("Input.Format", t["Validation.UnknownChoice"]);
        if (!ModelState.IsValid) return Page();

        var request = new DocumentRequest(Input.Kind, Input.Format, Input.Meeting, Input.Instrument, Input.Year,
            Input.Left!, string.IsNullOrEmpty(Input.Right) ? null : Input.Right, Input.Side!, Input.Period?.Trim());
        var document = await DocumentsSetup.RequestAsync(db, signal, request, Subject, user.AccountId!.Value,
            clock.GetUtcNow().UtcDateTime, options.Value.Keep, ct);
        TempData[Flash.Key] = Flash.Requested;
        return Redirect($"/documents/{document.Id}");
    }

    // What the document is about, as the reader may see it; false when there is no such record for them.
    async Task<bool> SubjectAsync(CancellationToken ct)
    {
        if (Input.Kind == DocumentKind.YearlyReview)
        {
            if (Input.Year is not (>= 1950 and <= 2100)) return false;
            Subject = t["Documents.ReviewSubject", Input.Year.Value].Value;
            return true;
        }
        if (Input.Meeting is { } meetingId)
        {
            var m = await db.Meetings.AsNoTracking().Where(x => x.Id == meetingId).Select(x => new { Kind = x.Kind.Name, x.Number, x.Title }).SingleOrDefaultAsync(ct);
            if (m is null) return false;
            Subject = !m.Title.IsEmpty && m.Number is null ? Display.Plain(m.Title)
                : m.Number is { } n ? t["Meetings.KindNumbered", Display.Plain(m.Kind), Meetings.MeetingText.Ordinal(n, Cultures.Language)].Value
                : Display.Plain(m.Kind);
            return true;
        }
        if (Input.Instrument is { } instrumentId)
        {
            var title = await db.Instruments.AsNoTracking().Where(x => x.Id == instrumentId).Select(x => x.Title).SingleOrDefaultAsync(ct);
            if (title is null) return false;
            Subject = Display.Plain(title);
            return true;
        }
        return false;
    }
}
