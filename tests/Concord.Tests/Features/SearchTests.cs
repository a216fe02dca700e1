using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.ActivitiesSeed;

namespace Concord.Tests.Features;

public abstract class SearchTests(ConcordFactory factory)
{
    static async Task<JsonElement> SearchAsync(HttpClient client, string query, string? type = null, string? after = null, int? size = null)
    {
        var url = $"/api/search?q={Uri.EscapeDataString(query)}" + (type is null ? "" : $"&type={type}") + (after is null ? "" : $"&after={after}") + (size is null ? "" : $"&size={size}");
        return await client.GetFromJsonAsync<JsonElement>(url);
    }

    static List<int> Hits(JsonElement results, string type) =>
        results.GetProperty("groups").EnumerateArray().Where(g => g.GetProperty("type").GetString() == type)
            .SelectMany(g => g.GetProperty("hits").EnumerateArray()).Select(h => h.GetProperty("id").GetInt32()).ToList();

    [Fact]
    public async Task BanKanWithoutDiacriticsFindsTheBanKanCentreAndItsDonation()
    {
        var (centre, donation, vietnameseOnly) = await factory.WithDbAsync(async db =>
        {
            var centre = await OrganisationAsync(db, "Trung tâm chấn thương chỉnh hình / phục hồi chức năng Bản Cân", "Ban Kan Orthopaedic and Rehabilitation Centre", "LA", kind: "centre");
            var donation = await ActivityAsync(db, "donation", new LocalizedText("Trao tặng trang thiết bị cho Trung tâm Bản Cân", "Equipment donated to the Ban Kan centre"),
                organisations: [(centre, ActivityRole.Recipient)]);
            var vietnameseOnly = await ActivityAsync(db, "delegation-visit", new LocalizedText("Đoàn công tác thăm Trung tâm Bản Cân"));
            return (centre, donation, vietnameseOnly);
        });
        var client = await factory.CoordinatorAsync();
        var results = await SearchAsync(client, "ban kan");
        Assert.Contains(centre, Hits(results, "Organisations"));
        Assert.Contains(donation, Hits(results, "Activities"));
        // Folding drops the marks: "ban can" is how "Bản Cân" reads without them.
        Assert.Contains(vietnameseOnly, Hits(await SearchAsync(client, "ban can"), "Activities"));
        Assert.Contains(vietnameseOnly, Hits(await SearchAsync(client, "BẢN CÂN"), "Activities"));
    }

    [Fact]
    public async Task HopTacFindsHopTacInACommitment()
    {
        var commitment = await factory.WithDbAsync(async db =>
            await CommitmentAsync(db, await InstrumentAsync(db, "Biên bản tìm kiếm"), "Tăng cường hợp tác trong lĩnh vực bảo hiểm xã hội", new Period(2026, 2027)));
        var results = await SearchAsync(await factory.CoordinatorAsync(), "hop tac", "commitments");
        Assert.Equal(commitment, Hits(results, "Commitments")[0]);
        var hit = results.GetProperty("groups")[0].GetProperty("hits")[0];
        var marked = hit.GetProperty("titleParts").EnumerateArray().Where(p => p.GetProperty("match").GetBoolean()).Select(p => p.GetProperty("text").GetString());
        Assert.Equal(["hợp tác"], marked);
    }

    [Fact]
    public async Task CapitalsWithoutDiacriticsFindDaoTaoAndMarkItOnThePage()
    {
        var token = Token();
        var activity = await factory.WithDbAsync(db => ActivityAsync(db, "training", new LocalizedText($"Đào tạo nghề cho cán bộ Lào {token}")));
        var page = await (await factory.CoordinatorAsync()).GetPageAsync($"/search?q=DAO+TAO+{token.ToUpperInvariant()}");
        var hit = page.QuerySelector($"#group-activities ~ ol a[href='/activities/{activity}']")!;
        Assert.Equal(["Đào tạo", token], hit.QuerySelectorAll("mark").Select(m => m.TextContent).ToArray());
    }

