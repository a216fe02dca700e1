namespace Concord.Shared;

// What operators read: in Production one JSON object per log line (timestamp, level, category, message,
// its named values, scopes), for a log collector to parse instead of a human; plain text elsewhere.
public static class Observability
{
    public static IHostApplicationBuilder AddConcordObservability(this IHostApplicationBuilder builder)
    {
        if (builder.Environment.IsProduction())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }
}
