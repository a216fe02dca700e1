using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Names chosen so that ordinal order (code points), and the other languages' orders, get them wrong:
// a list read in Vietnamese, Lao or English shows them in that language's alphabetical order.
public abstract class CollationTests(ConcordFactory factory)
{
    // (Vietnamese, English, Lao): a reader sees their language's name or else the Vietnamese original.
    static readonly (string Vi, string? En, string? Lo)[] Names =
    [
        ("Đà Nẵng", "bureau", "ສູນ"),
        ("Dương", "Agency", "ຊຽງຂວາງ"),
        ("Ảnh", "centre", "ແຂວງ"),
        ("Em", "Delta", "ກົມ"),
        ("Ưu", "academy", "ຄະນະ"),
        ("Uy", null, null),
    ];

    static readonly string[] InVietnamese = ["Ảnh", "Dương", "Đà Nẵng", "Em", "Uy", "Ưu"];
    static readonly string[] InEnglish = ["academy", "Agency", "bureau", "centre", "Delta", "Uy"];
    // A Lao reader's order puts Lao script first, then names in Latin letters.
    static readonly string[] InLao = ["ກົມ", "ແຂວງ", "ຄະນະ", "ສູນ", "ຊຽງຂວາງ", "Uy"];

    public static TheoryData<string, string[]> Readers => new() { { "vi", InVietnamese }, { "en", InEnglish }, { "lo", InLao } };

    static string NewTag() => $"coll{Guid.NewGuid():N}"[..14];

