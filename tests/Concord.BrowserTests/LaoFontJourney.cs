using System.Collections;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// A Lao official on a computer with no Lao font: Chromium runs with a font configuration that hides
// every system font drawing Lao, so Lao shows as boxes unless Concord's own font is used.
public class LaoFontJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    const string Word = "ກອງປະຊຸມ"; // "meeting", as the navigation says

    [Fact]
    public async Task SwitchingToLaoShowsTheNinthConferenceInConcordsOwnLaoFont()
    {
        var config = Path.Combine(Path.GetTempPath(), $"concord-no-lao-{Guid.NewGuid():N}.conf");
        try { await JourneyAsync(config); }
        finally { File.Delete(config); }
    }

    async Task JourneyAsync(string fontConfig)
    {
        await using var browser = await server.LaunchBrowserAsync(EnvironmentWithoutSystemLaoFonts(fontConfig));
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl, Locale = "vi" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "ພາສາລາວ" }).ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "lo");

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = Word, Exact = true }).ClickAsync();
        await page.Locator("main tr", new() { HasText = "ຄັ້ງທີ 9" }).Locator("a[href^='/meetings/']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/meetings/\\d+$"));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("ຄັ້ງທີ 9");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Ninh Bình");

        // Concord's font face is loaded and answers for Lao text.
        Assert.True(await page.EvaluateAsync<bool>(
            "async word => { await document.fonts.ready; return document.fonts.check('16px \"Noto Sans Lao\"', word) && [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Noto Sans Lao' && f.status === 'loaded'); }",
            Word));

        // The same word measured three ways: in Concord's font, in the machine's own fonts only, and as
        // as many private-use characters, which no font draws (boxes). Without Concord's font the
        // machine draws boxes; with it, the word is narrower (its vowel mark takes no width of its own).
        var widths = await page.EvaluateAsync<double[]>("""
            word => {
                const measure = (text, family) => {
                    const probe = document.createElement('span');
                    probe.textContent = text;
                    Object.assign(probe.style, { fontFamily: family, fontSize: '40px', position: 'absolute', visibility: 'hidden', whiteSpace: 'nowrap' });
                    document.body.appendChild(probe);
                    const width = probe.getBoundingClientRect().width;
                    probe.remove();
                    return width;
                };
                const boxes = String.fromCodePoint(0xE000).repeat([...word].length);
                return [measure(word, '"Noto Sans Lao", sans-serif'), measure(word, 'sans-serif'), measure(boxes, 'sans-serif')];
            }
            """, Word);
        var (concord, machineOnly, boxes) = (widths[0], widths[1], widths[2]);
        Assert.True(Math.Abs(machineOnly - boxes) < 0.5, $"This Chromium still has a Lao font of its own ({machineOnly:F1}px vs {boxes:F1}px of boxes): the test proves nothing.");
        Assert.True(Math.Abs(concord - boxes) > 5, $"Lao in Concord's font is as wide as boxes ({concord:F1}px vs {boxes:F1}px).");

        // What Chromium actually used to draw the navigation's Lao word: Concord's web font, nothing else.
        var fonts = await PlatformFontsAsync(page, "header nav a[href='/meetings']");
        var used = fonts.EnumerateArray().Select(f => (Family: f.GetProperty("familyName").GetString(), Custom: f.GetProperty("isCustomFont").GetBoolean())).ToList();
        Assert.Equal([("Noto Sans Lao", true)], used);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "lao-ninth-conference.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    // Also used by LaoJourney.
    internal static async Task<JsonElement> PlatformFontsAsync(IPage page, string selector)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var root = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32();
        var node = await cdp.SendAsync("DOM.querySelector", new() { ["nodeId"] = root, ["selector"] = selector });
        var nodeId = node!.Value.GetProperty("nodeId").GetInt32();
        Assert.NotEqual(0, nodeId);
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new() { ["nodeId"] = nodeId });
        return fonts!.Value.GetProperty("fonts");
    }

    // fontconfig, which Chromium on Linux asks for every font, told to reject each installed font that
    // has Lao letters (Noto Sans Lao, Phetsarath OT, DejaVu Sans...): the browser then knows no Lao font.
    static IEnumerable<KeyValuePair<string, string>> EnvironmentWithoutSystemLaoFonts(string config)
    {
        var list = Process.Start(new ProcessStartInfo("fc-list", [":charset=0e81", "file"]) { RedirectStandardOutput = true })!;
        var files = list.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().TrimEnd(':').Trim()).ToList();
        list.WaitForExit();
        File.WriteAllText(config, $"""
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig>
              <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
              <selectfont><rejectfont>{string.Concat(files.Select(f => $"<glob>{System.Security.SecurityElement.Escape(f)}</glob>"))}</rejectfont></selectfont>
            </fontconfig>
            """);
        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["FONTCONFIG_FILE"] = config;
        return environment;
    }
}
