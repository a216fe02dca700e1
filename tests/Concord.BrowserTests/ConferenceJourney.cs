using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// The journeys that matter, in a real Chromium, through links and forms as an official would.
public class ConferenceJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task LaoCoordinatorOpensTheNinthConferenceReportsOnACommitmentAndFindsTheReportOnTheHomePage()
    {
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Concord.Features.Accounts.Role.Coordinator, "la-mlsw-dpic", twoFactor: true));
        await page.GotoAsync("/meetings");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("9th") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("9th");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ninh Bình");

        // The minutes signed there list their clauses; the first, the real plan, names no lead (no article does),
        // so open the next, an illustrative clause with a lead on each side.
        var clause = page.Locator("main a[href^='/commitments/']").Nth(1);
        var clauseHref = await clause.GetAttributeAsync("href");
        await clause.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(clauseHref!) + "$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Add the Lao side's report" }).ClickAsync();
        // The form proposes the department that leads on the Lao side.
        Assert.NotEqual("", await page.Locator("select[name='Input.OrganisationId']").InputValueAsync());
        await page.SelectOptionAsync("select[name='Input.Status']", "InProgress");
        await page.FillAsync("[name='Input.NarrativeEn']", "Twenty-five Lao vocational teachers trained in Vientiane (journey test).");
        await page.FillAsync("[name='Input.PeopleCount']", "25");
        await page.FillAsync("[name='Input.WomenCount']", "11");
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(clauseHref!) + "(#.*)?$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Twenty-five Lao vocational teachers");

        await page.GotoAsync("/");
        var latest = page.Locator("#latest-reports tbody tr").First;
        await Assertions.Expect(latest).ToContainTextAsync("Laos");
        await Assertions.Expect(latest.Locator($"a[href='{clauseHref}']")).ToHaveCountAsync(1);
        await axe.AssertVisitedAsync();
    }

    [Fact]
    public async Task SearchingBanKanReachesTheDonationOfComputers()
    {
        var page = await server.NewPageAsync("vi");
        var axe = Axe.Watch(page);
        await page.GotoAsync("/");
        await page.FillAsync("#site-search", "Ban Kan");
        await page.PressAsync("#site-search", "Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=Ban"));
        await page.Locator("main a[href^='/activities/']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/activities/\\d+$"));
        var main = page.Locator("main");
        await Assertions.Expect(main).ToContainTextAsync("3.900.000.000 VND");
        await Assertions.Expect(main).ToContainTextAsync("50");
        await Assertions.Expect(main).ToContainTextAsync("Bản Cân");
        await axe.AssertVisitedAsync();
    }
}
