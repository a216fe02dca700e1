using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Instruments;

[AllowAnonymous]
public class IndexModel(ConcordDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public InstrumentFilter Filter { get; set; } = new();
    public Page<InstrumentRow> Results { get; private set; } = new([], null);
    public List<Choice> Kinds { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];


    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await InstrumentList.QueryAsync(db, Filter, ct);
        Kinds = await TermChoices.ForFilterAsync(db, Vocabularies.InstrumentKind, ct);
        // Parties are ministries and other top-level bodies, not every department.
        Organisations = await OrganisationPicker.LoadAsync(db, ct, include: Filter.Organisation is { } o ? [o] : null);
    }
}
