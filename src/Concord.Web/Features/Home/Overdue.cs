using System.Linq.Expressions;
using Concord.Features.Commitments;

namespace Concord.Features.Home;

// A commitment is overdue when it is still open (not done, dropped or carried over) and its due date
// has passed, or, having no due date, its period ended before this year. As an expression, so the
// database counts and filters; tests compile it to check the rule itself.
public static class Overdue
{
    public static Expression<Func<Commitment, bool>> On(DateOnly today)
    {
        var year = today.Year;
        return c => c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Dropped && c.Status != CommitmentStatus.CarriedOver
            && ((c.DueOn != null && c.DueOn < today) || (c.DueOn == null && c.PeriodEnd < year));
    }
}
