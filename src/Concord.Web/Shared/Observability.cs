using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Concord.Shared;

// What operators read: in Production one JSON object per log line (timestamp, level, category, message,
// its named values, scopes), for a log collector to parse instead of a human; plain text elsewhere.
//
// Traces and metrics (OpenTelemetry) of requests, database calls and the runtime, sent to an OTLP
// collector only when one is configured: the standard OTEL_EXPORTER_OTLP_ENDPOINT (with the other
// OTEL_* variables: protocol, headers, service name), or Concord's Telemetry__OtlpEndpoint, spoken in
// OTLP/HTTP protobuf unless Telemetry__OtlpProtocol=grpc. Without either, nothing is registered: no
// listener, no measurement, no exporter.
public static class Observability
{
    public const string ServiceName = "concord";

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
        if (!TelemetryEnabled(builder.Configuration)) return builder;

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    // A probe every few seconds is noise, not a request anyone made.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    // No personal data leaves Concord: the query string carries what people search for and
                    // the one-time tokens of invitation and reset links, so it is dropped (the instrumentation
                    // only masks its values); no client address or user agent either. Paths hold only ids.
                    o.EnrichWithHttpRequest = (activity, _) =>
                    {
                        activity.SetTag("url.query", null);
                        activity.SetTag("client.address", null);
                        activity.SetTag("user_agent.original", null);
                    };
                })
                // db.query.text is kept: Concord's SQL is EF Core's, every value a parameter ($1, @p0), and the
                // parameters are never recorded, so the text says which query was slow without saying about whom.
                .AddNpgsql()
                .AddSource(SqliteTracing.SourceName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(SqliteTracing.SourceName));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            var protocol = string.Equals(builder.Configuration["Telemetry:OtlpProtocol"], "grpc", StringComparison.OrdinalIgnoreCase)
                ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            telemetry.UseOtlpExporter(protocol, new Uri(builder.Configuration["Telemetry:OtlpEndpoint"]!));
        }
        return builder;
    }

    public static bool TelemetryEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) || !string.IsNullOrWhiteSpace(configuration["Telemetry:OtlpEndpoint"]);
}

// Npgsql traces and measures its own commands; Microsoft.Data.Sqlite does not. This interceptor gives SQLite
// commands the same kind of span (db.system.name, db.operation.name, db.query.text; never the parameters)
// and duration histogram. Added only when telemetry is on (DatabaseSetup).
public sealed class SqliteTracing : DbCommandInterceptor
{
    public const string SourceName = "Concord.Sqlite";
    static readonly ActivitySource Source = new(SourceName);
    static readonly Meter Meter = new(SourceName);
    static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("db.client.operation.duration", "s", "Duration of SQLite commands");

    public static readonly SqliteTracing Instance = new();
    readonly ConcurrentDictionary<Guid, (Activity? Span, long Started, string Operation)> running = new();

    void Start(DbCommand command, CommandEventData data)
    {
        var operation = Operation(command.CommandText);
        var span = Source.StartActivity($"{operation} sqlite", ActivityKind.Client);
        if (span is not null)
        {
            span.SetTag("db.system.name", "sqlite");
            span.SetTag("db.operation.name", operation);
            span.SetTag("db.query.text", command.CommandText);
        }
        running[data.CommandId] = (span, Stopwatch.GetTimestamp(), operation);
    }

    void Stop(CommandEventData data, Exception? failure = null)
    {
        if (!running.TryRemove(data.CommandId, out var state)) return;
        var seconds = Stopwatch.GetElapsedTime(state.Started).TotalSeconds;
        var tags = new TagList { { "db.system.name", "sqlite" }, { "db.operation.name", state.Operation } };
        if (failure is not null) tags.Add("error.type", failure.GetType().Name);
        Duration.Record(seconds, tags);
        if (state.Span is null) return;
        if (failure is not null)
        {
            // The type only: a message can quote a value (a constraint's key).
            state.Span.SetTag("error.type", failure.GetType().Name);
            state.Span.SetStatus(ActivityStatusCode.Error);
        }
        state.Span.Dispose();
    }

    static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        var word = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        return word.Length is > 0 and <= 16 ? word : "SQL";
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Start(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
    {
        Start(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken ct = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Stop(eventData);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken ct = default)
    {
        Stop(eventData);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Stop(eventData, eventData.Exception);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
    {
        Stop(eventData, eventData.Exception);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Stop(eventData);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken ct = default)
    {
        Stop(eventData);
        return Task.CompletedTask;
    }
}
