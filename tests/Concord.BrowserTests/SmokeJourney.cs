using Microsoft.Playwright;

namespace Concord.BrowserTests;

public class SmokeJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task InstrumentsPageRendersVietnameseInARealBrowser()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync("/instruments");
        Assert.Equal("Văn kiện", (await page.Locator("h1").TextContentAsync())?.Trim());
    }
}
