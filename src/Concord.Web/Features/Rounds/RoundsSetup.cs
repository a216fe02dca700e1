using Concord.Features.Calendar;
using Concord.Features.Jobs;
using Microsoft.Extensions.Options;

namespace Concord.Features.Rounds;

public static class RoundsSetup
{
    public static IServiceCollection AddConcordRounds(this IServiceCollection services)
    {
        services.AddOptions<ReminderOptions>().BindConfiguration("Reminders");
        services.AddConcordJobs();
        services.AddScoped<ReminderDigest>();
        services.AddDailyJob<DailyReminders>(DailyReminders.Kind, sp => sp.GetRequiredService<IOptions<ReminderOptions>>().Value.SendAt);
        services.AddJobHandler<ReminderSend>(ReminderSend.Kind);
        services.AddCalendarSource<RoundDeadlines>();
        return services;
    }
}
