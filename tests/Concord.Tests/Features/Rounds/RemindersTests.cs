using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Jobs;
using Concord.Features.Rounds;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Features.Rounds;

// The clock of the reminder tests: real time moving on (so retries come due), shifted to the day a test chooses.
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    // 08:00 in Hanoi and Vientiane on `day` (before the reminders' time), plus `later`.
    public void SetTo(DateOnly day, TimeSpan later = default) =>
        Shift = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), ProgrammeCalendar.Offset) + later - System.GetUtcNow();
}

// Concord with a mail server (a test one that can refuse), reminders worked out at noon, and quick retries.
static class ReminderSettings
{
    public static void Apply(IWebHostBuilder builder, SmtpTestServer smtp, ShiftedClock clock)
    {
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", smtp.Port.ToString());
        builder.UseSetting("Smtp:From", "concord@test.example");
        builder.UseSetting("Reminders:SendAt", "12:00");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.2");
        builder.UseSetting("Jobs:ScheduleInterval", "00:00:00.3");
        builder.UseSetting("Jobs:RetryDelay", "00:00:01");
        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
    }
}

public sealed class RemindersSqliteFactory : SqliteFactory
{
    public SmtpTestServer Smtp { get; } = new();
    public ShiftedClock Clock { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ReminderSettings.Apply(builder, Smtp, Clock);
    }
}

public sealed class RemindersPostgresFactory : PostgresFactory
{
    public SmtpTestServer Smtp { get; } = new();
    public ShiftedClock Clock { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        ReminderSettings.Apply(builder, Smtp, Clock);
    }
}

// Reminders are worked out once a day by a job queued under the day's key, written as rows before anything is
// sent, and sent by jobs that retry with back-off when the mail server fails.
public abstract class RemindersTests(ConcordFactory factory, SmtpTestServer smtp, ShiftedClock clock)
{
    protected ConcordFactory Factory => factory;
    protected SmtpTestServer Smtp => smtp;

    // A round of the world's 9th minutes due `remind` days after `day`, a clause its Lao department leads, and a
    // focal point of that department who reads Lao.
    protected async Task<(TestAccount FocalPoint, int Round)> RoundDueAsync(DateOnly day, int remind = 7)
    {
        clock.SetTo(day);
        var world = await CommitmentsWorld.CreateAsync(factory);
        await world.AddCommitmentsAsync(2, (i, c) => { c.InstrumentId = world.NinthMinutes; c.Period = new Period(2026, 2027); }, world.VnDepartment, world.LaDepartment);
        var focalPoint = await factory.CreateAccountAsync(Role.FocalPoint, world.LaDepartment);
        var round = await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(a => a.Id == focalPoint.Id)).Language = "lo";
            var r = new Round
            {
                Name = new LocalizedText($"Báo cáo {world.Tag}", $"Progress {world.Tag}", $"ລາຍງານ {world.Tag}"), Period = new Period(2026, 2027),
                DueOn = day.AddDays(remind), RemindDaysBefore = remind, InstrumentId = world.NinthMinutes,
            };
            db.Rounds.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        return (focalPoint, round);
    }

    protected async Task<Reminder> ReminderOfAsync(int accountId, Func<Reminder, bool> done, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            var reminder = await factory.WithDbAsync(db => db.Reminders.AsNoTracking().Include(r => r.Rounds).SingleOrDefaultAsync(r => r.AccountId == accountId));
            if (reminder is not null && done(reminder)) return reminder;
            if (DateTime.UtcNow > until) throw new TimeoutException($"The reminder did not get there: {reminder?.State} after {reminder?.Attempts} attempts ({reminder?.Error}).");
            await Task.Delay(200);
        }
    }

    protected async Task<ReceivedMail> MailToAsync(string address)
    {
        while (true)
        {
            var mail = await smtp.NextAsync(TimeSpan.FromSeconds(40));
            if (mail.To.Contains(address)) return mail;
        }
    }

    [Fact]
    public async Task AFailedSendIsRetriedAndTheDigestArrivesOnceInTheAccountsLanguageWithALinkToTheList()
    {
        var day = new DateOnly(2031, 3, 10);
        var (focalPoint, round) = await RoundDueAsync(day);
        smtp.RefuseNext = 1;
        clock.SetTo(day, TimeSpan.FromHours(4.5));

        var mail = await MailToAsync(focalPoint.Email);
        Assert.Contains("ລາຍງານ", mail.Body);
        Assert.Equal("/my-work", mail.LinkTo("/my-work"));
        var reminder = await ReminderOfAsync(focalPoint.Id, r => r.State == ReminderState.Sent);
        Assert.Equal(2, reminder.Attempts);
        Assert.Equal(day, reminder.Day);
        Assert.Equal(2, reminder.Rounds.Single(r => r.RoundId == round).Missing);
        // The day's job ran once, and was not queued again.
        Assert.Equal(1, await factory.WithDbAsync(db => db.Jobs.CountAsync(j => j.Key == DailyJob.KeyOf(DailyReminders.Kind, day))));

        // The administrator sees it among the sent reminders; the round's coordinators on the round's page.
        // (Back to today's clock first: the authenticator codes the test signs in with are today's.)
        clock.Shift = TimeSpan.Zero;
        var coordinator = await factory.CoordinatorAsync();
        Assert.Contains(focalPoint.Email, (await coordinator.GetPageAsync($"/rounds/{round}")).QuerySelector("#reminders")!.TextContent);
        var admin = await factory.ClientAsync(Role.Administrator);
        Assert.NotNull((await admin.GetPageAsync("/admin/reminders?state=Sent")).QuerySelector($"#reminders tr[data-reminder='{reminder.Id}']"));
    }
}

