using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// The Lao focal point of the Ban Kan centre, in a real Chromium: signs in with a second factor, reports
// progress on the clause the centre leads, and is turned away from another department's clause.
public class FocalPointJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task ALaoFocalPointSignsInWithACodeReportsOnTheirCommitmentAndCannotEditAnotherDepartments()
    {
        var account = await server.CreateAccountAsync(Role.FocalPoint, "la-bankan", twoFactor: true);
        var (bankan, other) = await CommitmentsAsync();
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(account);

        await page.GotoAsync($"/commitments/{bankan}");
        // The clause's record is not theirs to edit: no button for it, nor for the Vietnamese side's report.
        await Assertions.Expect(page.Locator($"main a[href='/commitments/{bankan}/edit']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add the Vietnamese side's report" })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add the Lao side's report" }).ClickAsync();
        await Assertions.Expect(page.Locator("select[name='Input.Country']")).ToHaveValueAsync("LA");
        await page.SelectOptionAsync("select[name='Input.Status']", "InProgress");
        await page.FillAsync("[name='Input.NarrativeEn']", "Ban Kan centre: twelve wheelchairs repaired and fitted (browser journey).");
        await page.FillAsync("[name='Input.PeopleCount']", "12");
        await page.FillAsync("[name='Input.WomenCount']", "5");
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/commitments/{bankan}(#.*)?$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("twelve wheelchairs repaired and fitted");

        var denied = await page.GotoAsync($"/commitments/{other}/edit");
        Assert.Equal(403, denied!.Status);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("You may not open this page");
        await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
        await axe.AssertVisitedAsync();
    }

    // The 9th conference's clause the Ban Kan centre leads on the Lao side, and one another Lao department leads.
    async Task<(int Bankan, int Other)> CommitmentsAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var centre = await db.Organisations.Where(o => o.Key == "la-bankan").Select(o => o.Id).SingleAsync();
        var department = await db.Organisations.Where(o => o.Key == "la-mlsw-dpic").Select(o => o.Id).SingleAsync();
        var ninth = db.Commitments.Where(c => c.Instrument.Key == "min-conf-9" && c.IsIllustrative);
        return (await ninth.Where(c => c.Leads.Any(l => l.OrganisationId == centre)).Select(c => c.Id).FirstAsync(),
            await ninth.Where(c => c.Leads.Any(l => l.OrganisationId == department)).Select(c => c.Id).FirstAsync());
    }
}
