using System.Globalization;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Jobs;
using Concord.Shared;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Calendar;

// iCalendar (RFC 5545) feeds a calendar application subscribes to: /calendar/public.ics (the published meetings,
// the same for everyone) and /calendar/feed/{token}.ics (one person's: what every ICalendarSource gives for them,
// read as that account, so the visibility filter hides what their own pages hide). Both sides keep Indochina Time
// (UTC+7, no daylight saving), written as the Asia/Ho_Chi_Minh VTIMEZONE; date-only items are all-day events.
public static class CalendarFeeds
{
    public const string TimeZone = "Asia/Ho_Chi_Minh";
    const string ContentType = "text/calendar; charset=utf-8";

    public static IServiceCollection AddConcordCalendar(this IServiceCollection services)
    {
        services.AddCalendarSource<MeetingDates>();
        services.AddCalendarSource<CommitmentDueDates>();
        return services;
    }

    public static IServiceCollection AddCalendarSource<T>(this IServiceCollection services) where T : class, ICalendarSource =>
        services.AddScoped<ICalendarSource, T>();

    public static IEndpointRouteBuilder MapCalendarFeeds(this IEndpointRouteBuilder app)
    {
        // Calendar applications fetch without cookies: the public feed is open, a personal feed is opened by its secret address.
        app.MapGet("/calendar/public.ics", Public).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/calendar/feed/{token}.ics", Personal).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> Public(HttpContext http, ConcordDb db, IStringLocalizer t, TimeProvider clock, CancellationToken ct)
    {
        var items = await MeetingDates.PublicAsync(db, t, ct);
        return Ics(http, Write(items, t["Calendar.PublicName"], ServerRootOf(http), clock.GetUtcNow().UtcDateTime));
    }

    // The owner is read with the system's eyes, then the feed is made in a scope whose viewer is that account as it
    // is now (role, side, organisation), as a background job runs (JobViewer). A revoked or unknown address, or a
    // disabled account, is not found.
    static async Task<IResult> Personal(string token, HttpContext http, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        CurrentUser viewer;
        string? language;
        await using (var lookup = scopes.CreateAsyncScope())
        {
            lookup.ServiceProvider.GetRequiredService<JobViewer>().User = CurrentUser.System;
            var db = lookup.ServiceProvider.GetRequiredService<ConcordDb>();
            var hash = CalendarFeed.HashOf(token);
            var row = await db.CalendarFeeds.AsNoTracking().Where(f => f.Hash == hash && f.RevokedAt == null)
                .Join(db.Users, f => f.AccountId, a => a.Id, (f, a) => new { f.Id, f.LastUsedAt, a.UserName, a.DisplayName, a.Role, a.Country, a.OrganisationId, a.IsDisabled, a.Language, AccountId = a.Id })
                .SingleOrDefaultAsync(ct);
            if (row is null || row.IsDisabled) return Results.NotFound();
            // Use is recorded at most once an hour: calendar applications poll often.
            if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromHours(1))
                await db.CalendarFeeds.Where(f => f.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.LastUsedAt, now), ct);
            viewer = new CurrentUser { AccountId = row.AccountId, Name = row.UserName ?? row.DisplayName ?? "", Role = row.Role, Country = row.Country, OrganisationId = row.OrganisationId };
            language = row.Language;
        }

        // In the owner's language, as their pages are (no cookie comes with a calendar application's request).
        var culture = CultureInfo.CurrentUICulture;
        if (language is not null && StringCatalog.Languages.Contains(language))
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<JobViewer>().User = viewer;
            var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
            var t = scope.ServiceProvider.GetRequiredService<IStringLocalizer>();
            var items = new List<CalendarItem>();
            foreach (var source in scope.ServiceProvider.GetServices<ICalendarSource>())
                items.AddRange(await source.ItemsAsync(db, viewer, t, ct));
            return Ics(http, Write(items, t["Calendar.PersonalName"], ServerRootOf(http), now));
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }
    }

    static IResult Ics(HttpContext http, string body)
    {
        // A personal feed is a secret: no cache between the server and the calendar application keeps it.
        http.Response.Headers.CacheControl = "no-store";
        return Results.Text(body, ContentType);
    }

    static string ServerRootOf(HttpContext http)
    {
        var links = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountLinkOptions>>().Value;
        return links.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
            : AccountLinks.ServerRoot(http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>(), http.RequestServices.GetRequiredService<IConfiguration>());
    }

    public static string Write(IEnumerable<CalendarItem> items, string name, string root, DateTime nowUtc)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Concord//Concord//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone));
        var stamp = new CalDateTime(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        foreach (var item in items)
        {
            var e = new CalendarEvent
            {
                Uid = item.Uid,
                Summary = item.Summary,
                Description = item.Description,
                DtStamp = stamp,
                LastModified = new CalDateTime(DateTime.SpecifyKind(item.LastModified, DateTimeKind.Utc)),
                Sequence = item.Sequence,
                Transparency = "TRANSPARENT",
            };
            if (item.StartTime is { } from)
            {
                e.DtStart = new CalDateTime(item.Start.ToDateTime(from), TimeZone);
                e.DtEnd = new CalDateTime(item.End.ToDateTime(item.EndTime ?? from), TimeZone);
            }
            else
            {
                // All day: DTEND is the day after the last, exclusive (RFC 5545 3.6.1).
                e.DtStart = new CalDateTime(item.Start);
                e.DtEnd = new CalDateTime(item.End.AddDays(1));
            }
            if (item.Path is not null) e.Url = new Uri(root + item.Path);
            e.Categories = [item.Category];
            calendar.Events.Add(e);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
