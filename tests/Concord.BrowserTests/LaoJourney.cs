using System.Text.RegularExpressions;
using Concord.Features.Accounts;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// A Lao official works in Lao: the demo history reads in Lao, drawn in Lao glyphs, and a clause is
// found by a Lao word typed from the middle of its sentence (Lao writes no spaces between words).
public class LaoJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    const string Title = "ກອງປະຊຸມລັດຖະມົນຕີແຮງງານ ຫວຽດນາມ - ລາວ ຄັ້ງທີ 9";
    // "Send rehabilitation experts to the Ban Kan centre and train its staff", a clause of the 9th conference's minutes.
    const string Clause = "ສົ່ງຊ່ຽວຊານດ້ານການຟື້ນຟູໜ້າທີ່ການໄປຊ່ວຍສູນບ້ານກັນ ແລະ ຝຶກອົບຮົມພະນັກງານຂອງສູນ";
    const string Word = "ຟື້ນຟູ"; // "rehabilitation", between ດ້ານການ and ໜ້າທີ່ການ

    [Fact]
    public async Task LaoOfficialSwitchesToLaoOpensTheNinthConferenceAndFindsAClauseByALaoWordInsideItsSentence()
    {
        var page = await server.NewPageAsync("vi");
        var axe = Axe.Watch(page);
        await page.SignInAsync(await server.CreateAccountAsync(Role.Reader, "la-mlsw", twoFactor: false));

        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "ພາສາລາວ" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lo");

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "ກອງປະຊຸມ", Exact = true }).ClickAsync();
        await page.Locator("main tr", new() { HasText = "ຄັ້ງທີ 9" }).Locator("a[href^='/meetings/']").First.ClickAsync();
        var title = page.Locator("main h1 [lang='lo']");
        await Assertions.Expect(title).ToHaveTextAsync(Title);
        await Assertions.Expect(page.Locator("main h1 .original-language")).ToHaveCountAsync(0);

        // Drawn in Lao glyphs, not boxes: the title's Lao letters, measured in the title's own font, are
        // narrower than as many private-use characters (which every font draws as boxes), since Lao vowel
        // and tone marks take no width of their own; and Chromium drew them with Concord's Lao font.
        var (glyphs, boxes) = await LaoAndBoxWidthsAsync(title);
        Assert.True(boxes - glyphs > 20, $"The Lao title is as wide as boxes ({glyphs:F1}px vs {boxes:F1}px).");
        var fonts = await LaoFontJourney.PlatformFontsAsync(page, "main h1 [lang='lo']");
        Assert.Contains(fonts.EnumerateArray(), f => f.GetProperty("familyName").GetString() == "Noto Sans Lao" && f.GetProperty("isCustomFont").GetBoolean());

        var clause = page.Locator("main table.commitments a[href^='/commitments/']", new() { HasText = Clause });
        var href = await clause.GetAttributeAsync("href");

        await page.FillAsync("#site-search", Word);
        await page.PressAsync("#site-search", "Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q="));
        var hit = page.Locator($"main a[href='{href}']");
        await Assertions.Expect(hit).ToContainTextAsync(Clause);
        await Assertions.Expect(hit.Locator("mark")).ToHaveTextAsync(Word);

        await hit.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href!) + "$"));
        await Assertions.Expect(page.Locator("main [lang='lo']", new() { HasText = Clause }).First).ToBeVisibleAsync();
        await axe.AssertVisitedAsync();
    }

    static async Task<(double Glyphs, double Boxes)> LaoAndBoxWidthsAsync(ILocator element)
    {
        var widths = await element.EvaluateAsync<double[]>("""
            async el => {
                await document.fonts.ready;
                const measure = text => {
                    const probe = document.createElement('span');
                    probe.textContent = text;
                    Object.assign(probe.style, { font: getComputedStyle(el).font, position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap' });
                    document.body.appendChild(probe);
                    const width = probe.getBoundingClientRect().width;
                    probe.remove();
                    return width;
                };
                const lao = [...el.textContent].filter(c => c >= '\u0E80' && c <= '\u0EFF');
                return [measure(lao.join('')), measure(String.fromCodePoint(0xE000).repeat(lao.length))];
            }
            """);
        return (widths[0], widths[1]);
    }
}
