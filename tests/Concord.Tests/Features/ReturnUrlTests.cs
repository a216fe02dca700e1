using System.Net;
using Concord.Features.Accounts;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// A "go back to" address is a path on this site or nothing: a crafted one sends the reader home (or to
// the page's own default), never to another site and never to an error page (issue 10, finding 3).
public abstract class ReturnUrlTests(ConcordFactory factory)
{
    // As they arrive in a query string: "/\evil", "\\evil", "/<tab>/evil", "/。/evil".
    public static readonly TheoryData<string> Crafted = new() { "/%5Cevil.example", "%5C%5Cevil.example", "/%09/evil.example", "/%E3%80%82/evil.example" };

    static async Task<string> TokenAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/account/sign-in");
        return page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(client);
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task TheLanguageSwitchSendsACraftedReturnAddressHome(string returnUrl)
    {
        var client = factory.NewClient(redirects: false);
        var response = await PostAsync(client, "/culture/en", new() { ["returnUrl"] = Uri.UnescapeDataString(returnUrl) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task SigningInWithACraftedReturnAddressGoesHome(string returnUrl)
    {
        var account = await factory.CreateAccountAsync(Role.Reader);
        var client = factory.NewClient(redirects: false);
        var response = await PostAsync(client, $"/account/sign-in?returnUrl={returnUrl}", new()
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(Crafted))]
    public async Task VerifyingATranslationWithACraftedReturnAddressGoesBackToTheQueue(string returnUrl)
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var commitment = await factory.WithDbAsync(db => db.Commitments.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        // A version that is not the record's: refused as changed since read, and sent back.
        var response = await PostAsync(client, $"/translations?handler=Verify&returnUrl={returnUrl}", new()
        {
            ["kind"] = "Commitment", ["id"] = commitment.ToString(), ["language"] = "en", ["version"] = "-1",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/translations", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/meetings?page=2&q=h%E1%BB%A3p", true)]
    [InlineData("/\\evil.example", false)]
    [InlineData("\\\\evil.example", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/\u3002/evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyAPathOnThisSiteIsLocal(string? url, bool local) => Assert.Equal(local, ReturnUrls.IsLocal(url));
}

public sealed class ReturnUrlsOnSqlite(SqliteFactory factory) : ReturnUrlTests(factory), IClassFixture<SqliteFactory>;
public sealed class ReturnUrlsOnPostgres(PostgresFactory factory) : ReturnUrlTests(factory), IClassFixture<PostgresFactory>;
