using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Activities;

[AllowAnonymous]
public class IndexModel(ConcordDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ActivityFilter Filter { get; set; } = new();
    public Page<ActivityRow> Results { get; private set; } = new([], null);
    public List<Choice> Kinds { get; private set; } = [];
    public List<Choice> Organisations { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];

    public sealed record Choice(int Id, LocalizedText Name);

    // Localized names are read column by column: given whole to a record's constructor, EF would read entire rows.
    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await ActivityList.QueryAsync(db, Filter, ct);
        Kinds = await db.Terms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.ActivityKind)
            .OrderBy(t => t.SortOrder).Select(t => new Choice(t.Id, new LocalizedText(t.Name.Vi, t.Name.En, t.Name.Lo))).ToListAsync(ct);
        // Ministries and their direct units; choosing a ministry also finds its departments' activities.
        Organisations = await db.Organisations.AsNoTracking().Where(o => o.ParentId == null || o.Parent!.ParentId == null)
            .OrderBy(o => o.Country).ThenBy(db.SortName<Organisation>(o => o.Name)).ThenBy(o => o.Id).Take(500)
            .Select(o => new Choice(o.Id, new LocalizedText(o.Name.Vi, o.Name.En, o.Name.Lo))).ToListAsync(ct);
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo))).ToListAsync(ct);
        // A link from elsewhere may name an organisation or meeting beyond those offered; keep it selectable.
        if (Filter.Organisation is { } org && Organisations.All(o => o.Id != org))
            Organisations.AddRange(await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => new Choice(o.Id, new LocalizedText(o.Name.Vi, o.Name.En, o.Name.Lo))).ToListAsync(ct));
        if (Filter.Meeting is { } meeting && Meetings.All(m => m.Id != meeting))
            Meetings.AddRange(await db.Meetings.AsNoTracking().Where(m => m.Id == meeting).Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo))).ToListAsync(ct));
    }
}
