using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;

namespace Concord.Tests.Infrastructure;

// Just enough of an SMTP server on 127.0.0.1 for Concord to send its mail to: greets, accepts EHLO, MAIL,
// RCPT and DATA, and keeps each message for the test to read.
public sealed partial class SmtpTestServer : IAsyncDisposable
{
    readonly TcpListener listener = new(IPAddress.Loopback, 0);
    readonly Channel<ReceivedMail> received = Channel.CreateUnbounded<ReceivedMail>();
    readonly CancellationTokenSource stop = new();
    readonly Task accepting;

    public int Port { get; }

    // The next this many messages are refused at MAIL FROM with a temporary failure (451), as a mail server
    // that is down for a moment would: the sender must try again.
    public int RefuseNext
    {
        get => Volatile.Read(ref refuse);
        set => Volatile.Write(ref refuse, value);
    }
    int refuse;

    public SmtpTestServer()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    // The next message received, or a failure after the timeout.
    public async Task<ReceivedMail> NextAsync(TimeSpan? timeout = null)
    {
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await received.Reader.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No mail arrived.");
        }
    }

    // Whether a message arrives within the time given (for "nothing is sent").
    public async Task<bool> AnyWithinAsync(TimeSpan time)
    {
        using var wait = new CancellationTokenSource(time);
        try
        {
            return await received.Reader.WaitToReadAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            string from = "";
            var to = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        if (Interlocked.Decrement(ref refuse) >= 0)
                        {
                            await writer.WriteLineAsync("451 4.3.0 Try again later");
                            break;
                        }
                        Interlocked.Exchange(ref refuse, 0);
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        await received.Writer.WriteAsync(new ReceivedMail(from, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    case "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
    }

    static string Address(string line) => line[(line.IndexOf('<') + 1)..line.IndexOf('>')];

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    // The text body, decoded from the transfer encoding the sender chose.
    public string Body
    {
        get
        {
            var split = Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = Raw[..split];
            var body = Raw[(split + 4)..];
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
                return Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))));
            return body;
        }
    }

    // The Subject header, unfolded and decoded from its encoded words (=?utf-8?B?...?=).
    public string Subject
    {
        get
        {
            var headers = Raw[..Raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Replace("\r\n ", " ").Replace("\r\n\t", " ");
            var value = headers.Split("\r\n").First(h => h.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))[8..].Trim();
            var words = EncodedWordPattern().Matches(value);
            if (words.Count == 0) return value;
            // Adjacent encoded words are one text: their bytes are joined before decoding, since a character may
            // be split between two of them.
            var bytes = new List<byte>();
            foreach (Match word in words)
            {
                var text = word.Groups["text"].Value;
                bytes.AddRange(word.Groups["encoding"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                    ? Convert.FromBase64String(text)
                    : QuotedPrintable(text.Replace('_', ' ')));
            }
            return Encoding.UTF8.GetString([.. bytes]);
        }
    }

    static IEnumerable<byte> QuotedPrintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                yield return Convert.ToByte(text.Substring(i + 1, 2), 16);
                i += 2;
            }
            else yield return (byte)text[i];
        }
    }

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<encoding>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWordPattern();

    // The first link in the body to this path, as a path and query the test client can open.
    public string LinkTo(string path)
    {
        var match = LinkPattern().Matches(Body).FirstOrDefault(m => new Uri(m.Value).AbsolutePath == path)
            ?? throw new InvalidOperationException($"No link to {path} in:\n{Body}");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
