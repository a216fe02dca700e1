using System.Net;
using System.Net.Sockets;
using Concord.Tests.Infrastructure;
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
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    static async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream()); }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException) { }
        from.Dispose();
        to.Dispose();
    }
}
