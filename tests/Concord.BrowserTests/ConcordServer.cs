using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Concord.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// Concord on a real Kestrel port with a fresh SQLite file and the demo history, and Debian's
// Chromium driven by Playwright (no browser download: the system one is launched directly).
public class ConcordServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    readonly string file = Path.Combine(Path.GetTempPath(), $"concord-browser-{Guid.NewGuid():N}.db");
    IPlaywright? playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Concord", $"Data Source={file}");
        builder.UseSetting("Database:SeedDemo", "true");
    }

    public async Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await LaunchBrowserAsync();
    }

    // Another Chromium, for a test that needs its own environment (LaoFontJourney hides the system's Lao fonts).
    public Task<IBrowser> LaunchBrowserAsync(IEnumerable<KeyValuePair<string, string>>? environment = null) =>
        playwright!.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CONCORD_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage",
            ],
            Env = environment,
        });

    public async Task<IPage> NewPageAsync(string language = "vi")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = language });
        return await context.NewPageAsync();
    }

    // After the app has stopped: what a server of a journey adds (a mail server).
    protected virtual ValueTask DisposedAsync() => ValueTask.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        await DisposedAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}

// The same, sending its mail to a test SMTP server on 127.0.0.1 (Smtp:Host, Smtp:Port as SmtpOptions reads
// them), with jobs looked for often, for a journey that waits for an e-mail.
public sealed class MailingConcordServer : ConcordServer
{
    public SmtpTestServer Smtp { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Smtp:Host", "127.0.0.1");
        builder.UseSetting("Smtp:Port", Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Smtp:From", "concord@test.example");
        builder.UseSetting("Jobs:PollInterval", "00:00:00.5");
    }

    protected override ValueTask DisposedAsync() => Smtp.DisposeAsync();
}
