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
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public List<Choice> Meetings { get; private set; } = [];

    // Localized names are read column by column: given whole to a record's constructor, EF would read entire rows.
    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await ActivityList.QueryAsync(db, Filter, ct);
        Kinds = await TermChoices.ForFilterAsync(db, Vocabularies.ActivityKind, ct);
        Organisations = await OrganisationPicker.LoadAsync(db, ct, include: Filter.Organisation is { } org ? [org] : null);
        Meetings = await db.Meetings.AsNoTracking().OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(300)
            .Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct);
        if (Filter.Meeting is { } meeting && Meetings.All(m => m.Id != meeting))
            Meetings.AddRange(await db.Meetings.AsNoTracking().Where(m => m.Id == meeting).Select(m => new Choice(m.Id, new LocalizedText(m.Title.Vi, m.Title.En, m.Title.Lo), false)).ToListAsync(ct));
    }
}
