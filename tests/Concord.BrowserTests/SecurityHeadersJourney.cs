using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// The Content-Security-Policy allows no inline script or style. A page that still had one would lose
// it silently for users (a missing style, a dead button); Chromium reports each refusal, so these
// journeys listen for the reports.
public class SecurityHeadersJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task HomeAFormAndAnHtmxFilterRunWithoutAnyContentSecurityPolicyViolation()
    {
        var (page, violations) = await WatchedPageAsync();

        var home = await page.GotoAsync("/");
        Assert.StartsWith("default-src 'self'", home!.Headers["content-security-policy"]);
        await Assertions.Expect(page.Locator("main h1, main h2").First).ToBeVisibleAsync();

        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("[name='Input.Email']", "nobody@example.org");
        await page.FillAsync("[name='Input.Password']", "not the password at all");
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();

        // A list filter is an htmx request that swaps the results in place.
        await page.GotoAsync("/commitments");
        var swapped = page.WaitForResponseAsync(r => r.Url.Contains("status=Done") && r.Request.Headers.ContainsKey("hx-request"));
        await page.SelectOptionAsync("#f-status", "Done");
        await swapped;
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("status=Done"));

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task SigningInWithACodeAnEditFormAndTheTokenPageRunWithoutAnyContentSecurityPolicyViolation()
    {
        var (page, violations) = await WatchedPageAsync();
        await page.SignInAsync(await server.CreateAccountAsync(Concord.Features.Accounts.Role.Coordinator, "vn-molisa-icd", twoFactor: true));

        await page.GotoAsync("/meetings");
        var hrefs = await page.Locator("main a[href^='/meetings/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        await page.GotoAsync(hrefs.First(h => Regex.IsMatch(h, "^/meetings/\\d+$")));
        await page.Locator("main a[href$='/edit']").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/meetings/\\d+/edit$"));
        await Assertions.Expect(page.Locator("main form[method=post]")).ToBeVisibleAsync();

        await page.GotoAsync("/account/tokens");
        await page.FillAsync("[name='Input.Name']", "Browser journey");
        await page.CheckAsync("#scope-report");
        await page.Locator("#create-token button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#new-token")).ToHaveValueAsync(new Regex("^cnc_"));

        Assert.True(violations.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", violations));
    }

    [Fact]
    public async Task ApiReferenceIsDrawnFromConcordAloneUnderTheSamePolicy()
    {
        var (page, violations) = await WatchedPageAsync(consoleToo: false);

        await page.GotoAsync("/api/reference");
        await Assertions.Expect(page.Locator("a[href='#tag/meetings']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Scalar's script injects two more stylesheets and a few style attributes without the page's nonce,
        // and tries Function('') to see whether it may compile validators (it falls back when refused).
        // The policy refuses those and the reference still reads well. Anything else is not tolerated:
        // a script or style from the page itself, or anything fetched from another origin (fonts, telemetry).
        var unexpected = violations.Where(v => !Regex.IsMatch(v, @"^(style-src-elem|style-src-attr|script-src) blocked (inline|eval) from .*/api/reference/scalar\.js:\d+$")).ToList();
        Assert.True(unexpected.Count == 0, "Content-Security-Policy violations:\n" + string.Join("\n", unexpected));
    }

    // A page whose `securitypolicyviolation` events (and, when asked, console errors about the policy) are collected.
    async Task<(IPage Page, List<string> Violations)> WatchedPageAsync(bool consoleToo = true)
    {
        var violations = new List<string>();
        var page = await server.NewPageAsync("en");
        if (consoleToo)
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
            };
        await page.ExposeFunctionAsync("reportCspViolation", (string text) => violations.Add(text));
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                window.reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} from ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
            """);
        return (page, violations);
    }
}
