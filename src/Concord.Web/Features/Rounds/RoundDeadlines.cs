using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Calendar;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Rounds;

// The due dates of the open rounds that ask something of the feed's owner, in their calendar feed: for a focal
// point, rounds covering a commitment their department (a unit under it, a body it succeeded) leads; for a
// coordinator, rounds covering any commitment their side leads. The same rule as "my work" (MyWork.ScopeAsync).
// One all-day event a round, on its due date, with a stable UID, so a moved due date moves the event.
public sealed class RoundDeadlines : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(ConcordDb db, CurrentUser viewer, IStringLocalizer t, CancellationToken ct)
    {
        if (await MyWork.ScopeAsync(db, viewer, ct) is not { } scope) return [];
        var language = Cultures.Language;
        var items = new List<CalendarItem>();
        foreach (var round in await MyWork.ShownRoundsAsync(db, scope.Side, ct))
        {
            // Existence, not a count: a calendar refreshes often and needs no figure.
            if (!await RoundQueries.Owed(db, round, scope.Side, scope.Units).AnyAsync(ct)) continue;
            var name = round.Name.Best(language).Text;
            items.Add(new CalendarItem($"round-{round.Id}-due@concord", t["Calendar.RoundDue", name].Value,
                t["Calendar.RoundDueDescription", round.Period.ToString()].Value, "/my-work",
                round.DueOn, round.DueOn, null, null, round.UpdatedAt, round.Version, t["Calendar.DueDate"]));
        }
        return items;
    }
}
