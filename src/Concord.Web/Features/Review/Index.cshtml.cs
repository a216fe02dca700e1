using Concord.Data;
using Concord.Features.Sources;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Review;

// The yearly review of international cooperation on screen (/review?year=2018&side=VN): the same
// figures the DOCX and XLSX carry, from the records the reader may see.
[AllowAnonymous]
public class IndexModel(ConcordDb db, CurrentUser user, TimeProvider clock, IStringLocalizer t) : PageModel
{
    public const int FirstYear = 1950;

    public YearlyReview Review { get; private set; } = null!;
    public IReadOnlyList<ChartData> Charts { get; private set; } = [];
    public IReadOnlyList<CitationRow> Citations { get; private set; } = [];
    public int Year { get; private set; }
    public string Side { get; private set; } = Sides.Vietnam;
    public int ThisYear { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? year, string? side, CancellationToken ct)
    {
        ThisYear = clock.Today().Year;
        Year = year ?? ThisYear - 1;
        if (Year < FirstYear || Year > ThisYear) return NotFound();
        Side = side?.Trim().ToUpperInvariant() is { } s && Sides.IsKnown(s) ? s : Sides.IsKnown(user.Country) ? user.Country! : Sides.Vietnam;
        Review = await YearlyReview.LoadAsync(db, Year, Side, ct);
        Charts = Review.Charts.ToCharts("review", key => t[key].Value, Display.Plain);
        if (Review.StatedId is { } id) Citations = await Sources.Citations.ForAsync(db, CitedRecord.CooperationYear, id, ct);
        return Page();
    }
}
