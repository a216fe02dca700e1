using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.ReferenceData;

// The lists Concord's forms offer (kinds, areas, currencies), for an administrator to extend, rename,
// reorder and retire. Every change is audited with the term (ConcordDb audits Term).
[Authorize(Policy = Access.Administer)]
public class IndexModel(ConcordDb db) : PageModel
{
    public List<TermRow> Terms { get; private set; } = [];

    public sealed record TermRow(int Id, string Vocabulary, string Code, LocalizedText Name, int SortOrder, bool IsActive);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Terms = await db.Terms.AsNoTracking()
            .OrderBy(t => t.Vocabulary).ThenBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new TermRow(t.Id, t.Vocabulary, t.Code, t.Name, t.SortOrder, t.IsActive))
            .ToListAsync(ct);
    }

    // Retire or bring back a term in one click. A retired term is no longer offered by the forms; the
    // records that use it keep it.
    public async Task<IActionResult> OnPostActiveAsync(int id, bool active, CancellationToken ct)
    {
        var term = await db.Terms.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (term is null) return NotFound();
        term.IsActive = active;
        await db.SaveChangesAsync(ct);
        TempData[Flash.Key] = Flash.Saved;
        return LocalRedirect($"/admin/reference#term-{id}");
    }
}
