using Microsoft.AspNetCore.Authorization;
using Concord.Data;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Meetings;

[AllowAnonymous]
public class IndexModel(ConcordDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public MeetingFilter Filter { get; set; } = new();
    public Page<MeetingRow> Results { get; private set; } = new([], null);
    public List<Choice> Kinds { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];


    public async Task OnGetAsync(CancellationToken ct)
    {
        Results = await MeetingList.QueryAsync(db, Filter, ct);
        Kinds = await TermChoices.ForFilterAsync(db, Vocabularies.MeetingKind, ct);
        Organisations = await OrganisationPicker.LoadAsync(db, ct);
    }
}
