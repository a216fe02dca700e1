using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Concord.Tests.Features;

// OpenTelemetry as an operator's collector receives it: Concord, told where an OTLP/HTTP endpoint is,
// sends it a span per request named for its route, with the database calls the request made beneath it,
// and metrics; never a query string or an SQL parameter value. Without an endpoint nothing is set up.
public abstract class TelemetryTests<TFactory>(TFactory factory) where TFactory : ConcordFactory, ITelemetryFactory
{
    protected abstract string DatabaseSystem { get; }

    [Fact]
    public async Task ARequestIsExportedAsASpanNamedForItsRouteWithItsDatabaseCallsAndNoSearchedWords()
    {
        var commitment = await factory.WithDbAsync(db => Task.FromResult(db.Commitments.OrderBy(c => c.Id).Select(c => c.Id).First()));
        var secret = "otelprobe" + Guid.NewGuid().ToString("N")[..10];
        // Our own trace id, so that spans from other test classes' requests (the instrumentation listens
        // process-wide) cannot be mistaken for ours.
        var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var client = factory.NewClient();
        foreach (var url in new[] { $"/api/commitments/{commitment}", $"/api/search?q={secret}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("traceparent", $"00-{traceId}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8])}-01");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

        var spans = factory.Receiver.Spans().Where(s => s.TraceId == traceId).ToList();
        Assert.Contains(spans, s => s.Name == "GET /api/commitments/{id:int}");
        Assert.Contains(spans, s => s.Name == "GET /api/search/");
        var database = spans.Where(s => s.Attributes.GetValueOrDefault("db.system.name") == DatabaseSystem).ToList();
        Assert.NotEmpty(database);
        Assert.Contains(database, s => s.Attributes.GetValueOrDefault("db.query.text")?.Contains("SELECT", StringComparison.OrdinalIgnoreCase) == true);

        var metrics = factory.Receiver.MetricNames();
        Assert.Contains("http.server.request.duration", metrics);
        Assert.Contains("db.client.operation.duration", metrics);
        Assert.Contains(metrics, m => m.StartsWith("dotnet.", StringComparison.Ordinal));

        // Neither the query string nor the search pattern bound as an SQL parameter is anywhere in what left.
        Assert.DoesNotContain(secret, factory.Receiver.AllText());
    }
}

public interface ITelemetryFactory
{
    OtlpReceiver Receiver { get; }
}

public sealed class TelemetrySqliteFactory : SqliteFactory, ITelemetryFactory
{
    public OtlpReceiver Receiver { get; } = new();

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:OtlpEndpoint", Receiver.Address);
    }

    protected override async Task DropAsync()
    {
        await base.DropAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class TelemetryPostgresFactory : PostgresFactory, ITelemetryFactory
{
    public OtlpReceiver Receiver { get; } = new();

    public override async Task InitializeAsync()
    {
        await Receiver.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Telemetry:OtlpEndpoint", Receiver.Address);
    }

    protected override async Task DropAsync()
    {
        await base.DropAsync();
        await Receiver.DisposeAsync();
    }
}

public sealed class TelemetryOnSqlite(TelemetrySqliteFactory factory) : TelemetryTests<TelemetrySqliteFactory>(factory), IClassFixture<TelemetrySqliteFactory>
{
    protected override string DatabaseSystem => "sqlite";
}

public sealed class TelemetryOnPostgres(TelemetryPostgresFactory factory) : TelemetryTests<TelemetryPostgresFactory>(factory), IClassFixture<TelemetryPostgresFactory>
{
    protected override string DatabaseSystem => "postgresql";
}

public class TelemetryOffTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task WithoutAnEndpointNoTelemetryIsSetUp()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/api/commitments")).StatusCode);
        Assert.Null(factory.Services.GetService<TracerProvider>());
        Assert.Null(factory.Services.GetService<MeterProvider>());
    }
}

// A collector as small as a test needs: OTLP/HTTP protobuf on /v1/traces and /v1/metrics, each body kept.
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly ConcurrentQueue<byte[]> traces = new();
    readonly ConcurrentQueue<byte[]> metrics = new();
    WebApplication? app;
    public string Address { get; private set; } = "";

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.MapPost("/v1/traces", (HttpRequest request) => KeepAsync(request, traces));
        app.MapPost("/v1/metrics", (HttpRequest request) => KeepAsync(request, metrics));
        await app.StartAsync();
        Address = app.Urls.First();
    }

    static async Task<IResult> KeepAsync(HttpRequest request, ConcurrentQueue<byte[]> into)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        into.Enqueue(body.ToArray());
        // An empty Export*ServiceResponse: full success.
        return Results.Bytes([], "application/x-protobuf");
    }

    public sealed record Span(string TraceId, string Name, Dictionary<string, string> Attributes);

    // ExportTraceServiceRequest: 1 resource_spans { 2 scope_spans { 2 spans { 1 trace_id, 5 name, 9 attributes } } }
    public IEnumerable<Span> Spans() =>
        from body in traces
        from resource in Protobuf.Messages(body, 1)
        from scope in Protobuf.Messages(resource, 2)
        from span in Protobuf.Messages(scope, 2)
        select new Span(
            Convert.ToHexStringLower(Protobuf.Messages(span, 1).First()),
            Encoding.UTF8.GetString(Protobuf.Messages(span, 5).First()),
            Protobuf.Messages(span, 9).Select(Protobuf.KeyValue).GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.First().Value));

    // ExportMetricsServiceRequest: 1 resource_metrics { 2 scope_metrics { 2 metrics { 1 name } } }
    public HashSet<string> MetricNames() =>
        (from body in metrics
         from resource in Protobuf.Messages(body, 1)
         from scope in Protobuf.Messages(resource, 2)
         from metric in Protobuf.Messages(scope, 2)
         select Encoding.UTF8.GetString(Protobuf.Messages(metric, 1).First())).ToHashSet();

    // Every byte received, read as text: a string value anywhere in the protobuf is found in it.
    public string AllText() => string.Join("\n", traces.Concat(metrics).Select(b => Encoding.UTF8.GetString(b)));

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
    }
}

// Enough of the protobuf wire format to walk OTLP messages: varints, fixed widths, length-delimited fields.
static class Protobuf
{
    public static IEnumerable<byte[]> Messages(byte[] message, int wanted)
    {
        var i = 0;
        while (i < message.Length)
        {
            var key = Varint(message, ref i);
            var (field, wire) = ((int)(key >> 3), (int)(key & 7));
            switch (wire)
            {
                case 0: Varint(message, ref i); break;
                case 1: i += 8; break;
                case 5: i += 4; break;
                case 2:
                    var length = (int)Varint(message, ref i);
                    if (field == wanted) yield return message[i..(i + length)];
                    i += length;
                    break;
                default: throw new InvalidDataException($"wire type {wire}");
            }
        }
    }

    // KeyValue { 1 key, 2 AnyValue { 1 string_value, 3 int_value ... } }: strings only, others empty.
    public static (string Key, string Value) KeyValue(byte[] pair) =>
        (Encoding.UTF8.GetString(Messages(pair, 1).First()),
         Messages(pair, 2).SelectMany(v => Messages(v, 1)).Select(s => Encoding.UTF8.GetString(s)).FirstOrDefault() ?? "");

    static ulong Varint(byte[] data, ref int i)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[i++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80) return value;
        }
    }
}
