using System.Data.Common;
using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Audit;

// Requests refused by a rate limit, counted per client per minute in one row. A scan sends thousands:
// each used to be a security event, a thousand writes that buried the log. Now the first refusal of a
// client in a minute is a security event, and the others add one to this row's count. The client is what
// the limit counted: "sign-in 203.0.113.7", "api 203.0.113.7", or "api account 42" for a signed-in caller
// of the API (whose allowance is per account, so that one office's address does not stop its colleagues).
public sealed class RateLimitRefusal
{
    public long Id { get; set; }
    public required string Client { get; set; }
    // The minute the refusals fall in (UTC, seconds cut off).
    public DateTime Minute { get; set; }
    public int Count { get; set; }
    // What the first refusal asked for ("POST /account/sign-in").
    public string? FirstRequest { get; set; }
    public DateTime LastAt { get; set; }

    // Adds one refusal and returns the minute's count so far (1: the first, which the caller records as an event).
    // One statement on both databases, so that two instances refusing the same address add up in one row.
    public static async Task<int> CountAsync(ConcordDb db, string client, string request, DateTime now)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO "RateLimitRefusals" ("Client", "Minute", "Count", "FirstRequest", "LastAt")
                VALUES (@client, @minute, 1, @request, @at)
                ON CONFLICT ("Client", "Minute") DO UPDATE SET "Count" = "RateLimitRefusals"."Count" + 1, "LastAt" = excluded."LastAt"
                RETURNING "Count"
                """;
            Add(command, "client", client.Length > 100 ? client[..100] : client);
            Add(command, "minute", new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc));
            Add(command, "request", request.Length > 300 ? request[..300] : request);
            Add(command, "at", now);
            return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
