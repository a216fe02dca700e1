using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Organisations;

// "Records of this organisation" means those of the organisation itself, of the organisations it
// succeeded (MOLISA's history is found from the Ministry of Home Affairs), and of all their departments.
public static class OrganisationScope
{
    public static async Task<List<int>> ExpandAsync(ConcordDb db, int organisationId, CancellationToken ct = default)
    {
        var found = new HashSet<int> { organisationId };
        var frontier = new List<int> { organisationId };
        // The hierarchy is shallow (country, ministry, department, unit), so a few round trips suffice.
        for (var depth = 0; depth < 8 && frontier.Count > 0; depth++)
        {
            var next = await db.Organisations.AsNoTracking()
                .Where(o => (o.ParentId != null && frontier.Contains(o.ParentId.Value)) || (o.SuccessorId != null && frontier.Contains(o.SuccessorId.Value)))
                .Select(o => o.Id)
                .ToListAsync(ct);
            frontier = next.Where(found.Add).ToList();
        }
        return [.. found];
    }
}
