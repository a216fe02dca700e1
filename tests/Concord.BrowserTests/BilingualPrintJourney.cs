using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Concord.BrowserTests;

// The two delegations' working copy on paper: the bilingual view of long minutes printed to PDF by Chromium.
public class BilingualPrintJourney(ConcordServer server) : IClassFixture<ConcordServer>
{
    const int ClauseCount = 40;

    static string Vietnamese(int n) => $"Điều {n}: Hai Bộ phối hợp đào tạo nghề và giới thiệu việc làm cho người lao động ở các tỉnh có chung đường biên giới";
    static string Lao(int n) => $"ຂໍ້ {n}: ສອງກະຊວງຮ່ວມມືກັນຝຶກອົບຮົມວິຊາຊີບ ແລະ ແນະນຳວຽກເຮັດງານທຳໃຫ້ແຮງງານຢູ່ບັນດາແຂວງທີ່ມີຊາຍແດນຕິດກັນ";

    [Fact]
    public async Task LongMinutesPrintOnA4WithBothLanguagesAndTheirHeaderAndFooterOnEveryPage()
    {
        var id = await CreateMinutesAsync();
        var page = await server.NewPageAsync("vi");
        var axe = Axe.Watch(page);
        await page.GotoAsync($"/instruments/{id}/bilingual");
        await Assertions.Expect(page.Locator("table.bilingual tr.bilingual-clause")).ToHaveCountAsync(ClauseCount);
        // Script runs here, so the print button is offered.
        await Assertions.Expect(page.Locator("[data-print]")).ToBeVisibleAsync();

        // On paper: no navigation, picker or buttons; the footer line appears.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("body > header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.bilingual-controls")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-print]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("tfoot.bilingual-print-footer")).ToBeVisibleAsync();

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var saved = Path.Combine(AppContext.BaseDirectory, "screenshots", "bilingual-minutes.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(saved)!);
        await File.WriteAllBytesAsync(saved, pdf);

        var pages = PdfText.Read(pdf).Pages;
        Assert.True(pages.Count >= 2, $"{ClauseCount} clauses printed on {pages.Count} page(s)");
        var problems = new List<string>();
        for (var n = 1; n <= pages.Count; n++)
        {
            var (width, height, text) = pages[n - 1];
            var flat = PdfText.Flat(text);
            // A4 is 210 x 297 mm: 595 x 842 points.
            if (Math.Abs(width - 595) > 2 || Math.Abs(height - 842) > 2) problems.Add($"page {n} is {width:F0} x {height:F0} pt, not A4");
            // The table's header row on every page, the document's footer line and the page number too.
            foreach (var expected in new[] { "Tiếng Việt", "ພາສາລາວ", "Concord · Biên bản thử in song ngữ", "In ngày", $"{n} / {pages.Count}" })
                if (!flat.Contains(expected, StringComparison.Ordinal)) problems.Add($"page {n} lacks \"{expected}\"");
            // No address printed: not the page's, not a link's.
            if (flat.Contains("http", StringComparison.Ordinal) || flat.Contains("/instruments/", StringComparison.Ordinal)) problems.Add($"page {n} prints an address");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var all = PdfText.Flat(string.Join("\n", pages.Select(p => p.Text)));
        var laoLetters = LaoConsonants(all);
        for (var n = 1; n <= ClauseCount; n++)
        {
            Assert.Contains(Vietnamese(n), all);
            // The Lao text's letters in order (its vowel and tone marks may be drawn as glyphs the PDF does not name).
            if (n % 4 != 0) Assert.Contains(LaoConsonants(Lao(n)), laoLetters);
        }
        // A clause with no Lao yet says so in the Lao column, in the reader's language.
        Assert.Contains("Chưa có bản tiếng Lào.", all);
        Assert.DoesNotContain("No Lao text yet", all);
        await axe.AssertVisitedAsync();
    }

    static string LaoConsonants(string text) => string.Concat(text.Where(c => c is >= '\u0E81' and <= '\u0EAE' || char.IsAsciiDigit(c)));

    // Public minutes, so that the anonymous browser reads them; every fourth clause not yet in Lao.
    async Task<int> CreateMinutesAsync()
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var instrument = new Instrument
        {
            Visibility = Visibility.Public,
            KindId = await db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "minutes").Select(t => t.Id).SingleAsync(),
            Title = new LocalizedText("Biên bản thử in song ngữ", "Bilingual print test minutes", "ບົດບັນທຶກທົດລອງພິມສອງພາສາ"),
            Status = InstrumentStatus.Signed, SignedOn = new DateOnly(2026, 3, 12), SignedOnPrecision = DatePrecision.Day,
        };
        var area = await db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.Code == "vocational-education").Select(t => t.Id).SingleAsync();
        db.Add(instrument);
        db.AddRange(Enumerable.Range(1, ClauseCount).Select(n => new Commitment
        {
            Visibility = Visibility.Public, Instrument = instrument, Number = $"{n}", Sequence = n, AreaId = area, Period = new Period(2026, 2027),
            Status = CommitmentStatus.NotStarted, Text = new LocalizedText(Vietnamese(n), null, n % 4 == 0 ? null : Lao(n)),
        }));
        await db.SaveChangesAsync();
        return instrument.Id;
    }
}
