using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

[AllowAnonymous]
public class IndexModel(ConcordDb db, TimeProvider clock, IStringLocalizer t, IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CommitmentFilter Filter { get; set; } = new();
    public Page<CommitmentRow> Results { get; private set; } = new([], null);
    // Beside the filter field, by query parameter name.
    public Dictionary<string, string> FilterErrors { get; private set; } = [];
    public List<Choice> Areas { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    // "Make a report of these commitments": the same filter, without sort and paging, to /documents/new.
    public string ReportLink
    {
        get
        {
            var f = Filter;
            var query = new List<KeyValuePair<string, string?>> { new("commitments", "true") };
            if (f.Area is { } area) query.Add(new("filter.area", area.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (f.Status is { } status) query.Add(new("filter.status", status.ToString()));
            if (!string.IsNullOrWhiteSpace(f.Side)) query.Add(new("filter.side", f.Side.Trim()));
            if (!string.IsNullOrWhiteSpace(f.Period)) query.Add(new("filter.period", f.Period.Trim()));
            if (f.Organisation is { } org) query.Add(new("filter.organisation", org.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (f.Instrument is { } instrument) query.Add(new("filter.instrument", instrument.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (f.Overdue == true) query.Add(new("filter.overdue", "true"));
            return "/documents/new" + Microsoft.AspNetCore.Http.QueryString.Create(query);
        }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        FilterErrors = Filter.Check().ToDictionary(e => e.Key, e => t[e.Value].Value);
        if (FilterErrors.Count == 0) Results = await CommitmentList.QueryAsync(db, Filter, clock.Today(), ct);
        // The filter's choices are the same for every reader of a visibility class and change rarely: kept (ReaderCache,
        // dropped at the next save), not read again for every page of the list. Copied: the page's lists are its own.
        Areas = [.. await ReaderCache.GetAsync(cache, db, "commitments.filter.areas", null, () => TermChoices.ForFilterAsync(db, Vocabularies.Area, ct))];
        Instruments = await CommitmentChoices.WithInstrumentAsync(db,
            await ReaderCache.GetAsync(cache, db, "commitments.filter.instruments", null, () => CommitmentChoices.LatestInstrumentsAsync(db, ct)), Filter.Instrument, ct);
        Organisations = [.. await ReaderCache.GetAsync(cache, db, "commitments.filter.organisations", null, () => OrganisationPicker.LoadAsync(db, ct, sidesOnly: true))];
    }
}