    [Fact]
    public async Task ALaoWordIsFoundInsideALaoSentence()
    {
        var activity = await factory.WithDbAsync(db => ActivityAsync(db, "training",
            new LocalizedText("Đào tạo kỹ năng nghề", lo: "ການຝຶກອົບຮົມວິຊາຊີບໃຫ້ແກ່ພະນັກງານແຂວງ")));
        var client = await factory.CoordinatorAsync();
        Assert.Contains(activity, Hits(await SearchAsync(client, "ວິຊາຊີບ"), "Activities"));

        var page = await client.GetPageAsync("/search?q=ວິຊາຊີບ&type=activities");
        var hit = page.QuerySelectorAll("#hits li").Single(li => li.QuerySelector($"a[href='/activities/{activity}']") is not null);
        var snippet = hit.QuerySelector(".snippet")!;
        Assert.Equal("lo", snippet.GetAttribute("lang"));
        Assert.Equal("ການຝຶກອົບຮົມວິຊາຊີບໃຫ້ແກ່ພະນັກງານແຂວງ", snippet.TextContent);
        Assert.Equal("ວິຊາຊີບ", snippet.QuerySelector("mark")!.TextContent);
    }

    [Fact]
    public async Task PercentAndUnderscoreAreSearchedForThemselvesNotAsWildcards()
    {
        var token = Token();
        var (percent, fifty) = await factory.WithDbAsync(async db => (
            await ActivityAsync(db, "scholarship", new LocalizedText($"Hỗ trợ 50% học phí {token}")),
            await ActivityAsync(db, "donation", new LocalizedText($"Trao tặng 50 máy tính {token}"))));
        var client = await factory.CoordinatorAsync();
        Assert.Equal([percent], Hits(await SearchAsync(client, $"50% {token}"), "Activities"));
        Assert.Equal([fifty, percent], Hits(await SearchAsync(client, $"50 {token}"), "Activities"));
        Assert.Empty(Hits(await SearchAsync(client, $"5_ {token}"), "Activities"));
        Assert.Empty(Hits(await SearchAsync(client, $"0\\ {token}"), "Activities"));
    }

    [Fact]
    public async Task AHitShowsASnippetOfTheMatchingTextWithTheMatchMarked()
    {
        var token = Token();
        var long_ = string.Join(" ", Enumerable.Repeat("Hai bên thống nhất tiếp tục phối hợp chặt chẽ.", 12));
        var activity = await factory.WithDbAsync(db => ActivityAsync(db, "workshop", new LocalizedText("Hội thảo phục hồi chức năng"),
            description: new LocalizedText($"{long_} Trung tâm {token} được hỗ trợ xe lăn. {long_}")));
        var page = await (await factory.CoordinatorAsync()).GetPageAsync($"/search?q={token}");
        var hit = page.QuerySelectorAll(".search-hit").Single(li => li.QuerySelector($"a[href='/activities/{activity}']") is not null);
        var snippet = hit.QuerySelector(".snippet")!;
        Assert.Contains($"<mark>{token}</mark>", snippet.InnerHtml);
        Assert.StartsWith("…", snippet.TextContent);
        Assert.EndsWith("…", snippet.TextContent);
        Assert.True(snippet.TextContent.Length < 260, snippet.TextContent);
    }

