using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Calendar;

// One event of a feed. A date-only item (every meeting and due date today) is an all-day event from Start to End
// inclusive; a timed one has Start/End in Indochina Time. Uid stays the same for the life of the record
// ("meeting-42@concord"), so a calendar moves an event that changed instead of adding a second; Sequence (the
// record's version) tells it which copy is newer.
public sealed record CalendarItem(string Uid, string Summary, string? Description, string? Path, DateOnly Start, DateOnly End,
    TimeOnly? StartTime, TimeOnly? EndTime, DateTime LastModified, int Sequence, string Category);

// What goes into a person's feed. Each kind of dated record adds a source; the feed asks every registered source,
// with a ConcordDb whose viewer is the feed's owner, so the visibility filter applies as on their own pages.
// Reporting rounds add theirs with services.AddCalendarSource<RoundDeadlines>().
public interface ICalendarSource
{
    Task<IReadOnlyList<CalendarItem>> ItemsAsync(ConcordDb db, CurrentUser viewer, IStringLocalizer t, CancellationToken ct);
}

// Meetings known to the day. A meeting known only to the month or the year is left out: a calendar has no way to
// show "some day in 2019", and an invented 1 January would be read as a fact.
public sealed class MeetingDates : ICalendarSource
{
    public const int Max = 2000;

    public Task<IReadOnlyList<CalendarItem>> ItemsAsync(ConcordDb db, CurrentUser viewer, IStringLocalizer t, CancellationToken ct) =>
        QueryAsync(db.Meetings.AsNoTracking(), t, ct);

    // The public feed: what the ministries published, the same for everyone.
    public static Task<IReadOnlyList<CalendarItem>> PublicAsync(ConcordDb db, IStringLocalizer t, CancellationToken ct) =>
        QueryAsync(db.Meetings.AsNoTracking().Where(m => m.Visibility == Visibility.Public), t, ct);

    static async Task<IReadOnlyList<CalendarItem>> QueryAsync(IQueryable<Meetings.Meeting> meetings, IStringLocalizer t, CancellationToken ct)
    {
        var language = Cultures.Language;
        var rows = await meetings.Where(m => m.StartsOn != null && m.StartsOnPrecision == DatePrecision.Day)
            .OrderByDescending(m => m.StartsOn).ThenByDescending(m => m.Id).Take(Max)
            .Select(m => new { m.Id, m.Title.Vi, m.Title.En, m.Title.Lo, m.Translation.Original, m.Place, m.IsOnline, m.StartsOn, m.EndsOn, m.UpdatedAt, m.Version })
            .ToListAsync(ct);
        return [.. rows.Select(m =>
        {
            var start = m.StartsOn!.Value;
            var end = m.EndsOn is { } e && e >= start ? e : start;
            var place = m.IsOnline ? t["Calendar.Online"].Value : m.Place;
            return new CalendarItem($"meeting-{m.Id}@concord", new LocalizedText(m.Vi, m.En, m.Lo).Best(language, m.Original).Text,
                place, $"/meetings/{m.Id}", start, end, null, null, m.UpdatedAt, m.Version, t["Calendar.Meeting"]);
        })];
    }
}

// Due dates of the open commitments the person answers for: a coordinator's side leads them, or the person's
// department (a unit under it, a body it succeeded) does; readers and administrators: their own organisation's.
public sealed class CommitmentDueDates : ICalendarSource
{
    public const int Max = 2000;

    public async Task<IReadOnlyList<CalendarItem>> ItemsAsync(ConcordDb db, CurrentUser viewer, IStringLocalizer t, CancellationToken ct)
    {
        var side = viewer.Country;
        if (!Sides.IsKnown(side)) return [];
        var query = db.Commitments.AsNoTracking().Where(c => c.DueOn != null
            && c.Status != CommitmentStatus.Done && c.Status != CommitmentStatus.Dropped && c.Status != CommitmentStatus.CarriedOver);
        if (viewer.Role == Role.Coordinator) query = query.Where(c => c.Leads.Any(l => l.Country == side));
        else if (viewer.OrganisationId is { } own)
        {
            var units = await OrganisationScope.ExpandAsync(db, own, ct);
            query = query.Where(c => c.Leads.Any(l => l.Country == side && units.Contains(l.OrganisationId)));
        }
        else return [];
        var from = db.Clock.Today().AddYears(-1);
        var language = Cultures.Language;
        var rows = await query.Where(c => c.DueOn >= from).OrderBy(c => c.DueOn).ThenBy(c => c.Id).Take(Max)
            .Select(c => new { c.Id, c.Number, c.Text.Vi, c.Text.En, c.Text.Lo, c.Translation.Original, c.DueOn, c.UpdatedAt, c.Version })
            .ToListAsync(ct);
        return [.. rows.Select(c =>
        {
            var text = new LocalizedText(c.Vi, c.En, c.Lo).Best(language, c.Original).Text;
            var title = t["Calendar.Due", string.IsNullOrEmpty(c.Number) ? Short(text) : $"{c.Number}. {Short(text)}"].Value;
            return new CalendarItem($"commitment-{c.Id}-due@concord", title, text, $"/commitments/{c.Id}", c.DueOn!.Value, c.DueOn.Value,
                null, null, c.UpdatedAt, c.Version, t["Calendar.DueDate"]);
        })];
    }

    static string Short(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
