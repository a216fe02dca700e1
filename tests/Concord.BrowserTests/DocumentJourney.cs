using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Concord.BrowserTests;

// A coordinator makes the bilingual (vi|lo) implementation report of the 9th conference, watches it being
// made, downloads it, and the DOCX holds a clause in Vietnamese and in Lao.
public class DocumentJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    [Fact]
    public async Task ACoordinatorMakesTheBilingualReportOfTheNinthConferenceAndDownloadsIt()
    {
        var (meeting, clause) = await NinthConferenceAsync();
        var page = await server.NewPageAsync("vi");
        await page.SignInAsync(await server.CreateAccountAsync(Role.Coordinator, "vn-molisa-icd", twoFactor: true));

        await page.GotoAsync($"/meetings/{meeting}");
        await page.Locator("#report-link").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/documents/new"));
        await page.Locator("#format-Docx").CheckAsync();
        await page.SelectOptionAsync("[name='Input.Left']", "vi");
        await page.SelectOptionAsync("[name='Input.Right']", "lo");
        await page.SelectOptionAsync("[name='Input.Side']", "VN");
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();

        // Its page shows the state (a progress bar while it is made), and without script reloads itself until it is ready.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/documents/\d+$"));
        await Assertions.Expect(page.Locator("#document-state")).ToBeVisibleAsync();
        var download = page.Locator("a.document-download");
        await Assertions.Expect(download).ToBeVisibleAsync(new() { Timeout = 90_000 });

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        Assert.EndsWith(".docx", file.SuggestedFilename);
        var saved = Path.Combine(AppContext.BaseDirectory, "screenshots", "ninth-conference-report.docx");
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        await file.SaveAsAsync(saved);

        using var doc = WordprocessingDocument.Open(saved, false);
        var text = string.Join("\n", doc.MainDocumentPart!.Document.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText));
        Assert.Contains(clause.Vi, text);
        Assert.Contains(clause.Lo, text);
    }

    // The 9th conference and a clause of it written in both languages, as a Vietnamese coordinator may see it.
    async Task<(int Meeting, (string Vi, string Lo) Clause)> NinthConferenceAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var meeting = await db.Instruments.IgnoreQueryFilters().Where(i => i.Key == "min-conf-9").Select(i => i.MeetingId!.Value).SingleAsync();
        var texts = await db.Commitments.IgnoreQueryFilters()
            .Where(c => c.Instrument.MeetingId == meeting && c.Visibility != Visibility.Restricted && c.Text.Vi != null && c.Text.Lo != null)
            .OrderBy(c => c.Sequence).Select(c => new { c.Text.Vi, c.Text.Lo }).FirstAsync();
        return (meeting, (texts.Vi!.Split('\n')[0].Trim(), texts.Lo!.Split('\n')[0].Trim()));
    }
}
