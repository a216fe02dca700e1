using AngleSharp.Dom;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// What the account administration and password tests share.
static class AccountTesting
{
    public static Task<int> OrganisationIdAsync(this ConcordFactory factory, string key) =>
        factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync());

    public static Task<Account> AccountAsync(this ConcordFactory factory, int id) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.Id == id));

    public static Task<Account> AccountAsync(this ConcordFactory factory, string email) =>
        factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.Email == email));

    public static Task<List<SecurityEvent>> EventsAsync(this ConcordFactory factory, int accountId) =>
        factory.WithDbAsync(db => db.SecurityEvents.AsNoTracking().Where(e => e.AccountId == accountId).OrderBy(e => e.Id).ToListAsync());

    // The same Concord with an e-mail server: the test's own, on 127.0.0.1.
    public static WebApplicationFactory<Program> WithSmtp(this ConcordFactory factory, SmtpTestServer smtp) =>
        factory.WithWebHostBuilder(b => b.UseSetting("Smtp:Host", "127.0.0.1").UseSetting("Smtp:Port", smtp.Port.ToString()));

    public static WebApplicationFactory<Program> WithSetting(this ConcordFactory factory, string key, string value) =>
        factory.WithWebHostBuilder(b => b.UseSetting(key, value));

    // A signed-in client for an account made for this test, with the account.
    public static async Task<(HttpClient Client, TestAccount Account)> SignedInAsync(this WebApplicationFactory<Program> factory, Role role, string organisation = TestAccounts.VietnamCooperation, bool redirects = true)
    {
        var account = await factory.CreateAccountAsync(role, organisation);
        var client = factory.NewClient(redirects);
        await client.SignInAsync(account);
        return (client, account);
    }

    public static string Text(this IDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";

    // The page a response ended on, read as a browser would show it.
    public static async Task<IDocument> PageAsync(this HttpResponseMessage response) =>
        await Html.ParseAsync(await response.Content.ReadAsStringAsync());

    public static string Unique() => Guid.NewGuid().ToString("N")[..8];
}
