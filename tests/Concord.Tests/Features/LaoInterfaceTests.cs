using System.Net;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Lao as a third interface language: offered on every page, chosen by the picker, the cookie or the
// browser, with Lao dates and amounts, and Concord's own Lao font served with its licence.
public abstract class LaoInterfaceTests(ConcordFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/meetings")]
    [InlineData("/commitments")]
    [InlineData("/account/sign-in")]
    public async Task EveryPageOffersLaoInTheLanguagePicker(string path)
    {
        var page = await factory.NewClient().GetPageAsync(path);
        var lao = page.QuerySelector("header form[action='/culture/lo'][method=post] button");
        Assert.NotNull(lao);
        Assert.Equal("ພາສາລາວ", lao.TextContent.Trim());
        Assert.Equal("lo", lao.GetAttribute("lang"));
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task ChoosingLaoInThePickerTurnsThePageAndTheNextOnesIntoLao()
    {
        var client = factory.NewClient();
        var picked = await client.PickLanguageAsync("lo", "/meetings");
        Assert.Equal("/meetings", picked.RequestMessage!.RequestUri!.AbsolutePath);
        var meetings = await Html.ParseAsync(await picked.Content.ReadAsStringAsync());

        Assert.Equal("lo", meetings.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ກອງປະຊຸມ", meetings.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("ພາສາລາວ", meetings.QuerySelector("header strong[aria-current]")!.TextContent.Trim());
        Assert.NotNull(meetings.QuerySelector("header form[action='/culture/vi'] button"));

        // Remembered in the cookie for the pages that follow.
        var home = await client.GetPageAsync("/");
        Assert.Equal("lo", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("ພາບລວມຂອງແຜນງານການຮ່ວມມື", home.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("lo")]
    [InlineData("lo-LA")]
    [InlineData("lo-LA,lo;q=0.9,en;q=0.5")]
    public async Task ABrowserThatPrefersLaoGetsLaoBeforeAnyChoice(string acceptLanguage)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        var page = await client.GetPageAsync("/meetings");
        Assert.Equal("lo", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ກອງປະຊຸມ", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task TheNinthConferenceReadsInLaoWithItsNumberAndDayFirstDate()
    {
        var id = await factory.WithDbAsync(db => db.Meetings.IgnoreQueryFilters().Where(m => m.Key == "conf-9").Select(m => m.Id).SingleAsync());
        var page = await factory.NewClient().GetPageAsync($"/meetings/{id}?culture=lo");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.Contains("ຄັ້ງທີ 9", main);
        Assert.Equal("12/11/2025", page.QuerySelector("#meeting-date")!.TextContent.Trim());
        // The demo carries the title in Lao: shown as such, with no "original in Vietnamese" beside it.
        Assert.Equal("ກອງປະຊຸມລັດຖະມົນຕີແຮງງານ ຫວຽດນາມ - ລາວ ຄັ້ງທີ 9", page.QuerySelector("h1 [lang='lo']")!.TextContent);
        Assert.Null(page.QuerySelector("h1 .original-language"));
    }

    [Fact]
    public async Task AnAmountReadsWithLaoDigitGroupingAndItsMinimumInLao()
    {
        var id = await factory.WithDbAsync(db => db.Activities.IgnoreQueryFilters().Where(a => a.ValueAmount == 3_900_000_000m).Select(a => a.Id).FirstAsync());
        var page = await factory.NewClient().GetPageAsync($"/activities/{id}?culture=lo");
        Assert.Equal("ຫຼາຍກວ່າ 3.900.000.000 VND", page.QuerySelector("#value")!.TextContent.Trim());
    }

    [Fact]
    public async Task ConcordServesItsOwnLaoFontWithItsLicence()
    {
        var client = factory.NewClient();
        var css = await client.GetStringAsync("/css/concord.css");
        Assert.Contains("font-family: \"Noto Sans Lao\"", css);
        Assert.Contains("unicode-range: U+0E80-0EFF", css);
        Assert.Matches("--bs-font-sans-serif: \"Noto Sans Lao\", system-ui", css);

        foreach (var (file, type, magic) in new[]
        {
            ("NotoSansLao-Regular.woff2", "font/woff2", "wOF2"u8.ToArray()),
            ("NotoSansLao-Bold.woff2", "font/woff2", "wOF2"u8.ToArray()),
            ("NotoSansLao-Regular.ttf", "application/x-font-ttf", new byte[] { 0, 1, 0, 0 }),
            ("NotoSansLao-Bold.ttf", "application/x-font-ttf", new byte[] { 0, 1, 0, 0 }),
        })
        {
            var response = await client.GetAsync($"/lib/fonts/noto-sans-lao/{file}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(magic, (await response.Content.ReadAsByteArrayAsync())[..4]);
            Assert.Contains($"url(\"../lib/fonts/noto-sans-lao/{file}\")", css);
        }
        var licence = await client.GetStringAsync("/lib/fonts/noto-sans-lao/OFL.txt");
        Assert.Contains("SIL OPEN FONT LICENSE", licence);
        Assert.Contains("Version 1.1", licence);
    }
}

public sealed class LaoInterfaceOnSqlite(SqliteFactory factory) : LaoInterfaceTests(factory), IClassFixture<SqliteFactory>;
public sealed class LaoInterfaceOnPostgres(PostgresFactory factory) : LaoInterfaceTests(factory), IClassFixture<PostgresFactory>;
