using System.Globalization;
using System.Text;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Mail;
using Concord.Features.Jobs;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Rounds;

public sealed class ReminderOptions
{
    // When, in the programme's calendar (UTC+7), the day's reminders are worked out and queued.
    public TimeOnly SendAt { get; set; } = new(7, 0);
}

// The daily run (queued once a day by RecurringJobs, whichever instance looks first): for each open round
// whose reminder day is today — RemindDaysBefore days before the due date, or the day after it — each focal
// point whose department (a unit under it, a body it succeeded) still owes reports gets one digest for the
// day, naming every such round. The digest is a Reminder row, written before anything is sent; a send job
// per reminder delivers it.
public sealed class DailyReminders(ConcordDb db, ReminderDigest digest) : IJobHandler
{
    public const string Kind = "reminders-daily";

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var day = DailyJob.DayOf(run.Job.Payload);
        // Open rounds are a handful; the reminder day is worked out here rather than in SQL date arithmetic.
        var rounds = (await db.Rounds.AsNoTracking().Where(r => r.State == RoundState.Open && r.DueOn >= day.AddDays(-1) && r.DueOn <= day.AddDays(61)).ToListAsync(ct))
            .Where(r => IsReminderDay(r, day)).ToList();
        if (rounds.Count == 0) return;
        var sides = rounds.SelectMany(r => r.Sides).Distinct().ToList();
        var focalPoints = await ReminderDigest.Recipients(db.Users.Where(a => sides.Contains(a.Country))).ToListAsync(ct);
        await digest.WriteAsync(focalPoints, rounds, day, ReminderKind.Daily, null, ct);
    }

    public static bool IsReminderDay(Round round, DateOnly day) =>
        day == round.DueOn.AddDays(-round.RemindDaysBefore) || day == round.DueOn.AddDays(1);
}

