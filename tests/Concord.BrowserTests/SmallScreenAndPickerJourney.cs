using System.Text.RegularExpressions;
using Concord.Features.Accounts;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// What a new user hit on a phone and in the forms: the pages fit a 390 px screen (wide tables scroll in their
// own box), the header stays small there and on one line at 1366 px, and the "choose several" fields work
// from the keyboard. Every page visited passes axe in the three languages.
public class SmallScreenAndPickerJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task OnA390PixelPhoneNoPageScrollsSidewaysAndTheHeaderStaysSmall()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "vi", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));
        foreach (var path in new[] { "/", "/activities", "/commitments", "/meetings", "/instruments", "/organisations", "/withdrawn" })
        {
            foreach (var language in Axe.Languages)
            {
                await page.GotoAsync($"{path}?culture={language}");
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                Assert.True(overflow <= 0, $"{path} in {language} is {overflow}px wider than the 390 px screen");
                var header = await page.Locator("header").BoundingBoxAsync();
                Assert.True(header!.Height < 844 / 5.0, $"The header of {path} in {language} takes {header.Height}px of 844");
            }
        }
        await axe.AssertVisitedAsync();
    }

    [Fact]
    public async Task At1366PixelsTheHeaderDoesNotWrap()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "vi", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));
        foreach (var language in Axe.Languages)
        {
            await page.GotoAsync($"/?culture={language}");
            var top = await page.Locator(".header-top").BoundingBoxAsync();
            var nav = await page.Locator(".main-nav").BoundingBoxAsync();
            Assert.True(top!.Height < 56, $"The header's top row wraps in {language}: {top.Height}px");
            Assert.True(nav!.Height < 48, $"The sections wrap in {language}: {nav.Height}px");
            await Axe.AssertNoSeriousViolationsAsync(page);
        }
    }

    [Fact]
    public async Task ACoordinatorChoosesAParticipantWithTheKeyboardOnly()
    {
        var page = await server.NewPageAsync("en");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));
        await page.GotoAsync("/meetings/new");
        var picker = page.Locator("#Input_ParticipantIds-picker");

        // To the list's summary by keyboard, open it: the search box takes the focus.
        await picker.Locator("summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var search = picker.Locator("input[type=search]");
        await Assertions.Expect(search).ToBeFocusedAsync();
        var all = await picker.Locator(".picker-item:visible").CountAsync();
        Assert.True(all > 10, $"only {all} organisations listed");

        // Typed without accents, it still finds the Ban Kan centre (Bản Cân), and says how many match.
        await page.Keyboard.TypeAsync("ban kan");
        var matches = picker.Locator(".picker-item:visible");
        await Assertions.Expect(matches.First).ToContainTextAsync(new Regex("Ban Kan|Bản Cân|ບ້ານກັນ", RegexOptions.IgnoreCase));
        var shown = await matches.CountAsync();
        Assert.InRange(shown, 1, all - 1);
        await Assertions.Expect(picker.Locator("[role=status]")).ToHaveTextAsync(shown == 1 ? "1 found" : $"{shown} found");

        // Down to the first match, Space ticks it; the form posts it.
        await page.Keyboard.PressAsync("ArrowDown");
        var box = matches.First.Locator("input[type=checkbox]");
        await Assertions.Expect(box).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(box).ToBeCheckedAsync();
        await Axe.AssertNoSeriousViolationsAsync(page);

        // Escape clears the search; the whole list is back.
        await search.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(picker.Locator(".picker-item:visible")).ToHaveCountAsync(all);
        await axe.AssertVisitedAsync();
    }
}
