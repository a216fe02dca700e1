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
    public List<Choice> Organisations { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await InstrumentList.QueryAsync(db, Filter, ct);
        Kinds = await db.Terms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.InstrumentKind)
            .OrderBy(t => t.SortOrder).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        // Parties are ministries and other top-level bodies, not every department.
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.ParentId == null || o.Parent!.ParentId == null)
            .OrderBy(o => o.Country).ThenBy(db.SortName<Organisation>(o => o.Name)).ThenBy(o => o.Id).Take(500).Select(o => new Choice(o.Id, o.Name)).ToListAsync(ct);
    }
}
