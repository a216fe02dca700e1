using System.Net;
using Concord.Tests.Infrastructure;

namespace Concord.Tests.Features.NewUser;

// An e-mailed link to a shared record must not look dead to someone not signed in, and every save says it saved.
public abstract class LinksAndConfirmationsTests(ConcordFactory factory)
{
    [Fact]
    public async Task ALinkToABothSidesRecordOpenedSignedOutGoesToSignInAndBack()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var anonymous = factory.NewClient(redirects: false);

        var response = await anonymous.GetAsync($"/commitments/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?returnUrl=%2Fcommitments%2F{id}", response.Headers.Location!.OriginalString);
        var account = await factory.CreateAccountAsync(Concord.Features.Accounts.Role.Reader);
        var reader = factory.NewClient();
        var signIn = await reader.SubmitFormAsync(response.Headers.Location!.OriginalString, new Dictionary<string, string?>
        {
            ["Input.Email"] = account.Email, ["Input.Password"] = account.Password,
        });
        Assert.Equal($"/commitments/{id}", signIn.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task ARecordThatDoesNotExistIsStillNotFoundSignedOutAndSignedIn()
    {
        var anonymous = factory.NewClient(redirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/commitments/987654321")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/instruments/987654321")).StatusCode);
        var reader = await factory.ClientAsync(Concord.Features.Accounts.Role.Reader, redirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/commitments/987654321")).StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/admin/no-such-page")]
    [InlineData("/wp-login.php")]
    public async Task AnUnknownAddressIsNotFoundRatherThanASignInPage(string path)
    {
        var response = await factory.NewClient(redirects: false).GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FaviconAndRobotsAreServedToEveryone()
    {
        var anonymous = factory.NewClient(redirects: false);
        var icon = await anonymous.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal([0, 0, 1, 0], (await icon.Content.ReadAsByteArrayAsync())[..4]);
        var robots = await anonymous.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, robots.StatusCode);
        Assert.Contains("Disallow: /", await robots.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RevokingATokenAndChangingTheLanguageSayWhatWasDoneOnThePageTheyLandOn()
    {
        var client = await factory.CoordinatorAsync();
        var made = await client.SubmitFormAsync("/account/tokens?culture=en", new Dictionary<string, string?>
        {
            ["Input.Name"] = "script", ["Input.ExpiresInDays"] = "30", ["Input.Scopes"] = "read",
        });
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var tokens = await client.GetPageAsync("/account/tokens?culture=en");
        var revoked = await client.SubmitFormAsync(tokens, "/account/tokens", new Dictionary<string, string?>(), "main form[action*='Revoke']");
        var page = await Html.ParseAsync(await revoked.Content.ReadAsStringAsync());
        Assert.Equal("/account/tokens", revoked.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#flash[role=status]")?.TextContent));

        var language = await client.SubmitFormAsync("/account", new Dictionary<string, string?> { ["Language"] = "en" }, "#language-form");
        var account = await Html.ParseAsync(await language.Content.ReadAsStringAsync());
        Assert.Equal("Saved.", account.QuerySelector("#flash[role=status]")?.TextContent.Trim());
    }

    [Fact]
    public async Task TakingTheStatusTheSidesReportSaysSaved()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        // Partly done, not done: closing a commitment is proposed to the other side instead (Features/Rounds).
        await world.AddReportAsync(id, "VN", Concord.Features.Commitments.CommitmentStatus.PartlyDone, new DateOnly(2025, 12, 1));
        await world.AddReportAsync(id, "LA", Concord.Features.Commitments.CommitmentStatus.PartlyDone, new DateOnly(2025, 12, 2));
        var client = await factory.CoordinatorAsync();
        var landed = await client.SubmitFormAsync($"/commitments/{id}?culture=en", new Dictionary<string, string?>(), "#suggested-status");
        var page = await Html.ParseAsync(await landed.Content.ReadAsStringAsync());
        Assert.Equal("Đã lưu.", page.QuerySelector("#flash[role=status]")?.TextContent.Trim());
    }
}

public sealed class LinksAndConfirmationsOnSqlite(SqliteFactory factory) : LinksAndConfirmationsTests(factory), IClassFixture<SqliteFactory>;
public sealed class LinksAndConfirmationsOnPostgres(PostgresFactory factory) : LinksAndConfirmationsTests(factory), IClassFixture<PostgresFactory>;