    // The tag is in the abbreviation, which search finds, so the names themselves are only what is sorted.
    async Task<List<int>> OrganisationsAsync(string tag, string kind = "vocational-institution", string? country = "VN", int? parent = null, string?[]? countries = null) =>
        await factory.WithDbAsync(async db =>
        {
            var kindId = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code == kind).Select(t => t.Id).SingleAsync();
            // Created in reverse of every expected order's first rows, so the order by id is no help either.
            var rows = Names.Select((n, i) => new Organisation
            {
                KindId = kindId, Country = countries is null ? country : countries[i], ParentId = parent,
                Name = new LocalizedText(n.Vi, n.En, n.Lo), Abbreviation = $"{tag}-{i}",
            }).ToList();
            db.Organisations.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.ConvertAll(r => r.Id);
        });

    // The name as shown: the reader's language or the original, without the "(original in ...)" note.
    static string Shown(IElement link) => link.QuerySelector("span[lang]")!.TextContent;

    [Theory, MemberData(nameof(Readers))]
    public async Task OrganisationListSortsNamesAsTheReadersLanguageDoes(string language, string[] expected)
    {
        var tag = NewTag();
        await OrganisationsAsync(tag);
        var page = await factory.NewClient().GetPageAsync($"/organisations?q={tag}&culture={language}");
        Assert.NotNull(page.QuerySelector("[data-sort=name]"));
        Assert.Equal(expected, page.QuerySelectorAll("tr[data-organisation] td:first-child > a").Select(Shown));
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task OrganisationListPagesThroughNamesInTheReadersOrderWithoutRepeatsOrGaps(string language, string[] expected)
    {
        var tag = NewTag();
        await OrganisationsAsync(tag);
        var client = factory.NewClient();
        var seen = new List<string>();
        var url = $"/organisations?q={tag}&size=4&culture={language}";
        for (var pages = 0; pages < 5; pages++)
        {
            var page = await client.GetPageAsync(url);
            seen.AddRange(page.QuerySelectorAll("tr[data-organisation] td:first-child > a").Select(Shown));
            if (page.QuerySelector("a[rel=next]") is not { } next) break;
            url = next.GetAttribute("href")!;
        }
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ApiPagesByCountryThenByNameInTheReadersLanguage()
    {
        var tag = NewTag();
        // Đà Nẵng and Dương in Laos, Em with no country at all (an international body), the others in Vietnam.
        await OrganisationsAsync(tag, countries: ["LA", "LA", "VN", null, "VN", "VN"]);
        var client = factory.NewClient();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/organisations?q={tag}&size=2&culture=vi" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("name").GetProperty("vi").GetString()!));
            after = page.GetProperty("next").GetString();
        } while (after is not null && seen.Count < 20);
        Assert.Equal(["Dương", "Đà Nẵng", "Ảnh", "Uy", "Ưu", "Em"], seen);
    }

    [Fact]
    public async Task ListSortedByCountryKeepsCountriesTogetherAndNamesInOrderWithinThem()
    {
        var tag = NewTag();
        await OrganisationsAsync(tag, countries: ["LA", "LA", "VN", "VN", "VN", "VN"]);
        var page = await factory.NewClient().GetPageAsync($"/organisations?q={tag}&sort=country&culture=vi");
        Assert.NotNull(page.QuerySelector("[data-sort=country]"));
        // Filtering again keeps the order chosen.
        Assert.Equal("country", page.QuerySelector("form[method=get] input[name=sort]")?.GetAttribute("value"));
        Assert.Equal(["Dương", "Đà Nẵng", "Ảnh", "Em", "Uy", "Ưu"], page.QuerySelectorAll("tr[data-organisation] td:first-child > a").Select(Shown));
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task HierarchyListsACountrysTopLevelBodiesByName(string language, string[] expected)
    {
        var tag = NewTag();
        var ids = await OrganisationsAsync(tag, kind: "ministry", country: "LA");
        var page = await factory.NewClient().GetPageAsync($"/organisations?country=LA&culture={language}");
        Assert.Equal(expected, page.QuerySelectorAll("ul.organisation-tree > li[data-organisation]")
            .Where(li => ids.Contains(int.Parse(li.GetAttribute("data-organisation")!)))
            .Select(li => Shown(li.QuerySelector("a")!)));
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task DepartmentsOfAMinistrySortByNameOnItsPageAndInTheHierarchy(string language, string[] expected)
    {
        var tag = NewTag();
        var ministry = (await factory.WithDbAsync(async db =>
        {
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code == "ministry").Select(t => t.Id).SingleAsync();
            var m = new Organisation { KindId = kind, Country = "LA", Name = new LocalizedText($"Bộ {tag}"), Abbreviation = tag };
            db.Organisations.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        }));
        await OrganisationsAsync(tag, kind: "department", country: "LA", parent: ministry);
        var client = factory.NewClient();

        var details = await client.GetPageAsync($"/organisations/{ministry}?culture={language}");
        Assert.Equal(expected, details.QuerySelectorAll("section[aria-labelledby=departments] li > a").Select(Shown));

        var tree = await client.GetPageAsync($"/organisations?country=LA&culture={language}");
        Assert.Equal(expected, tree.QuerySelectorAll($"li[data-organisation='{ministry}'] > ul > li > a").Select(Shown));
    }

    [Theory, MemberData(nameof(Readers))]
    public async Task OrganisationDropdownOffersDepartmentsInTheReadersOrder(string language, string[] expected)
    {
        var tag = NewTag();
        var ministry = await factory.WithDbAsync(async db =>
        {
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code == "ministry").Select(t => t.Id).SingleAsync();
            var m = new Organisation { KindId = kind, Country = "VN", Name = new LocalizedText($"Bộ {tag}"), Abbreviation = tag };
            db.Organisations.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var departments = await OrganisationsAsync(tag, kind: "department", parent: ministry);
        var client = factory.NewClient();

        // The meetings filter (OrganisationPicker) and the commitments filter (Choices): each ministry's departments under it.
        foreach (var url in new[] { "/meetings", "/commitments" })
        {
            var page = await client.GetPageAsync($"{url}?culture={language}");
            var offered = page.QuerySelectorAll("select[name=organisation] option")
                .Where(o => int.TryParse(o.GetAttribute("value"), out var id) && departments.Contains(id))
                .Select(o => Names[departments.IndexOf(int.Parse(o.GetAttribute("value")!))])
                .Select(n => language switch { "en" => n.En ?? n.Vi, "lo" => n.Lo ?? n.Vi, _ => n.Vi });
            Assert.Equal(expected, offered);
        }
    }

    [Fact]
    public async Task PeopleAreOfferedAsChairsInVietnameseOrder()
    {
        var tag = NewTag();
        string[] names = [$"Đặng Văn {tag}", $"Dương Thị {tag}", $"Âu Văn {tag}", $"An Thị {tag}", $"Ông Văn {tag}", $"Ơn Thị {tag}"];
        await factory.WithDbAsync(async db =>
        {
            db.People.AddRange(names.Select(n => new Person { Name = n }));
            await db.SaveChangesAsync();
        });
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/meetings/new?culture=vi");
        var offered = page.QuerySelectorAll("#Input_ChairIds-picker label.picker-item").Select(o => o.TextContent.Trim()).Where(n => n.Contains(tag));
        Assert.Equal([$"An Thị {tag}", $"Âu Văn {tag}", $"Dương Thị {tag}", $"Đặng Văn {tag}", $"Ông Văn {tag}", $"Ơn Thị {tag}"], offered);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("lo")]
    public async Task PeopleApiPagesThroughNamesInTheReadersOrder(string language)
    {
        var tag = NewTag();
        string[] names = [$"ວົງສະຫວັນ {tag}", $"Đặng Văn {tag}", $"ແສງດາວ {tag}", $"Dương Thị {tag}", $"ໄຊຍະວົງ {tag}", $"ຄຳຫຼ້າ {tag}", $"Âu Văn {tag}", $"An Thị {tag}"];
        await factory.WithDbAsync(async db =>
        {
            db.People.AddRange(names.Select(n => new Person { Name = n }));
            await db.SaveChangesAsync();
        });
        var client = factory.NewClient();
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/people?q={tag}&size=3&culture={language}" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("name").GetString()!));
            after = page.GetProperty("next").GetString();
        } while (after is not null && seen.Count < 20);
        // Lao names by the Lao alphabet (ແສງດາວ by its ສ, ໄຊຍະວົງ by its ຊ), first for a Lao reader and
        // after the Latin letters for a Vietnamese one; Vietnamese names by the Vietnamese alphabet (Đ after D)
        // only for a Vietnamese reader.
        string[] lao = [$"ຄຳຫຼ້າ {tag}", $"ແສງດາວ {tag}", $"ໄຊຍະວົງ {tag}", $"ວົງສະຫວັນ {tag}"];
        string[] expected = language == "vi"
            ? [$"An Thị {tag}", $"Âu Văn {tag}", $"Dương Thị {tag}", $"Đặng Văn {tag}", .. lao]
            : [.. lao, $"An Thị {tag}", $"Âu Văn {tag}", $"Đặng Văn {tag}", $"Dương Thị {tag}"];
        Assert.Equal(expected, seen);
    }

    // Whatever the names, the database sorts them as the page would in memory: the same ICU rules on both sides.
    [Theory]
    [InlineData("vi")]
    [InlineData("lo")]
    [InlineData("en")]
    public async Task DatabaseSortsNamesExactlyAsTheReadersComparerDoes(string language)
    {
        string[] names =
        [
            "a", "à", "ả", "ã", "á", "ạ", "A", "Ả", "Anh", "Ảnh", "ba", "Ba", "BA", "Bắc", "Đà Nẵng", "đào", "Dương", "Em", "Ơn", "Ôn", "On", "Ưu", "Uy", "Zeta",
            "ກົມ", "ເກັບ", "ແຂວງ", "ຂາ", "ຄະນະ", "ສູນ", "ແສງ", "ຊຽງຂວາງ", "ໄຊຍະບູລີ", "ຫຼວງພະບາງ", "ໜອງ", "ອັດຕະປື", "ໂຮງຮຽນ", "ຮ່ອງ", "1 Hà Nội", "-Z",
        ];
        var ids = await factory.WithDbAsync(async db =>
        {
            var people = names.Select(n => new Person { Name = n }).ToList();
            db.People.AddRange(people);
            await db.SaveChangesAsync();
            return people.ConvertAll(p => p.Id);
        });
        var fromDatabase = await factory.WithDbAsync(db => db.People.Where(p => ids.Contains(p.Id))
            .OrderBy(db.SortName<Person>(p => p.Name, language)).Select(p => p.Name).ToListAsync());
        Assert.Equal(names.Order(Collation.Comparer(language)), fromDatabase);
    }
}

public sealed class CollationOnSqlite(SqliteFactory factory) : CollationTests(factory), IClassFixture<SqliteFactory>;
public sealed class CollationOnPostgres(PostgresFactory factory) : CollationTests(factory), IClassFixture<PostgresFactory>;
