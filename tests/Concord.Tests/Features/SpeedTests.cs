using System.Net;
using System.Runtime.CompilerServices;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Tokens;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Features;

// What issue 11 changed that a user notices: compressed answers, assets a browser keeps, `sort=due` accepted,
// and the counts kept in memory (home page, translation queue) following every save without ever counting
// another side's restricted records. Speed itself is measured by bench/load.sh, not here.
public abstract class SpeedTests(ConcordFactory factory)
{
    // A day far from the demo's and the other tests' records: the overdue counts here move only with this class's records.
    static readonly DateTimeOffset Now = new(2031, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
    static readonly ConditionalWeakTable<ConcordFactory, WebApplicationFactory<Program>> OnFixedDay = [];

    WebApplicationFactory<Program> FixedDay => OnFixedDay.GetValue(factory, f => f.WithWebHostBuilder(b =>
        b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new FixedClock(Now)))));

    [Fact]
    public async Task PagesAndApiAnswersAreCompressedWithBrotliWhenTheBrowserAsks()
    {
        var client = await factory.ClientAsync(Role.Reader);
        foreach (var url in new[] { "/", "/commitments", "/api/commitments?size=5" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("br, gzip");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        }
        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/");
        gzip.Headers.AcceptEncoding.ParseAdd("gzip");
        Assert.Equal("gzip", Assert.Single((await client.SendAsync(gzip)).Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task StyleSheetsAndScriptsHaveFingerprintedNamesKeptAYearAndNeedNoSignIn()
    {
        // The tests run on the build's asset manifest, on which ASP.NET Core turns caching off unless told, so that a
        // developer's edits show; a published Concord uses the publish manifest, with the caching asked here.
        var published = factory.WithWebHostBuilder(b => b.UseSetting("EnableStaticAssetsDevelopmentCaching", "true"));
        var anonymous = published.NewClient(redirects: false);
        var page = await Html.ParseAsync(await (await anonymous.GetAsync("/account/sign-in")).Content.ReadAsStringAsync());
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/concord.", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            // A fingerprint in the name (concord.abc123.css), not a query string a proxy may ignore.
            Assert.Matches(@"\.[a-z0-9]{8,}\.(css|js)$", asset);
            var response = await anonymous.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
            Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(365), $"{asset}: {response.Headers.CacheControl}");
        }
    }

    [Fact]
    public async Task ApiAcceptsEnumValuesInAnyCase()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var delayed = await world.AddCommitmentAsync(c => { c.Status = CommitmentStatus.Delayed; c.AreaId = world.Vocational; c.DueOn = new DateOnly(2031, 1, 1); });
        var done = await world.AddCommitmentAsync(c => { c.Status = CommitmentStatus.Done; c.AreaId = world.Vocational; c.DueOn = new DateOnly(2031, 1, 1); });
        var client = await factory.ClientAsync(Role.Reader);

        var response = await client.GetAsync($"/api/commitments?sort=due&status=delayed&instrument={world.EighthMinutes}&size=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains($"\"id\":{delayed},", body);
        Assert.DoesNotContain($"\"id\":{done},", body);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/commitments?sort=DUE")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/commitments?sort=soonest")).StatusCode);
    }

    [Fact]
    public async Task HomeOverdueCountFollowsEachSaveAndNeverCountsTheOtherSidesRestrictedRecords()
    {
        var lao = await FixedDay.ClientAsync(Role.Reader, "la-mlsw");
        var vietnam = await FixedDay.ClientAsync(Role.Reader, "vn-moha");
        var (laBefore, vnBefore) = (await OverdueAsync(lao), await OverdueAsync(vietnam));
        var world = await CommitmentsWorld.CreateAsync(factory);

        // Kept to Vietnam: Vietnam's count moves, Laos's does not, though both were just counted (and kept).
        var restricted = await world.AddCommitmentAsync(c =>
        {
            c.Status = CommitmentStatus.InProgress; c.DueOn = new DateOnly(2031, 2, 1);
            c.Visibility = Visibility.Restricted; c.RestrictedTo = "VN";
        });
        Assert.Equal(vnBefore + 1, await OverdueAsync(vietnam));
        Assert.Equal(laBefore, await OverdueAsync(lao));

        // Shared with both sides: both counts move at once.
        var shared = await world.AddCommitmentAsync(c => { c.Status = CommitmentStatus.Delayed; c.DueOn = new DateOnly(2031, 2, 15); });
        Assert.Equal(vnBefore + 2, await OverdueAsync(vietnam));
        Assert.Equal(laBefore + 1, await OverdueAsync(lao));

        // Kept to Vietnam afterwards (as a side withdraws a record from the other): Laos stops counting it.
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Commitments.SingleAsync(x => x.Id == shared);
            c.Visibility = Visibility.Restricted;
            c.RestrictedTo = "VN";
            await db.SaveChangesAsync();
        });
        Assert.Equal(laBefore, await OverdueAsync(lao));
        Assert.Equal(vnBefore + 2, await OverdueAsync(vietnam));

        // Done: no longer overdue for anyone.
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Commitments.SingleAsync(x => x.Id == restricted);
            c.Status = CommitmentStatus.Done;
            await db.SaveChangesAsync();
        });
        Assert.Equal(vnBefore + 1, await OverdueAsync(vietnam));
    }

    [Fact]
    public async Task TranslationQueueCountsFollowEachSaveAndNeverCountTheOtherSidesRestrictedRecords()
    {
        var lao = await factory.ClientAsync(Role.Reader, "la-mlsw");
        var vietnam = await factory.ClientAsync(Role.Reader, "vn-moha");
        var (laBefore, vnBefore) = (await MissingLaoAsync(lao), await MissingLaoAsync(vietnam));
        var world = await CommitmentsWorld.CreateAsync(factory);

        var restricted = await world.AddCommitmentAsync(c =>
        {
            c.Text = new LocalizedText($"Chỉ phía Việt Nam {world.Tag}");
            c.Visibility = Visibility.Restricted; c.RestrictedTo = "VN";
        });
        Assert.Equal(vnBefore + 1, await MissingLaoAsync(vietnam));
        Assert.Equal(laBefore, await MissingLaoAsync(lao));

        // Translated into Lao: it leaves Vietnam's count of commitments missing Lao.
        await factory.WithDbAsync(async db =>
        {
            var c = await db.Commitments.SingleAsync(x => x.Id == restricted);
            c.Text = new LocalizedText(c.Text.Vi, null, "ພາສາລາວ");
            await db.SaveChangesAsync();
        });
        Assert.Equal(vnBefore, await MissingLaoAsync(vietnam));
    }

    [Fact]
    public async Task TheApiGivesACommitmentWithItsLeadsAndReportsInAStatementPerPartNotPerRow()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        await world.AddReportAsync(id, "VN", CommitmentStatus.InProgress, new DateOnly(2024, 6, 1));
        await world.AddReportAsync(id, "LA", CommitmentStatus.Delayed, new DateOnly(2024, 7, 1));
        await world.AddReportAsync(id, "LA", CommitmentStatus.Delayed, new DateOnly(2024, 9, 1));
        var (script, commands) = await CountedScriptAsync();

        var response = await script.GetAsync($"/api/commitments/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("leads").GetArrayLength());
        Assert.Equal(3, json.RootElement.GetProperty("reports").GetArrayLength());
        // The token's check; the clause with its leads, activities and neighbours in the carry-over chain; its reports.
        // None per report or per lead, and none for citations, as nothing here is cited.
        Assert.True(commands.Count <= 3, $"{commands.Count} statements:\n{string.Join("\n\n", commands.Texts)}");
        Assert.Equal(0, json.RootElement.GetProperty("citations").GetArrayLength());

        // A citation of one report, not of the clause: the answer shows it under that report, for one statement more.
        var cited = json.RootElement.GetProperty("reports")[1].GetProperty("id").GetInt32();
        await factory.WithDbAsync(async db =>
        {
            var source = new Concord.Features.Sources.Source { Title = "Speed test source" };
            db.Sources.Add(source);
            await db.SaveChangesAsync();
            db.Citations.Add(new Concord.Features.Sources.Citation
            {
                RecordType = Concord.Features.Sources.CitedRecord.Report, RecordId = cited, SourceId = source.Id, Passage = "the passage",
            });
            await db.SaveChangesAsync();
        });
        commands.Clear();
        using var withCitation = System.Text.Json.JsonDocument.Parse(await script.GetStringAsync($"/api/commitments/{id}"));
        Assert.True(commands.Count <= 4, $"{commands.Count} statements:\n{string.Join("\n\n", commands.Texts)}");
        Assert.Equal(0, withCitation.RootElement.GetProperty("citations").GetArrayLength());
        foreach (var report in withCitation.RootElement.GetProperty("reports").EnumerateArray())
        {
            var passages = report.GetProperty("citations").EnumerateArray().Select(c => c.GetProperty("passage").GetString()).ToList();
            Assert.Equal(report.GetProperty("id").GetInt32() == cited ? ["the passage"] : [], passages);
        }
    }

    [Fact]
    public async Task TheApiGivesAPageOfCommitmentsWithLeadsAndEachSidesLatestReportInAStatementPerPartNotPerRow()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var both = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var vietnamOnly = await world.AddCommitmentAsync(null, world.VnDepartment);
        var unreported = await world.AddCommitmentAsync(null, world.LaDepartment);
        await world.AddReportAsync(both, "VN", CommitmentStatus.InProgress, new DateOnly(2024, 6, 1));
        await world.AddReportAsync(both, "LA", CommitmentStatus.Delayed, new DateOnly(2024, 9, 1));
        await world.AddReportAsync(both, "LA", CommitmentStatus.Delayed, new DateOnly(2024, 7, 1));
        await world.AddReportAsync(vietnamOnly, "VN", CommitmentStatus.Done, new DateOnly(2025, 1, 15));
        var (script, commands) = await CountedScriptAsync();

        var response = await script.GetAsync($"/api/commitments?instrument={world.EighthMinutes}&size=50");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The token's check; the page; its clauses' leads and each side's latest report. None per row.
        Assert.True(commands.Count <= 3, $"{commands.Count} statements:\n{string.Join("\n\n", commands.Texts)}");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetInt32());
        Assert.Equal([both, vietnamOnly, unreported], rows.Keys.Order());
        static string Leads(System.Text.Json.JsonElement row) =>
            string.Join(",", row.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("country").GetString()));
        static string Latest(System.Text.Json.JsonElement row) => string.Join(",", row.GetProperty("latestReports").EnumerateArray()
            .Select(l => $"{l.GetProperty("country").GetString()} {l.GetProperty("reportedOn").GetString()}"));
        Assert.Equal("VN,LA", Leads(rows[both]));
        Assert.Equal("VN 2024-06-01,LA 2024-09-01", Latest(rows[both]));
        Assert.Equal("VN", Leads(rows[vietnamOnly]));
        Assert.Equal("VN 2025-01-15", Latest(rows[vietnamOnly]));
        Assert.Equal("LA", Leads(rows[unreported]));
        Assert.Equal("", Latest(rows[unreported]));
    }

    // A script's client (a reader's read-only token) and a counter of the statements the app sends for it. The token's
    // first use is recorded (once an hour) before this returns, so that what is counted is a script's next call.
    async Task<(HttpClient Script, CommandCounter Commands)> CountedScriptAsync()
    {
        var commands = new CommandCounter();
        var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteConcordDb>((_, o) => o.AddInterceptors(commands));
            s.ConfigureDbContext<PostgresConcordDb>((_, o) => o.AddInterceptors(commands));
        }));
        var account = await counted.CreateAccountAsync(Role.Reader);
        var token = await factory.WithDbAsync(async db =>
        {
            var (token, prefix) = PersonalTokens.Generate();
            db.ApiTokens.Add(new ApiToken
            {
                AccountId = account.Id, Name = "speed", Prefix = prefix, Hash = TokenAuthenticationHandler.Hash(token),
                Scopes = TokenScopes.Read, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1),
            });
            await db.SaveChangesAsync();
            return token;
        });
        var script = counted.NewClient(redirects: false);
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/commitments?size=1")).StatusCode);
        commands.Clear();
        return (script, commands);
    }

    static async Task<int> OverdueAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        var link = page.QuerySelector("a[href='/commitments?overdue=true']");
        return link is null ? 0 : int.Parse(new string(link.TextContent.Where(char.IsDigit).ToArray()));
    }

    static async Task<int> MissingLaoAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/translations?language=lo&status=Missing&kind=Commitment");
        return int.Parse(new string(page.QuerySelector("#kind-Commitment .badge")!.TextContent.Where(char.IsDigit).ToArray()));
    }

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
        public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.CreateCustomTimeZone("Indochina", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
    }
}

public sealed class SpeedOnSqlite(SqliteFactory factory) : SpeedTests(factory), IClassFixture<SqliteFactory>;
public sealed class SpeedOnPostgres(PostgresFactory factory) : SpeedTests(factory), IClassFixture<PostgresFactory>;
