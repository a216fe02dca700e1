using System.Collections.Concurrent;
using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static Concord.Tests.Features.Accounts.SignInSteps;

namespace Concord.Tests.Features.Accounts;

// The embedded demo's accounts: one per role and side, printed once at first start, and never in Production.
public abstract class DemoAccountTests(ConcordFactory factory)
{
    [Fact]
    public async Task FirstStartMakesOneDemoAccountPerRoleAndSideInSuitableOrganisations()
    {
        var demo = await factory.WithDbAsync(db => db.Users.Where(a => a.IsDemo)
            .Select(a => new { a.Email, a.Role, a.Country, Organisation = a.Organisation.Key, a.TwoFactorEnabled }).ToListAsync());

        Assert.Equal(
            [
                ("administrator.la@demo.concord.example", Role.Administrator, "LA", "la-mlsw"),
                ("administrator.vn@demo.concord.example", Role.Administrator, "VN", "vn-moha"),
                ("coordinator.la@demo.concord.example", Role.Coordinator, "LA", "la-mlsw-dpic"),
                ("coordinator.vn@demo.concord.example", Role.Coordinator, "VN", "vn-molisa-icd"),
                ("focal-point.la@demo.concord.example", Role.FocalPoint, "LA", "la-bankan"),
                ("focal-point.vn@demo.concord.example", Role.FocalPoint, "VN", "vn-moha-doe"),
                ("reader.la@demo.concord.example", Role.Reader, "LA", "la-mlsw"),
                ("reader.vn@demo.concord.example", Role.Reader, "VN", "vn-moha"),
            ],
            demo.Select(a => (a.Email!, a.Role, a.Country, a.Organisation!)).OrderBy(a => a.Item1, StringComparer.Ordinal));
        // Second factors are set up by whoever first signs in, on their own phone.
        Assert.All(demo, a => Assert.False(a.TwoFactorEnabled));

        // Each focal point's department leads an illustrative commitment to report on.
        var led = await factory.WithDbAsync(db => db.CommitmentLeads.Select(l => l.Organisation.Key).Distinct().ToListAsync());
        Assert.Contains("vn-moha-doe", led);
        Assert.Contains("la-bankan", led);
    }

    [Fact]
    public async Task TheSignInPageSaysDemoAccountsExist()
    {
        var page = await factory.NewClient().GetPageAsync("/account/sign-in");
        Assert.Contains("tài khoản mẫu", page.QuerySelector("#demo-accounts")!.TextContent);
    }

    [Fact]
    public async Task DemoPasswordsArePrintedOnceAtFirstStartAndSignTheAccountsIn()
    {
        await using var fresh = await FreshDatabaseAsync();
        var firstStart = new CapturedLog();
        var first = fresh.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(firstStart)));
        _ = first.Services;

        var table = Assert.Single(firstStart.Messages, m => m.Contains("@demo.concord.example"));
        var rows = table.Split('\n').Where(l => l.Contains("@demo.concord.example"))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(cells => cells[2], cells => (Role: cells[0], Side: cells[1], Password: cells[3]));
        Assert.Equal(8, rows.Count);
        Assert.Equal(("coordinator", "Laos"), (rows["coordinator.la@demo.concord.example"].Role, rows["coordinator.la@demo.concord.example"].Side));
        Assert.All(rows.Values, r => Assert.True(r.Password.Length >= 20, r.Password));
        Assert.Equal(8, rows.Values.Select(r => r.Password).Distinct().Count());
        Assert.Contains("Administrators and coordinators set up two-step verification", table);

        // A restart prints nothing: the passwords are not kept anywhere to print.
        var restart = new CapturedLog();
        var second = fresh.Factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(restart)));
        _ = second.Services;
        Assert.DoesNotContain(restart.Messages, m => m.Contains("@demo.concord.example"));

        var reader = await second.NewClient(redirects: false).SubmitFormAsync("/account/sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = "reader.vn@demo.concord.example",
            ["Input.Password"] = rows["reader.vn@demo.concord.example"].Password,
        });
        Assert.Equal("/", PathOf(reader));
        var coordinator = await second.NewClient(redirects: false).SubmitFormAsync("/account/sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = "coordinator.la@demo.concord.example",
            ["Input.Password"] = rows["coordinator.la@demo.concord.example"].Password,
        });
        Assert.Equal("/account/enrol", PathOf(coordinator));
    }

    [Fact]
    public async Task ProductionRefusesToStartWhileDemoAccountsExistAndStartsOnceTheyAreDeleted()
    {
        await using var fresh = await FreshDatabaseAsync();
        // The first start, outside Production, made the demo accounts.
        Assert.Equal(8, await fresh.Factory.WithDbAsync(db => db.Users.CountAsync(a => a.IsDemo)));

        // Production also needs its public address (AccountLinksSetup.PublicUrlProblem); given here, so that
        // the demo accounts are what it refuses.
        var refused = Assert.ThrowsAny<Exception>(() => fresh.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Accounts:PublicUrl", "https://concord.example")).Services);
        Assert.Contains("Concord refuses to start in Production while demo accounts exist", refused.ToString());

        Assert.Equal(0, await DemoAccounts.DeleteAsync(fresh.Factory.Services));
        var production = fresh.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Accounts:PublicUrl", "https://concord.example"));
        var page = await production.NewClient().GetPageAsync("/account/sign-in");
        Assert.Null(page.QuerySelector("#demo-accounts"));
        // Production never makes them, even on a database without accounts.
        Assert.Equal(0, await fresh.Factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    // A database of its own, made as a first start makes it, dropped afterwards: these tests watch first starts.
    async Task<FreshDatabase> FreshDatabaseAsync()
    {
        var fresh = (ConcordFactory)Activator.CreateInstance(factory.GetType())!;
        await fresh.InitializeAsync();
        return new FreshDatabase(fresh);
    }

    sealed class FreshDatabase(ConcordFactory factory) : IAsyncDisposable
    {
        public ConcordFactory Factory { get; } = factory;
        public async ValueTask DisposeAsync() => await ((IAsyncLifetime)Factory).DisposeAsync();
    }

    sealed class CapturedLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();
        public ILogger CreateLogger(string categoryName) => new Logger(Messages);
        public void Dispose() { }

        sealed class Logger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}

// Not on a copy of the run's template: these tests are about what a first start makes and prints, so
// each database here is made by a first start of its own (FreshDatabaseAsync's too: it makes one of the same kind).
public sealed class DemoAccountsOnSqlite(FirstStartSqliteFactory factory) : DemoAccountTests(factory), IClassFixture<FirstStartSqliteFactory>;
public sealed class DemoAccountsOnPostgres(FirstStartPostgresFactory factory) : DemoAccountTests(factory), IClassFixture<FirstStartPostgresFactory>;
