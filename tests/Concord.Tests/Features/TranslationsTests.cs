using System.Net;
using Concord.Features.Accounts;
using Concord.Shared;
using Concord.Tests.Infrastructure;

namespace Concord.Tests.Features;

// The administrators' list of interface strings no native speaker has reviewed, read from the files.
public abstract class TranslationsTests(ConcordFactory factory)
{
    static readonly StringCatalog Catalog = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));
    static int UnreviewedIn(string language) => Catalog.Unreviewed.Count(u => u.Value.Contains(language));

    [Fact]
    public async Task AnAdministratorSeesEveryUnreviewedLaoStringBesideItsVietnameseAndEnglishWithItsFile()
    {
        var client = await factory.ClientAsync(Role.Administrator);
        var page = await client.GetPageAsync("/admin/translations?language=lo");

        var expected = UnreviewedIn("lo");
        Assert.True(expected > 400, $"only {expected} unreviewed Lao strings");
        Assert.Equal(expected, page.QuerySelectorAll("#unreviewed tbody tr").Length);
        Assert.Equal($"{expected.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi"))} chuỗi chưa rà soát", page.QuerySelector("#unreviewed-count")!.TextContent.Trim());

        var row = page.QuerySelector("tr[id='key-Nav.Meetings']")!;
        string Cell(string language) => row.QuerySelector($"td[data-language='{language}']")!.TextContent.Trim();
        Assert.Equal("Hội nghị, cuộc họp", Cell("vi"));
        Assert.Equal("Meetings", Cell("en"));
        Assert.StartsWith("ກອງປະຊຸມ", Cell("lo"));
        Assert.Equal("lo", row.QuerySelector("td[data-language='lo']")!.GetAttribute("lang"));
        Assert.NotNull(row.QuerySelector("td[data-language='lo'].table-warning"));
        Assert.Null(row.QuerySelector("td[data-language='vi'].table-warning"));
        Assert.Equal("Features/Shared/Shared.strings.json", row.QuerySelectorAll("td").Last().TextContent.Trim());
        // Reviewing is done in the file, and the page says how.
        Assert.Contains("\"unreviewed\"", page.QuerySelector("#how-to-review")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
    }

    [Fact]
    public async Task FilteringByLanguageListsOnlyThatLanguagesUnreviewedStrings()
    {
        var client = await factory.ClientAsync(Role.Administrator);

        var vietnamese = await client.GetPageAsync("/admin/translations?language=vi");
        Assert.Equal(UnreviewedIn("vi"), vietnamese.QuerySelectorAll("#unreviewed tbody tr").Length);
        Assert.Equal("vi", vietnamese.QuerySelector("#f-language option[selected]")!.GetAttribute("value"));
        if (UnreviewedIn("vi") == 0) Assert.Contains("Không còn chuỗi nào chưa được rà soát.", vietnamese.QuerySelector("main")!.TextContent);

        var lao = await client.GetPageAsync("/admin/translations?language=lo");
        Assert.Equal("lo", lao.QuerySelector("#f-language option[selected]")!.GetAttribute("value"));
        Assert.Contains($"({UnreviewedIn("lo").ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi"))})", lao.QuerySelector("#f-language option[value='lo']")!.TextContent);

        var all = await client.GetPageAsync("/admin/translations");
        Assert.Equal(Catalog.Unreviewed.Count, all.QuerySelectorAll("#unreviewed tbody tr").Length);
        Assert.True(Catalog.Unreviewed.Count >= UnreviewedIn("lo"));
    }

    [Fact]
    public async Task TheListIsInTheAdministratorsLanguage()
    {
        var client = await factory.ClientAsync(Role.Administrator);
        var page = await client.GetPageAsync("/admin/translations?culture=lo&language=lo");
        Assert.Equal("lo", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ຄຳແປທີ່ຍັງບໍ່ໄດ້ກວດກາ", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal($"ຂໍ້ຄວາມທີ່ຍັງບໍ່ໄດ້ກວດກາ {UnreviewedIn("lo").ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("lo"))} ລາຍການ", page.QuerySelector("#unreviewed-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task OnlyAnAdministratorMayOpenTheList()
    {
        var coordinator = await factory.CoordinatorAsync(redirects: false);
        var refused = await coordinator.GetAsync("/admin/translations");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var anonymous = factory.NewClient(redirects: false);
        var response = await anonymous.GetAsync("/admin/translations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }
}

public sealed class TranslationsOnSqlite(SqliteFactory factory) : TranslationsTests(factory), IClassFixture<SqliteFactory>;
public sealed class TranslationsOnPostgres(PostgresFactory factory) : TranslationsTests(factory), IClassFixture<PostgresFactory>;