    [Fact]
    public async Task EachKindOfHitLinksToItsOwnPage()
    {
        var token = Token();
        var ids = await factory.WithDbAsync(async db =>
        {
            var organisation = await OrganisationAsync(db, $"Sở Lao động {token}", country: "LA", kind: "province");
            var instrument = await InstrumentAsync(db, $"Thỏa thuận {token}", kind: "arrangement");
            var commitment = await CommitmentAsync(db, instrument, $"Cam kết {token}", new Period(2026, 2027));
            return new
            {
                organisation, instrument, commitment,
                meeting = await MeetingAsync(db, $"Hội nghị {token}"),
                report = await ReportAsync(db, commitment, "LA", new DateOnly(2026, 5, 1), narrativeVi: $"Đã thực hiện {token}"),
                activity = await ActivityAsync(db, "award", new LocalizedText($"Khen thưởng {token}")),
                person = await PersonAsync(db, $"Nguyễn Văn {token}", organisation),
            };
        });
        var results = await SearchAsync(await factory.CoordinatorAsync(), token);
        string UrlOf(string type) => results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("type").GetString() == type)
            .GetProperty("hits").EnumerateArray().Single().GetProperty("url").GetString()!;
        Assert.Equal($"/instruments/{ids.instrument}", UrlOf("Instruments"));
        Assert.Equal($"/meetings/{ids.meeting}", UrlOf("Meetings"));
        Assert.Equal($"/commitments/{ids.commitment}", UrlOf("Commitments"));
        Assert.Equal($"/commitments/{ids.commitment}#report-{ids.report}", UrlOf("Reports"));
        Assert.Equal($"/activities/{ids.activity}", UrlOf("Activities"));
        Assert.Equal($"/organisations/{ids.organisation}", UrlOf("Organisations"));
        Assert.Equal($"/organisations/{ids.organisation}#person-{ids.person}", UrlOf("People"));

