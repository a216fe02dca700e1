using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

// Serves /people/new (PersonNew.cshtml) and /people/{id}/edit (PersonEdit.cshtml): the people
// who chair meetings and sign instruments, each with the organisation they served in.
[Authorize(Policy = Access.EditRecord)]
public class PersonEditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Person, PersonInput>(db, t, user)
{
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? organisation, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        Input.OrganisationId = organisation;
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override string PageOf(Person record) => record.OrganisationId is { } org ? $"/organisations/{org}#people" : "/organisations";

    protected override string? NameOf(string field, int id) => Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0');

    protected override async Task LoadChoicesAsync(CancellationToken ct) =>
        Organisations = await OrganisationPicker.LoadAsync(Db, ct);
}
