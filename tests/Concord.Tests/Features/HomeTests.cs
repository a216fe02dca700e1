using System.Runtime.CompilerServices;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Concord.Tests.Features.ActivitiesSeed;

namespace Concord.Tests.Features;

// The home page on a fixed "today" (15 June 2030 in Vientiane and Hanoi), so "overdue" does not drift.
// Periods far from any real plan keep each test's records apart from the others' in the shared database.
public abstract class HomeTests(ConcordFactory factory)
{
    static readonly DateTimeOffset Now = new(2030, 6, 15, 9, 0, 0, TimeSpan.FromHours(7));
    static readonly ConditionalWeakTable<ConcordFactory, WebApplicationFactory<Program>> OnFixedDay = [];

    // A reader, signed in without a second factor: the authenticator's codes follow the real clock, not this one.
    Task<HttpClient> Client() => OnFixedDay.GetValue(factory, f => f.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now))))).ClientAsync(Concord.Features.Accounts.Role.Reader);

    [Fact]
    public async Task CurrentPlanCountsByStatusAndAreaLinkToTheFilteredCommitments()
    {
        var (vocational, insurance) = await factory.WithDbAsync(async db =>
        {
            var instrument = await InstrumentAsync(db, "Biên bản kế hoạch 2150-2151");
            var plan = new Period(2150, 2151);
            await CommitmentAsync(db, instrument, "Đào tạo nghề 1", plan, CommitmentStatus.InProgress, "vocational-education");
            await CommitmentAsync(db, instrument, "Đào tạo nghề 2", plan, CommitmentStatus.InProgress, "vocational-education");
            await CommitmentAsync(db, instrument, "Đào tạo nghề 3", plan, CommitmentStatus.Done, "vocational-education");
            await CommitmentAsync(db, instrument, "Bảo hiểm xã hội", plan, CommitmentStatus.Delayed, "social-insurance");
            await CommitmentAsync(db, instrument, "Kế hoạch cũ hơn", new Period(2148, 2149), CommitmentStatus.Delayed, "social-insurance");
            return (await TermAsync(db, "area", "vocational-education"), await TermAsync(db, "area", "social-insurance"));
        });
        var page = await (await Client()).GetPageAsync("/");

        Assert.Equal("Kế hoạch hợp tác 2150-2151", page.QuerySelector("#plan")!.TextContent.Trim());
        Assert.Equal("4 cam kết", page.QuerySelector("a[href='/commitments?period=2150-2151']")!.TextContent.Trim());
        string StatusCount(string status) => page.QuerySelector($"a[href='/commitments?period=2150-2151&status={status}'] strong")!.TextContent.Trim();
        string CountAt(string href) => page.QuerySelector($"a[href='{href}']")!.TextContent.Trim();
        Assert.Equal("2", StatusCount("InProgress"));
        Assert.Equal("1", StatusCount("Done"));
        Assert.Equal("1", StatusCount("Delayed"));
        Assert.Null(page.QuerySelector("a[href='/commitments?period=2150-2151&status=NotStarted']"));
        Assert.Equal("3", CountAt($"/commitments?period=2150-2151&area={vocational}"));
        Assert.Equal("1", CountAt($"/commitments?period=2150-2151&area={insurance}"));
    }

    [Fact]
    public async Task AnOverdueCommitmentAppearsWithTheCountLinkingToTheOverdueList()
    {
        var before = await OverdueCountAsync();
        var (pastDue, periodOver) = await factory.WithDbAsync(async db =>
        {
            var instrument = await InstrumentAsync(db, "Biên bản năm 1990");
            var old = new Period(1990, 1991);
            var pastDue = await CommitmentAsync(db, instrument, "Hạn hôm qua, chưa xong", old, CommitmentStatus.InProgress, due: new DateOnly(2030, 6, 14));
            var periodOver = await CommitmentAsync(db, instrument, "Không có hạn, giai đoạn đã qua", old, CommitmentStatus.NotStarted);
            await CommitmentAsync(db, instrument, "Hạn ngày mai", old, CommitmentStatus.InProgress, due: new DateOnly(2030, 6, 16));
            await CommitmentAsync(db, instrument, "Đã xong dù quá hạn", old, CommitmentStatus.Done, due: new DateOnly(2020, 1, 1));
            await CommitmentAsync(db, instrument, "Đã chuyển sang kỳ sau", old, CommitmentStatus.CarriedOver);
            await CommitmentAsync(db, instrument, "Giai đoạn còn đang chạy", new Period(2029, 2030), CommitmentStatus.NotStarted);
            return (pastDue, periodOver);
        });

        Assert.Equal(before + 2, await OverdueCountAsync());
        var page = await (await Client()).GetPageAsync("/");
        var listed = page.QuerySelectorAll("#overdue-list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal($"/commitments/{pastDue}", listed[0]);
        Assert.Equal($"/commitments/{periodOver}", listed[1]);
        Assert.Contains("hạn 14/06/2030", page.QuerySelector("#overdue-list li")!.TextContent);
    }

    async Task<int> OverdueCountAsync()
    {
        var page = await (await Client()).GetPageAsync("/");
        var link = page.QuerySelector("a[href='/commitments?overdue=true']");
        return link is null ? 0 : int.Parse(link.TextContent.Split(' ')[0].Replace(".", ""));
    }

    [Fact]
    public async Task LatestProgressReportsComeNewestFirstWithTheirSideAndCommitment()
    {
        var commitment = await factory.WithDbAsync(async db =>
        {
            var commitment = await CommitmentAsync(db, await InstrumentAsync(db, "Biên bản báo cáo"), "Cam kết được báo cáo", new Period(2090, 2091), number: "7");
            await ReportAsync(db, commitment, "VN", new DateOnly(2100, 1, 10), CommitmentStatus.NotStarted);
            await ReportAsync(db, commitment, "LA", new DateOnly(2100, 3, 10), CommitmentStatus.Done);
            await ReportAsync(db, commitment, "VN", new DateOnly(2100, 2, 10), CommitmentStatus.InProgress);
            return commitment;
        });
        var page = await (await Client()).GetPageAsync("/");
        var rows = page.QuerySelectorAll("#latest-reports tbody tr").Take(3).Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["10/03/2100", "10/02/2100", "10/01/2100"], rows.Select(r => r[0]));
        Assert.Equal(["Lào", "Việt Nam", "Việt Nam"], rows.Select(r => r[1]));
        Assert.Equal(["Đã hoàn thành", "Đang thực hiện", "Chưa triển khai"], rows.Select(r => r[3]));
        Assert.Contains("Cam kết được báo cáo", rows[0][2]);
        Assert.NotNull(page.QuerySelector($"#latest-reports a[href='/commitments/{commitment}']"));
    }

    [Fact]
    public async Task TimelineShowsConferencesAndSignedInstrumentsInDateOrderAtTheirPrecision()
    {
        var (conference, minutes, draft) = await factory.WithDbAsync(async db => (
            await MeetingAsync(db, "Hội nghị Bộ trưởng lần thứ 40", PartialDate.OfMonth(2149, 3)),
            await InstrumentAsync(db, "Biên bản Hội nghị lần thứ 40", PartialDate.OfDay(2149, 3, 12)),
            await InstrumentAsync(db, "Dự thảo thỏa thuận mới", PartialDate.OfYear(2149), InstrumentStatus.Draft)));
        var page = await (await Client()).GetPageAsync("/");
        var items = page.QuerySelectorAll("#timeline-list li").ToList();
        var last = items[^2..];
        Assert.Equal($"/meetings/{conference}", last[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("03/2149", last[0].QuerySelector("div")!.TextContent.Trim());
        Assert.Equal($"/instruments/{minutes}", last[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.StartsWith("12/03/2149", last[1].QuerySelector("div")!.TextContent.Trim());
        Assert.DoesNotContain(items, i => i.QuerySelector("a")!.GetAttribute("href") == $"/instruments/{draft}");
    }

    [Fact]
    public async Task HomePageIsSmallAndCarriesNoScriptOfItsOwn()
    {
        var response = await (await Client()).GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.Length < 60_000, $"The home page is {html.Length} characters.");
        // Only the scripts every page loads from the layout (htmx, the picker, the form helper), none inline.
        static List<string> Scripts(string page) => [.. System.Text.RegularExpressions.Regex.Matches(page, "<script[^>]*>")
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.Value, "src=\"([^\"?]+)").Groups[1].Value)];
        var scripts = Scripts(html);
        Assert.NotEmpty(scripts);
        Assert.DoesNotContain("", scripts);
        var other = await (await (await Client()).GetAsync("/meetings")).Content.ReadAsStringAsync();
        Assert.Equal(Scripts(other), scripts);
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("Indochina", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
    }
}

public sealed class HomeOnSqlite(SqliteFactory factory) : HomeTests(factory), IClassFixture<SqliteFactory>;
public sealed class HomeOnPostgres(PostgresFactory factory) : HomeTests(factory), IClassFixture<PostgresFactory>;
