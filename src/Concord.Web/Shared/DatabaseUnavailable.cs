using System.Globalization;
using System.Net.Sockets;
using Microsoft.AspNetCore.Localization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Npgsql;

namespace Concord.Shared;

// While the database cannot be reached (PostgreSQL restarting, a network cut, SQLite busy past its timeout)
// a request that needs it is answered 503 with Retry-After, in the reader's language, instead of a 500 and a
// stack trace: the client did nothing wrong and should try again shortly. EF Core's execution strategy has
// already retried by then (DatabaseSetup). Nothing is half-saved: the failed save's transaction never committed.
// Before authentication, which reads the session from the database.
public static class DatabaseUnavailable
{
    public const int RetryAfterSeconds = 5;

    public static IApplicationBuilder UseDatabaseUnavailableAnswers(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (Unreachable(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseUnavailable).FullName!)
                    .LogWarning("Database unavailable during {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path.Value, Innermost(e).Message);
                await AnswerAsync(http);
            }
        });

    // The database is down or out of reach, as opposed to a fault in Concord's own query.
    public static bool Unreachable(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case RetryLimitExceededException:
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case SqliteException { SqliteErrorCode: 5 or 6 }: // SQLITE_BUSY, SQLITE_LOCKED
                    return true;
            }
        }
        return false;
    }

    static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    static async Task AnswerAsync(HttpContext http)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        if (http.Features.Get<IRequestCultureFeature>() is { } chosen) CultureInfo.CurrentUICulture = chosen.RequestCulture.UICulture;
        var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
        var problem = new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = t["Error.DatabaseUnavailableTitle"], Detail = t["Error.DatabaseUnavailableMessage"] },
        };
        if (await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(problem)) return;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(t["Error.DatabaseUnavailableMessage"]);
    }
}
