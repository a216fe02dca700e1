using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// A reporting round from both ends, in a real Chromium: the Lao coordinator opens a round for 2027 over the
// 9th conference's clauses the Ban Kan centre leads and sends the centre a reminder now, which arrives at the
// test mail server in Lao with a link to "my work"; the centre's focal point, reading Lao, finds the round on
// "my work", opens the report form from there with the round's period already set and reports; the
// coordinator's round page then shows the department complete. Every page is checked by axe-core.
public class RoundJourney(MailingConcordServer server) : IClassFixture<MailingConcordServer>
{
    [Fact]
    public async Task ACoordinatorOpensARoundALaoFocalPointReportsFromMyWorkAndTheDepartmentIsComplete()
    {
        var (ninth, centre, bankan) = await DemoAsync();
        var coordinator = await server.NewPageAsync("en");
        var coordinatorPages = Axe.Watch(coordinator);
        await coordinator.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "la-mlsw-dpic", twoFactor: true));
        await coordinator.GotoAsync("/rounds");
        await coordinator.Locator("#new-round").ClickAsync();
        await coordinator.FillAsync("[name='Input.NameEn']", "Progress in 2027 (browser journey)");
        await coordinator.FillAsync("[name='Input.Period']", "2027");
        await coordinator.FillAsync("[name='Input.DueOn']", "31/01/2099");
        await Assertions.Expect(coordinator.Locator("#side-own")).ToBeCheckedAsync();
        await coordinator.SelectOptionAsync("select[name='Input.InstrumentId']", ninth.ToString());
        await coordinator.SelectOptionAsync("select[name='Input.LeadOrganisationId']", centre.ToString());
        await coordinator.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(coordinator).ToHaveURLAsync(new Regex(@"/rounds/\d+$"));
        await Assertions.Expect(coordinator.Locator("#flash")).ToBeVisibleAsync();
        var round = int.Parse(new Uri(coordinator.Url).AbsolutePath.Split('/')[2]);
        var department = coordinator.Locator($"#completeness-departments tr[data-department='{centre}'][data-side='LA']");
        await Assertions.Expect(department.Locator(".outstanding-count")).ToHaveTextAsync("1");

        // The centre's focal point has not chosen a language: the reminder is in Lao, the Lao side's.
        var focalPointAccount = await server.CreateAccountAsync(Role.FocalPoint, "la-bankan", twoFactor: false);
        await department.Locator("button.remind-now").ClickAsync();
        await Assertions.Expect(coordinator).ToHaveURLAsync(new Regex($"/rounds/{round}$"));
        await Assertions.Expect(coordinator.Locator("#flash")).ToHaveClassAsync(new Regex("alert-success"));
        var mail = await MailToAsync(focalPointAccount.Email);
        Assert.Contains("ຫົວໜ່ວຍຂອງສະຫາຍ", mail.Body);
        Assert.Contains("Progress in 2027 (browser journey)", mail.Body);
        Assert.StartsWith("Concord: ຫົວໜ່ວຍຂອງທ່ານ", mail.Subject);
        Assert.Equal("/my-work", mail.LinkTo("/my-work"));
        // Listed on the round's page, sent.
        await coordinator.ReloadAsync();
        await Assertions.Expect(coordinator.Locator("#reminders tbody tr").Filter(new() { HasText = focalPointAccount.Email })).ToHaveCountAsync(1);

        var focalPoint = await server.NewPageAsync("lo");
        var focalPointPages = Axe.Watch(focalPoint);
        await focalPoint.SignInAsync(focalPointAccount);
        await focalPoint.GotoAsync("/?culture=lo");
        await focalPoint.Locator($"#home-my-work #my-rounds tr[data-round='{round}'] a").First.ClickAsync();
        await Assertions.Expect(focalPoint).ToHaveURLAsync(new Regex($"/my-work\\?round={round}"));
        await focalPoint.Locator($"#work-rows tr[data-commitment='{bankan}'] a.btn").ClickAsync();
        await Assertions.Expect(focalPoint.Locator("[name='Input.Period']")).ToHaveValueAsync("2027");
        await Assertions.Expect(focalPoint.Locator("select[name='Input.Country']")).ToHaveValueAsync("LA");
        await focalPoint.SelectOptionAsync("select[name='Input.Status']", "InProgress");
        await focalPoint.FillAsync("[name='Input.NarrativeLo']", "ສູນບ້ານກັນ: ສ້ອມແປງລໍ້ເລື່ອນ 20 ຄັນ (browser journey).");
        await focalPoint.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(focalPoint).ToHaveURLAsync(new Regex($"/commitments/{bankan}(#.*)?$"));
        await focalPoint.GotoAsync($"/my-work?round={round}&show=reported");
        await Assertions.Expect(focalPoint.Locator($"#work-rows tr[data-commitment='{bankan}']")).ToHaveCountAsync(1);

        await coordinator.ReloadAsync();
        await Assertions.Expect(department.Locator(".outstanding-count")).ToHaveTextAsync("Complete");
        await Assertions.Expect(department.Locator(".reported-count")).ToHaveTextAsync("1");

        await coordinatorPages.AssertVisitedAsync();
        await focalPointPages.AssertVisitedAsync();
    }

    async Task<Concord.Tests.Infrastructure.ReceivedMail> MailToAsync(string address)
    {
        while (true)
        {
            var mail = await server.Smtp.NextAsync(TimeSpan.FromSeconds(30));
            if (mail.To.Contains(address)) return mail;
        }
    }

    async Task<(int Ninth, int Centre, int Bankan)> DemoAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var ninth = await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync();
        var centre = await db.Organisations.Where(o => o.Key == "la-bankan").Select(o => o.Id).SingleAsync();
        var bankan = await db.Commitments.Where(c => c.InstrumentId == ninth && c.Leads.Any(l => l.OrganisationId == centre)).Select(c => c.Id).SingleAsync();
        return (ninth, centre, bankan);
    }
}
