using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// axe-core (vendored in axe/, MPL-2.0) run on a page of a journey: no serious or critical violation.
// The script is evaluated into the page through the DevTools protocol, which the page's Content-Security-Policy
// does not govern, and is read from the test's own folder, never fetched.
//
//   await Axe.AssertNoSeriousViolationsAsync(page);      // the page as it is now (a form showing its errors)
//   var axe = Axe.Watch(page); ... await axe.AssertVisitedAsync();   // every page the journey opened, in vi, en and lo
public static class Axe
{
    static readonly Lazy<string> Source = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js")));
    public static readonly string[] Languages = ["vi", "en", "lo"];

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var found = await SeriousViolationsAsync(page);
        Assert.True(found.Count == 0, $"axe found serious or critical violations on {page.Url}:\n{string.Join("\n", found)}");
    }

    public static async Task<List<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ['violations'] });
                return result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' | ' + (n.failureSummary || '').replace(/\s+/g, ' ')) }));
            }
            """);
        var found = new List<string>();
        foreach (var v in violations.EnumerateArray())
        {
            var text = new StringBuilder($"[{v.GetProperty("impact").GetString()}] {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()}");
            foreach (var node in v.GetProperty("nodes").EnumerateArray()) text.Append("\n    ").Append(node.GetString());
            found.Add(text.ToString());
        }
        return found;
    }

    // Remembers every page the journey's page opens, to check them all at the end in each language.
    public static AxeWatch Watch(IPage page) => new(page);
}

public sealed class AxeWatch
{
    readonly IPage page;
    readonly List<string> visited = [];

    internal AxeWatch(IPage page)
    {
        this.page = page;
        page.FrameNavigated += (_, frame) =>
        {
            if (frame != page.MainFrame || !Uri.TryCreate(frame.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return;
            var address = uri.GetLeftPart(UriPartial.Path) + uri.Query;
            lock (visited) { if (!visited.Contains(address)) visited.Add(address); }
        };
    }

    public IReadOnlyList<string> Visited { get { lock (visited) return [.. visited]; } }

    // Each page visited, opened again (GET, same account) in Vietnamese, English and Lao (?culture=, which
    // changes that one request and saves nothing), checked by axe. All problems are reported together.
    public async Task AssertVisitedAsync()
    {
        var problems = new List<string>();
        var check = await page.Context.NewPageAsync();
        foreach (var address in Visited)
        {
            foreach (var language in Axe.Languages)
            {
                var url = WithCulture(address, language);
                IResponse? response;
                // A download (a generated document) is not a page.
                try { response = await check.GotoAsync(url); }
                catch (PlaywrightException) { continue; }
                if (response?.Headers.GetValueOrDefault("content-type")?.StartsWith("text/html") != true) continue;
                problems.AddRange((await Axe.SeriousViolationsAsync(check)).Select(p => $"{url}\n  {p}"));
            }
        }
        await check.CloseAsync();
        Assert.True(problems.Count == 0, "axe found serious or critical violations:\n" + string.Join("\n", problems));
    }

    static string WithCulture(string address, string language)
    {
        var uri = new Uri(address);
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        query["culture"] = language;
        return uri.GetLeftPart(UriPartial.Path) + "?" + query;
    }
}
