using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

[AllowAnonymous]
public class IndexModel(ConcordDb db, TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CommitmentFilter Filter { get; set; } = new();
    public Page<CommitmentRow> Results { get; private set; } = new([], null);
    // Beside the filter field, by query parameter name.
    public Dictionary<string, string> FilterErrors { get; private set; } = [];
    public List<Choice> Areas { get; private set; } = [];
    public List<Choice> Instruments { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        FilterErrors = Filter.Check().ToDictionary(e => e.Key, e => t[e.Value].Value);
        if (FilterErrors.Count == 0) Results = await CommitmentList.QueryAsync(db, Filter, clock.Today(), ct);
        Areas = await TermChoices.ForFilterAsync(db, Vocabularies.Area, ct);
        Instruments = await CommitmentChoices.InstrumentsAsync(db, Filter.Instrument, ct);
        Organisations = await OrganisationPicker.LoadAsync(db, ct, sidesOnly: true);
    }
}
