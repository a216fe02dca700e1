using System.Diagnostics;
using System.Text;
using Concord.Features.Attachments;
using Microsoft.AspNetCore.Hosting;

namespace Concord.Tests.Infrastructure;

// A real S3-compatible server for the S3 attachment store: s3rver (tests/s3rver), which verifies AWS Signature
// Version 4, as a child process on a free loopback port with its objects in a temporary folder. scripts/test.sh
// installs it and passes its launcher in CONCORD_TEST_S3RVER. Without it these tests fail rather than skip, as
// PostgreSQL's do: a green run always means the store was tried against a real server.
public sealed class S3TestServer : IAsyncDisposable
{
    public const string Bucket = "concord";
    // s3rver's one account.
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    public string Folder { get; } = Directory.CreateTempSubdirectory("concord-s3rver-").FullName;
    public string Endpoint { get; private set; } = "";

    Process? process;
    readonly StringBuilder errors = new();

    public async Task StartAsync()
    {
        var launcher = Environment.GetEnvironmentVariable("CONCORD_TEST_S3RVER")
            ?? throw new InvalidOperationException("CONCORD_TEST_S3RVER is not set: run the tests with scripts/test.sh, which installs s3rver (tests/s3rver) and names its launcher there.");
        if (!File.Exists(launcher)) throw new InvalidOperationException($"CONCORD_TEST_S3RVER names {launcher}, which does not exist.");
        // Standard input is kept open and never written: the server exits when it closes, so it ends with
        // this process even if this process is killed.
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { launcher, Folder, Bucket },
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (line is null || !line.StartsWith("listening ", StringComparison.Ordinal))
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            lock (errors) throw new InvalidOperationException($"s3rver did not start (is tests/s3rver installed? scripts/install-test-deps.sh does it): {line}\n{errors}");
        }
        Endpoint = $"http://127.0.0.1:{int.Parse(line["listening ".Length..])}";
    }

    // Concord's attachments in this server's bucket, under the prefix given.
    public void Configure(IWebHostBuilder builder, string prefix, string secretKey = SecretKey)
    {
        builder.UseSetting("Attachments:Store", "S3");
        builder.UseSetting("Attachments:S3:Endpoint", Endpoint);
        builder.UseSetting("Attachments:S3:Bucket", Bucket);
        builder.UseSetting("Attachments:S3:AccessKey", AccessKey);
        builder.UseSetting("Attachments:S3:SecretKey", secretKey);
        builder.UseSetting("Attachments:S3:Prefix", prefix);
    }

    // The test's own client of the same bucket, to look at or change an object behind Concord's back.
    public S3AttachmentStore Store(string prefix, string secretKey = SecretKey) =>
        new(new HttpClient(), new S3Options { Endpoint = Endpoint, Bucket = Bucket, AccessKey = AccessKey, SecretKey = secretKey, Prefix = prefix }, TimeProvider.System);

    // How many objects the bucket holds (s3rver keeps each as <key>._S3rver_object beside its metadata).
    public int ObjectCount() => Directory.EnumerateFiles(Path.Combine(Folder, Bucket), "*._S3rver_object", SearchOption.AllDirectories).Count();

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        Directory.Delete(Folder, recursive: true);
    }
}