// Composing and writing reminders, for the daily digest and for "send a reminder now" alike: for each person,
// the rounds (of those given) in which their department — a unit under it, a body it succeeded — still owes
// reports; one Reminder row naming them, in the person's language, with a link to /my-work; and a send job
// for it. Nothing is mailed here: ReminderSend does, or marks it not sent without a mail server.
public sealed class ReminderDigest(ConcordDb db, Mailer mailer, JobSignal signal, IServer server, IConfiguration configuration,
    IOptions<AccountLinkOptions> links)
{
    // A coordinator's "send a reminder now" for one department in one round is refused for this long after the
    // last one, so that a double click, or two coordinators at once, send one mail.
    public static readonly TimeSpan ManualInterval = TimeSpan.FromHours(1);

    public sealed record Recipient(int Id, string Email, string? Language, string Country, int OrganisationId);

    // Focal points, of those given, who can be written to.
    public static IQueryable<Recipient> Recipients(IQueryable<Account> accounts) => accounts.AsNoTracking()
        .Where(a => a.Role == Role.FocalPoint && !a.IsDisabled && a.Email != null)
        .OrderBy(a => a.Id)
        .Select(a => new Recipient(a.Id, a.Email!, a.Language, a.Country, a.OrganisationId));

    // Focal points whose "my work" lists what this department leads: those of the department itself and of
    // the bodies above it or succeeding it (the reverse of OrganisationScope.ExpandAsync).
    public async Task<List<Recipient>> OfDepartmentAsync(int department, string side, CancellationToken ct)
    {
        var covering = new HashSet<int> { department };
        var frontier = new List<int> { department };
        // The hierarchy is shallow (country, ministry, department, unit), as OrganisationScope assumes.
        for (var depth = 0; depth < 8 && frontier.Count > 0; depth++)
        {
            var up = await db.Organisations.AsNoTracking().Where(o => frontier.Contains(o.Id))
                .Select(o => new { o.ParentId, o.SuccessorId }).ToListAsync(ct);
            frontier = up.SelectMany(o => new[] { o.ParentId, o.SuccessorId }).OfType<int>().Where(covering.Add).ToList();
        }
        return await Recipients(db.Users.Where(a => a.Country == side && covering.Contains(a.OrganisationId))).ToListAsync(ct);
    }

    // Takes the gate of a manual reminder for this department in this round: one conditional upsert, the same
    // statement on both databases, that succeeds only when no manual reminder was asked for within the interval.
    // Two requests at the same moment: the row (or its lock) lets one through. False: refused.
    public async Task<bool> TryTakeManualAsync(int round, int department, int requestedBy, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var before = now - ManualInterval;
        var taken = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReminderRequests" ("RoundId", "OrganisationId", "RequestedAt", "RequestedById")
            VALUES ({round}, {department}, {now}, {requestedBy})
            ON CONFLICT ("RoundId", "OrganisationId") DO UPDATE SET "RequestedAt" = excluded."RequestedAt", "RequestedById" = excluded."RequestedById"
            WHERE "ReminderRequests"."RequestedAt" <= {before}
            """, ct);
        return taken == 1;
    }

    // The number of reminders written and queued. A daily digest is written once per person and day: one
    // already there (written meanwhile by another instance, too) is theirs. A manual one is always written.
    public async Task<int> WriteAsync(IEnumerable<Recipient> people, IReadOnlyList<Round> rounds, DateOnly day, ReminderKind kind, int? requestedBy, CancellationToken ct)
    {
        var now = db.Clock.GetUtcNow().UtcDateTime;
        var root = links.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : AccountLinks.ServerRoot(server, configuration);
        var queued = 0;
        foreach (var person in people)
        {
            if (kind == ReminderKind.Daily && await db.Reminders.AnyAsync(r => r.AccountId == person.Id && r.Day == day && r.Kind == ReminderKind.Daily, ct)) continue;
            var units = await OrganisationScope.ExpandAsync(db, person.OrganisationId, ct);
            var owed = new List<(Round Round, int Missing)>();
            foreach (var round in rounds.Where(r => r.Sides.Contains(person.Country)))
            {
                var missing = await RoundQueries.Outstanding(db, round, RoundQueries.Owed(db, round, person.Country, units), person.Country).CountAsync(ct);
                if (missing > 0) owed.Add((round, missing));
            }
            if (owed.Count == 0) continue;
            var language = person.Language is { } l && Cultures.Supported.Contains(l) ? l : OfficialLanguage(person.Country);
            var mail = mailer.Compose(person.Email, language, "Rounds.Reminder", Lines(owed, language, day), $"{root}/my-work");
            var reminder = new Reminder
            {
                AccountId = person.Id, Day = day, Kind = kind, RequestedById = requestedBy, Email = person.Email, Language = language, CreatedAt = now,
                State = ReminderState.Pending, Subject = mail.Subject.Length > 500 ? mail.Subject[..500] : mail.Subject, Body = mail.Body,
                Rounds = owed.Select(o => new ReminderRound { RoundId = o.Round.Id, Missing = o.Missing, AfterDue = day > o.Round.DueOn }).ToList(),
            };
            db.Reminders.Add(reminder);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (kind == ReminderKind.Daily)
            {
                // The day's digest for this person was written meanwhile (the unique key): it is theirs.
                db.ChangeTracker.Clear();
                continue;
            }
            await JobQueue.EnqueueAsync(db, ReminderSend.Kind, ReminderSend.Payload(reminder.Id), null, now, ct);
            db.ChangeTracker.Clear();
            queued++;
        }
        if (queued > 0) signal.Wake();
        return queued;
    }

    // A focal point who has not chosen a language reads their side's.
    static string OfficialLanguage(string country) => country == Sides.Laos ? "lo" : "vi";

    // One line a round: its name in the reader's language, how many reports are owed, the due date.
    static string Lines(List<(Round Round, int Missing)> owed, string language, DateOnly day)
    {
        var text = new StringBuilder();
        foreach (var (round, missing) in owed)
        {
            var late = day > round.DueOn ? " (!)" : "";
            text.Append(CultureInfo.InvariantCulture, $"- {round.Name.Best(language).Text} [{round.Period}]: {missing} · {round.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}{late}\n");
        }
        return text.ToString().TrimEnd();
    }
}

// Sends one reminder. A failed send is thrown back to the job queue, which tries again after a back-off
// (Jobs:RetryDelay times the attempts) up to Jobs:MaxAttempts; the reminder says how it went. Without a mail
// server nothing is sent: the reminder is marked not sent and listed on the round's page for the coordinator.
public sealed class ReminderSend(ConcordDb db, Mailer mailer, IOptions<JobOptions> options) : IJobHandler
{
    public const string Kind = "reminder-send";

    public static string Payload(int reminderId) => JsonSerializer.Serialize(new { reminderId });

    public async Task RunAsync(JobRun run, CancellationToken ct)
    {
        var id = JsonDocument.Parse(run.Job.Payload).RootElement.GetProperty("reminderId").GetInt32();
        var reminder = await db.Reminders.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reminder is null || reminder.State is ReminderState.Sent or ReminderState.NotSent) return;
        if (!mailer.IsConfigured)
        {
            reminder.State = ReminderState.NotSent;
            await db.SaveChangesAsync(ct);
            return;
        }
        reminder.Attempts++;
        try
        {
            await mailer.SendAsync(new OutgoingMail(reminder.Email, reminder.Subject, reminder.Body), ct);
        }
        catch (Exception e) when (Mailer.IsSendFailure(e))
        {
            var message = e.GetType().Name + ": " + e.Message;
            reminder.Error = message.Length > 1000 ? message[..1000] : message;
            if (run.Job.Attempts >= options.Value.MaxAttempts) reminder.State = ReminderState.Failed;
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
        reminder.State = ReminderState.Sent;
        reminder.SentAt = db.Clock.GetUtcNow().UtcDateTime;
        reminder.Error = null;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