        var page = await (await factory.CoordinatorAsync()).GetPageAsync($"/search?q={token}");
        Assert.Equal(7, page.QuerySelectorAll("section[aria-labelledby^='group-']").Length);
        Assert.NotNull(page.QuerySelector($"#group-reports ~ ol a[href='/commitments/{ids.commitment}#report-{ids.report}']"));
    }

    [Fact]
    public async Task PagingThroughOneTypeNeverRepeatsAHitAndTheOverviewLinksToTheRest()
    {
        var token = Token();
        var made = await factory.WithDbAsync(async db =>
        {
            var ids = new List<int>();
            for (var i = 0; i < 12; i++) ids.Add(await OrganisationAsync(db, $"Trường nghề số {i} {token}", kind: "vocational-institution"));
            return ids;
        });
        var client = await factory.CoordinatorAsync();
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await SearchAsync(client, token, "organisations", after, size: 5);
            var group = page.GetProperty("groups")[0];
            Assert.Equal(12, group.GetProperty("count").GetInt32());
            seen.AddRange(group.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
            after = group.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(made.OrderByDescending(id => id), seen);

        // The overview shows ten; "more" continues with the rest of that type, none of them again.
        static IEnumerable<string> Links(AngleSharp.Dom.IDocument page, string selector) => page.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!);
        var overview = await client.GetPageAsync($"/search?q={token}");
        var first = Links(overview, "#group-organisations ~ ol li > a").ToList();
        Assert.Equal(10, first.Count);
        var more = overview.QuerySelector("#group-organisations ~ a.more")!.GetAttribute("href")!;
        Assert.StartsWith($"/search?q={token}&type=organisations&after=", more);
        var rest = Links(await client.GetPageAsync(more), "#hits li > a").ToList();
        Assert.Equal(made.OrderByDescending(id => id).Select(id => $"/organisations/{id}"), first.Concat(rest));
    }

    // A record kept to Vietnam, or under minutes or a clause kept to Vietnam, is neither a hit nor counted for
    // the Lao side, in the overview or in one kind's pages; the Vietnamese side finds and counts it.
    [Fact]
    public async Task AReaderGetsNoHitAndNoCountFromTheOtherSidesRecordsKeptFromThem()
    {
        var token = Token();
        var ids = await factory.WithDbAsync(async db =>
        {
            var openMinutes = await InstrumentAsync(db, $"Biên bản chung {token}");
            var closedMinutes = await InstrumentAsync(db, $"Biên bản kín {token}");
            var shared = await CommitmentAsync(db, openMinutes, $"Cam kết chung {token}", new Period(2026, 2027));
            var closed = await CommitmentAsync(db, openMinutes, $"Cam kết kín {token}", new Period(2026, 2027));
            var underClosedMinutes = await CommitmentAsync(db, closedMinutes, $"Cam kết trong biên bản kín {token}", new Period(2026, 2027));
            var closedReport = await ReportAsync(db, shared, "VN", new DateOnly(2026, 5, 1), narrativeVi: $"Báo cáo kín {token}");
            var reportOnClosed = await ReportAsync(db, closed, "VN", new DateOnly(2026, 6, 1), narrativeVi: $"Báo cáo chung về cam kết kín {token}");
            var activity = await ActivityAsync(db, "training", new LocalizedText($"Hoạt động kín {token}"));
            foreach (var record in new IRestrictable[]
            {
                await db.Instruments.SingleAsync(x => x.Id == closedMinutes), await db.Commitments.SingleAsync(x => x.Id == closed),
                await db.ProgressReports.SingleAsync(x => x.Id == closedReport), await db.Activities.SingleAsync(x => x.Id == activity),
            })
            {
                record.Visibility = Visibility.Restricted;
                record.RestrictedTo = Sides.Vietnam;
            }
            await db.SaveChangesAsync();
            return new { openMinutes, closedMinutes, shared, closed, underClosedMinutes, closedReport, reportOnClosed, activity };
        });
        var lao = await factory.ClientAsync(Role.Reader, TestAccounts.LaoCooperation);
        var vietnam = await factory.ClientAsync(Role.Reader, TestAccounts.VietnamCooperation);

        static void AssertGroup(JsonElement results, string type, int count, params int[] hits)
        {
            var group = results.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("type").GetString() == type);
            Assert.Equal(count, group.GetProperty("count").GetInt32());
            Assert.Equal(hits, group.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetInt32()));
        }
        var overview = await SearchAsync(lao, token);
        AssertGroup(overview, "Instruments", 1, ids.openMinutes);
        AssertGroup(overview, "Commitments", 1, ids.shared);
        AssertGroup(overview, "Reports", 0);
        AssertGroup(overview, "Activities", 0);
        AssertGroup(await SearchAsync(lao, token, "commitments", size: 1), "Commitments", 1, ids.shared);
        AssertGroup(await SearchAsync(lao, token, "reports"), "Reports", 0);
        var page = await (await lao.GetAsync($"/search?q={token}")).Content.ReadAsStringAsync();
        foreach (var hidden in new[] { $"/instruments/{ids.closedMinutes}", $"/commitments/{ids.closed}", $"/commitments/{ids.underClosedMinutes}", $"/activities/{ids.activity}", $"#report-{ids.closedReport}", $"#report-{ids.reportOnClosed}" })
            Assert.DoesNotContain(hidden + "\"", page);
        Assert.DoesNotContain("kín", page);

        var theirs = await SearchAsync(vietnam, token);
        AssertGroup(theirs, "Instruments", 2, ids.closedMinutes, ids.openMinutes);
        AssertGroup(theirs, "Commitments", 3, ids.underClosedMinutes, ids.closed, ids.shared);
        AssertGroup(theirs, "Reports", 2, ids.reportOnClosed, ids.closedReport);
        AssertGroup(theirs, "Activities", 1, ids.activity);
    }

    [Fact]
    public async Task AnEmptyOrOneLetterQueryShowsGuidanceInsteadOfSearching()
    {
        var client = await factory.CoordinatorAsync();
        foreach (var url in new[] { "/search", "/search?q=", "/search?q=a", "/search?q=%20%C4%91%20" })
        {
            var page = await client.GetPageAsync(url);
            Assert.NotNull(page.QuerySelector("#search-guidance"));
            Assert.Empty(page.QuerySelectorAll(".search-hit"));
        }
        Assert.Contains("ít nhất hai ký tự", (await client.GetPageAsync("/search?q=a")).QuerySelector("#search-guidance")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=a")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/search?q=hop+tac&type=everything")).StatusCode);
    }
}

public sealed class SearchOnSqlite(SqliteFactory factory) : SearchTests(factory), IClassFixture<SqliteFactory>;
public sealed class SearchOnPostgres(PostgresFactory factory) : SearchTests(factory), IClassFixture<PostgresFactory>;
