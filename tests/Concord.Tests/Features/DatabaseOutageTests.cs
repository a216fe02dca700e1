using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Concord.Tests.Features;

// While PostgreSQL cannot be reached (a restart, a network cut), Concord answers 503 with Retry-After and
// a sentence in the reader's language, not a 500 and a stack trace; once the server is back, it serves again
// without a restart of its own. The app reaches its database through a gate this test closes and opens.
public class DatabaseOutageTests(OutagePostgresFactory factory) : IClassFixture<OutagePostgresFactory>
{
    [Fact]
    public async Task WhileTheDatabaseIsUnreachableRequestsGet503WithRetryAfterAndServeAgainOnceItIsBack()
    {
        var client = factory.NewClient(redirects: false);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/commitments")).StatusCode);

        factory.Gate.Close();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/commitments?culture=en");
        using var page = new HttpRequestMessage(HttpMethod.Get, "/commitments?culture=vi");
        page.Headers.Accept.ParseAdd("text/html");
        var answers = await Task.WhenAll(client.SendAsync(api), client.SendAsync(page));

        var apiAnswer = answers[0];
        Assert.Equal(HttpStatusCode.ServiceUnavailable, apiAnswer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), apiAnswer.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", apiAnswer.Content.Headers.ContentType?.MediaType);
        var body = await apiAnswer.Content.ReadAsStringAsync();
        Assert.Contains("Concord cannot reach its database at the moment", body);
        Assert.DoesNotContain("Npgsql", body);

        var pageAnswer = answers[1];
        Assert.Equal(HttpStatusCode.ServiceUnavailable, pageAnswer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), pageAnswer.Headers.RetryAfter?.Delta);
        Assert.Contains("không kết nối được cơ sở dữ liệu", await pageAnswer.Content.ReadAsStringAsync());

        factory.Gate.Open();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/commitments")).StatusCode);
    }
}

public class DatabaseRestartTests(OutagePostgresFactory factory) : IClassFixture<OutagePostgresFactory>
{
    // A restart of PostgreSQL ends every connection the app's pool holds; the next writes find them dead
    // (inside their transaction too) and must be retried on new ones and saved once, not answered 500.
    [Fact]
    public async Task WritesAfterTheServerDroppedEveryPooledConnectionAreSavedOnce()
    {
        var client = await factory.CoordinatorAsync();
        var (commitment, organisation, period) = await factory.WithDbAsync(async db =>
        {
            var c = await db.Commitments.Where(x => x.PeriodStart != null).OrderBy(x => x.Id).Select(x => new { x.Id, x.PeriodStart, x.PeriodEnd }).FirstAsync();
            var o = await db.Organisations.Where(x => x.Key == TestAccounts.VietnamCooperation).Select(x => x.Id).SingleAsync();
            return (c.Id, o, c.PeriodEnd is { } end && end != c.PeriodStart ? $"{c.PeriodStart}-{end}" : $"{c.PeriodStart}");
        });
        var marker = $"restart-{Guid.NewGuid():N}";
        for (var round = 0; round < 5; round++)
        {
            // Fill the pool with connections, then drop them all, as a restart does.
            await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => client.GetAsync("/api/commitments")));
            factory.Gate.Cut();
            // Rounds 1-4: the server goes away in the middle of the save's transaction, at each of its statements.
            factory.Gate.CutOnSending = round switch { 1 => "SAVEPOINT", 2 => "INSERT INTO \"ProgressReports\"", 3 => "INSERT INTO \"AuditEntries\"", 4 => "COMMIT", _ => null };
            var answer = await client.PostAsJsonAsync($"/api/commitments/{commitment}/reports", new
            {
                country = "VN", organisationId = organisation, period, status = "InProgress", narrativeEn = $"{marker}-{round}",
                reportedOn = DateTime.UtcNow.ToString("yyyy-MM-dd"),
            });
            Assert.True(answer.StatusCode == HttpStatusCode.Created, $"round {round}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }
        var saved = await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Narrative.En!.StartsWith(marker)).Select(r => r.Narrative.En!).ToListAsync());
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{marker}-{i}"), saved.Order());
    }
}

public sealed class OutagePostgresFactory : PostgresFactory
{
    internal TcpGate Gate { get; } = new(new NpgsqlConnectionStringBuilder(ServerAddress));

    protected override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(base.ConnectionString) { Host = "127.0.0.1", Port = Gate.Port }.ConnectionString;

    protected override async Task DropAsync()
    {
        Gate.Open();
        await base.DropAsync();
        Gate.Close();
    }
}

// A TCP forwarder to the PostgreSQL server: Close refuses new connections and cuts the open ones, as a
// server going down does; Open listens again on the same port.
sealed class TcpGate
{
    readonly string host;
    readonly int upstream;
    readonly List<TcpClient> open = [];
    TcpListener? listener;
    public int Port { get; private set; }

    public TcpGate(NpgsqlConnectionStringBuilder server)
    {
        host = server.Host!;
        upstream = server.Port;
        Open();
    }

    public void Open()
    {
        lock (open)
        {
            if (listener is not null) return;
            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _ = AcceptAsync(listener);
        }
    }

    public void Close()
    {
        lock (open)
        {
            listener?.Stop();
            listener = null;
            foreach (var connection in open) connection.Dispose();
            open.Clear();
        }
    }

    // Every open connection ends; new ones are accepted.
    public void Cut()
    {
        lock (open)
        {
            foreach (var connection in open) connection.Dispose();
            open.Clear();
        }
    }

    async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient inbound;
            try { inbound = await from.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            var outbound = new TcpClient();
            try { await outbound.ConnectAsync(host, upstream); }
            catch (SocketException) { inbound.Dispose(); outbound.Dispose(); continue; }
            lock (open)
            {
                if (listener != from) { inbound.Dispose(); outbound.Dispose(); return; }
                open.Add(inbound);
                open.Add(outbound);
            }
            _ = PumpAsync(inbound, outbound, toServer: true);
            _ = PumpAsync(outbound, inbound, toServer: false);
        }
    }

    // The next connection that sends these bytes to the server is cut right there, before the server sees
    // them: the server went away in the middle of a transaction.
    public string? CutOnSending { get; set; }

    async Task PumpAsync(TcpClient from, TcpClient to, bool toServer)
    {
        var buffer = new byte[65536];
        try
        {
            var input = from.GetStream();
            var output = to.GetStream();
            int read;
            while ((read = await input.ReadAsync(buffer)) > 0)
            {
                if (toServer && CutOnSending is { } cut && System.Text.Encoding.UTF8.GetString(buffer, 0, read).Contains(cut, StringComparison.Ordinal))
                {
                    CutOnSending = null;
                    break;
                }
                await output.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException) { }
        from.Dispose();
        to.Dispose();
    }
}
