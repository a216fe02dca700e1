using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// Concord on a real Kestrel port with a fresh SQLite file and the demo history, and Debian's
// Chromium driven by Playwright (no browser download: the system one is launched directly).
public sealed class ConcordServer : WebApplicationFactory<Program>, IAsyncLifetime
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

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            if (File.Exists(f)) File.Delete(f);
    }
}