public sealed class RemindersOnSqlite(RemindersSqliteFactory factory) : RemindersTests(factory, factory.Smtp, factory.Clock), IClassFixture<RemindersSqliteFactory>;

public sealed class RemindersOnPostgres(RemindersPostgresFactory factory) : RemindersTests(factory, factory.Smtp, factory.Clock), IClassFixture<RemindersPostgresFactory>
{
    // Two Concords on one PostgreSQL, both looking for the day's work: the daily job is queued once, and each
    // focal point gets one digest.
    [Fact]
    public async Task WithTwoInstancesTheDailyJobRunsOnceAndEachFocalPointGetsOneDigest()
    {
        var day = new DateOnly(2031, 5, 12);
        var (focalPoint, _) = await RoundDueAsync(day, remind: 3);
        await using var second = factory.WithWebHostBuilder(_ => { });
        _ = second.Services;
        Smtp.RefuseNext = 0;
        factory.Clock.SetTo(day, TimeSpan.FromHours(4.5));

        await MailToAsync(focalPoint.Email);
        var reminder = await ReminderOfAsync(focalPoint.Id, r => r.State == ReminderState.Sent);
        Assert.Equal(1, reminder.Attempts);
        // Give the other instance every chance to do it again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var jobs = await Factory.WithDbAsync(db => db.Jobs.AsNoTracking().Where(j => j.Key == DailyJob.KeyOf(DailyReminders.Kind, day)).ToListAsync());
        Assert.Equal(JobState.Done, Assert.Single(jobs).State);
        Assert.Equal(1, jobs[0].Attempts);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Reminders.CountAsync(r => r.AccountId == focalPoint.Id)));
        Assert.False(await MailToAnyWithinAsync(focalPoint.Email, TimeSpan.FromSeconds(2)));
    }

    async Task<bool> MailToAnyWithinAsync(string address, TimeSpan time)
    {
        var until = DateTime.UtcNow + time;
        while (DateTime.UtcNow < until)
        {
            if (!await Smtp.AnyWithinAsync(until - DateTime.UtcNow)) return false;
            var mail = await Smtp.NextAsync();
            if (mail.To.Contains(address)) return true;
        }
        return false;
    }
}
