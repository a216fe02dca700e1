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
// ?instrument=), of the commitments a list filter selects (?commitments=true&filter.area=...), or the
// yearly review (?year=). The document is made in the background; the owner is
// sent to its page, which shows its progress, and finds it later under "my documents".
[Authorize(Policy = Access.SignedIn)]
public class NewModel(ConcordDb db, CurrentUser user, JobSignal signal, TimeProvider clock, IOptions<DocumentOptions> options, IStringLocalizer t, StringCatalog catalog) : PageModel
{
    public sealed class InputModel
    {
        public DocumentKind Kind { get; set; }
        public int? Meeting { get; set; }
        public int? Instrument { get; set; }
        public int? Year { get; set; }
        public DocumentFileFormat Format { get; set; }
        public string? Left { get; set; }
        // Empty: one language only.
        public string? Right { get; set; }
        public string? Side { get; set; }
        public string? Period { get; set; }
        // The report of a filtered commitments list.
        public bool Commitments { get; set; }
        public CommitmentFilter Filter { get; set; } = new();
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string Subject { get; private set; } = "";
    public bool PdfAvailable { get; } = LibreOfficePdf.IsInstalled;

    public async Task<IActionResult> OnGetAsync(int? meeting, int? instrument, int? year, bool commitments,
        [FromQuery(Name = "filter")] CommitmentFilter? filter, CancellationToken ct)
    {
        var pair = LanguagePair.For(Cultures.Language, null, null);
        Input = new InputModel
        {
            Kind = year is null ? DocumentKind.ImplementationReport : DocumentKind.YearlyReview,
            Meeting = meeting, Instrument = meeting is null ? instrument : null, Year = year,
            Left = pair.Left, Right = pair.Right,
            Side = Sides.IsKnown(user.Country) ? user.Country : Sides.Vietnam,
            Commitments = commitments && year is null,
            Filter = ListFilter(filter),
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
        if (Input.Commitments && ModelState.IsValid)
        {
            // Counted as the reader sees the list: a document of more clauses than this is refused, not cut.
            var count = await (await CommitmentList.FilteredAsync(db, Input.Filter, clock.Today(), ct)).CountAsync(ct);
            if (count > ImplementationReport.MaxFiltered)
                ModelState.AddModelError("", t["Documents.TooManyCommitments", count, ImplementationReport.MaxFiltered]);
        }
        if (!ModelState.IsValid) return Page();

        var request = new DocumentRequest(Input.Kind, Input.Format, Input.Commitments ? null : Input.Meeting, Input.Commitments ? null : Input.Instrument, Input.Year,
            Input.Left!, string.IsNullOrEmpty(Input.Right) ? null : Input.Right, Input.Side!, Input.Period?.Trim())
        { Filter = Input.Commitments ? ListFilter(Input.Filter) : null };
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
        if (Input.Commitments)
        {
            Input.Filter = ListFilter(Input.Filter);
            if (Input.Filter.Check().Count > 0) return false;
            var criteria = await ImplementationReport.DescribeAsync(db, Input.Filter, ct);
            if (criteria is null) return false;
            Subject = new DocumentText(Cultures.Language, catalog).Subject(new ImplementationReport { MeetingKind = new(), Title = new(), Criteria = criteria, Areas = [] });
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

    // The list's filter without its sort and paging, which a report has no use for.
    static CommitmentFilter ListFilter(CommitmentFilter? f) => new()
    {
        Area = f?.Area, Status = f?.Status, Side = string.IsNullOrWhiteSpace(f?.Side) ? null : f.Side.Trim().ToUpperInvariant(),
        Period = string.IsNullOrWhiteSpace(f?.Period) ? null : f.Period.Trim(), Organisation = f?.Organisation, Instrument = f?.Instrument,
        Overdue = f?.Overdue == true ? true : null,
    };
}
