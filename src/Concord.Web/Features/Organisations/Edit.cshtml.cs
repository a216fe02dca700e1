using Microsoft.AspNetCore.Authorization;
using Concord.Features.Accounts;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Organisations;

// Serves both /organisations/new (New.cshtml) and /organisations/{id}/edit (Edit.cshtml).
[Authorize(Policy = Access.EditRecord)]
public class EditModel(ConcordDb db, IStringLocalizer t, CurrentUser user) : RecordEditPage<Organisation, OrganisationInput>(db, t, user)
{
    public List<Choice> Kinds { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? parent, CancellationToken ct)
    {
        if (id is { } existing) return await EditAsync(existing, ct);
        if (parent is { } p && await Db.Organisations.AsNoTracking().Where(o => o.Id == p).Select(o => new { o.Id, o.Country }).SingleOrDefaultAsync(ct) is { } under)
        {
            // "Add a department" from a ministry's page: under it, in its country.
            Input.ParentId = under.Id;
            Input.Country = under.Country;
        }
        return await NewAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(int? id, CancellationToken ct) => SaveAsync(id, ct);

    public Task<IActionResult> OnPostMergeAsync(int id, CancellationToken ct) => MergeAsync(id, ct);

    protected override string PageOf(Organisation record) => $"/organisations/{record.Id}";

    protected override string? NameOf(string field, int id) => field == nameof(Input.KindId)
        ? Kinds.Find(k => k.Id == id) is { } kind ? Display.Plain(kind.Name) : null
        : Organisations.Find(o => o.Id == id)?.Label(Cultures.Language).TrimStart('\u00A0');

    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        Kinds = await TermChoices.ForFormAsync(Db, Vocabularies.OrganisationKind, Input.KindId, ct);
        Organisations = await OrganisationPicker.LoadAsync(Db, ct, exclude: Id);
    }
}
