using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Rounds;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.Rounds;

// Reporting rounds over HTTP: opening one, what it covers and has collected (per side, per department),
// "my work" for a focal point, and closing it.
public abstract class RoundsTests(ConcordFactory factory)
{
    // Three clauses of the world's 9th minutes for 2026-2027, led by a Vietnamese and a Lao department, and one
    // led on the Vietnamese side by the department of the ministry the Vietnamese ministry succeeded.
    async Task<(CommitmentsWorld World, List<int> Shared, int Old)> WorldAsync()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var shared = await world.AddCommitmentsAsync(3, (i, c) => { c.InstrumentId = world.NinthMinutes; c.Period = new Period(2026, 2027); }, world.VnDepartment, world.LaDepartment);
        var old = await world.AddCommitmentAsync(c => { c.InstrumentId = world.NinthMinutes; c.Number = "9"; c.Period = new Period(2026, 2027); }, world.OldVnDepartment, world.LaDepartment);
        return (world, shared, old);
    }

    static object Round(CommitmentsWorld world, string? side = null, string due = "2099-03-31", int version = 0) => new
    {
        nameEn = $"Progress for the 10th conference {world.Tag}", nameVi = $"Báo cáo tiến độ {world.Tag}", period = "2026-2027", dueOn = due,
        side, instrumentId = world.NinthMinutes, remindDaysBefore = 7, version,
    };

    static async Task<int> CreateAsync(HttpClient client, object round)
    {
        var created = await client.PostAsJsonAsync("/api/rounds", round);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    static JsonElement SideOf(JsonElement round, string side) =>
        round.GetProperty("completeness").EnumerateArray().Single(s => s.GetProperty("side").GetString() == side);

    [Fact]
    public async Task ACoordinatorOpensARoundThroughTheFormAndItsPageCountsWhatEachSideAndDepartmentReported()
    {
        var (world, shared, old) = await WorldAsync();
        var coordinator = await factory.CoordinatorAsync();
        var saved = await coordinator.SubmitFormAsync("/rounds/new", new Dictionary<string, string?>
        {
            ["Input.NameEn"] = $"Progress for the 10th conference {world.Tag}",
            ["Input.Period"] = "2026-2027",
            ["Input.DueOn"] = "31/03/2099",
            ["Input.Side"] = "",
            ["Input.InstrumentId"] = world.NinthMinutes.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var id = int.Parse(saved.RequestMessage!.RequestUri!.AbsolutePath.Split('/')[2]);
        await world.AddReportAsync(shared[0], "VN", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));
        // A report for another period does not answer this round.
        await world.AddReportAsync(shared[1], "VN", CommitmentStatus.InProgress, new DateOnly(2025, 6, 1), new Period(2024, 2025));

        var round = await coordinator.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}");
        Assert.Equal((4, 1), (SideOf(round, "VN").GetProperty("owed").GetInt32(), SideOf(round, "VN").GetProperty("reported").GetInt32()));
        Assert.Equal((4, 0), (SideOf(round, "LA").GetProperty("owed").GetInt32(), SideOf(round, "LA").GetProperty("reported").GetInt32()));

        var page = await coordinator.GetPageAsync($"/rounds/{id}");
        string Cell(int department, string side, string cell) =>
            page.QuerySelector($"#completeness-departments tr[data-department='{department}'][data-side='{side}'] .{cell}")!.TextContent.Trim();
        Assert.Equal("1", Cell(world.VnDepartment, "VN", "reported-count"));
        Assert.Equal("2", Cell(world.VnDepartment, "VN", "outstanding-count"));
        Assert.Equal("0", Cell(world.OldVnDepartment, "VN", "reported-count"));
        Assert.Equal("4", Cell(world.LaDepartment, "LA", "outstanding-count"));

        // The missing list names what a side has not reported, a page at a time.
        var missing = await coordinator.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}/missing?side=VN&size=2");
        var first = missing.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        var next = missing.GetProperty("next").GetString();
        var rest = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}/missing?side=VN&size=2&after={next}"))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(new[] { shared[1], shared[2], old }.Order(), first.Concat(rest).Order());
    }

    [Fact]
    public async Task ARoundFormRefusesAnotherSidesRoundAndABadPeriodBesideTheFieldsKeepingWhatWasTyped()
    {
        var (world, _, _) = await WorldAsync();
        var coordinator = await factory.CoordinatorAsync();
        var page = await coordinator.GetPageAsync("/rounds/new");
        // The form offers only the coordinator's own side or both.
        Assert.Null(page.QuerySelector("input[name='Input.Side'][value='LA']"));
        var refused = await coordinator.SubmitFormAsync(page, "/rounds/new", new Dictionary<string, string?>
        {
            ["Input.NameEn"] = $"Typed name {world.Tag}", ["Input.Period"] = "2026-2029", ["Input.DueOn"] = "03/2027", ["Input.Side"] = "LA",
        });
        var html = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal($"Typed name {world.Tag}", html.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Input.Period']")!.TextContent.Trim());
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Input.DueOn']")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Rounds.CountAsync(r => r.Name.En == $"Typed name {world.Tag}")));
    }

    [Fact]
    public async Task AFocalPointSeesWhatTheirDepartmentAndTheBodiesItSucceededLeadOnMyWorkAndTheReportFormTakesTheRoundsPeriod()
    {
        var (world, shared, old) = await WorldAsync();
        // A 2025-2027 clause: without the round, the report form would offer the clause's own period.
        var longer = await world.AddCommitmentAsync(c => { c.InstrumentId = world.NinthMinutes; c.Number = "10"; c.Period = new Period(2025, 2027); }, world.OldVnDepartment);
        var id = await CreateAsync(await factory.CoordinatorAsync(), Round(world, side: "VN"));
        await world.AddReportAsync(shared[0], "VN", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));

        // The ministry's focal point answers for its departments and for the ministry it succeeded.
        var ministry = factory.NewClient();
        await ministry.SignInAsync(await factory.CreateAccountAsync(Role.FocalPoint, world.VnMinistry));
        var work = await ministry.GetPageAsync($"/my-work?round={id}&show=all");
        var listed = work.QuerySelectorAll("#work-rows tr[data-commitment]").Select(r => int.Parse(r.GetAttribute("data-commitment")!)).ToList();
        Assert.Equal(new[] { shared[0], shared[1], shared[2], old, longer }.Order(), listed.Order());
        var summary = work.QuerySelector($"#my-rounds tr[data-round='{id}']")!;
        Assert.Equal("1", summary.QuerySelector(".reported-count")!.TextContent.Trim());

        // The department's focal point: only what the department leads, and not what it already reported.
        var department = factory.NewClient();
        await department.SignInAsync(await factory.CreateAccountAsync(Role.FocalPoint, world.OldVnDepartment));
        var home = await department.GetPageAsync("/");
        Assert.NotNull(home.QuerySelector($"#home-my-work #my-rounds tr[data-round='{id}']"));
        var outstanding = await department.GetPageAsync($"/my-work?round={id}");
        var rows = outstanding.QuerySelectorAll("#work-rows tr[data-commitment]").Select(r => int.Parse(r.GetAttribute("data-commitment")!)).ToList();
        Assert.Equal(new[] { old, longer }.Order(), rows.Order());
        var link = outstanding.QuerySelector($"#work-rows tr[data-commitment='{longer}'] a.btn")!.GetAttribute("href")!;
        Assert.Equal($"/commitments/{longer}/reports/new?period=2026-2027", link);
        var form = await department.GetPageAsync(link);
        Assert.Equal("2026-2027", form.QuerySelector("#Input_Period")!.GetAttribute("value"));

        // A Lao focal point is not asked by a Vietnamese round.
        var lao = factory.NewClient();
        await lao.SignInAsync(await factory.CreateAccountAsync(Role.FocalPoint, world.LaDepartment));
        Assert.Null((await lao.GetPageAsync("/my-work")).QuerySelector($"#my-rounds tr[data-round='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await lao.GetAsync($"/my-work?round={id}")).StatusCode);
    }

    [Fact]
    public async Task ClosingARoundRecordsTheReportsItReceivedAndShowsLaterEditsAsChangesAfterTheRound()
    {
        var (world, shared, _) = await WorldAsync();
        var coordinator = await factory.CoordinatorAsync();
        var id = await CreateAsync(coordinator, Round(world));
        var received = await world.AddReportAsync(shared[0], "VN", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));
        var untouched = await world.AddReportAsync(shared[1], "LA", CommitmentStatus.InProgress, new DateOnly(2026, 6, 1), new Period(2026, 2027));
        var version = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}")).GetProperty("version").GetInt32();

        var stale = await coordinator.PostAsJsonAsync($"/api/rounds/{id}/close", new { version = version - 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var closed = await coordinator.PostAsJsonAsync($"/api/rounds/{id}/close", new { version });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var submitted = await factory.WithDbAsync(db => db.RoundSubmissions.Where(s => s.RoundId == id).Select(s => s.ProgressReportId).ToListAsync());
        Assert.Equal(new[] { received, untouched }.Order(), submitted.Order());

        Assert.Null((await coordinator.GetPageAsync($"/rounds/{id}")).QuerySelector("#changed-after"));
        // A later edit of a report the round received, through the one write path.
        await factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.Id == received);
            report.Narrative = new LocalizedText($"Sửa sau khi đóng {world.Tag}");
            await db.SaveChangesAsync();
        });
        var page = await coordinator.GetPageAsync($"/rounds/{id}");
        Assert.NotNull(page.QuerySelector($"#changed-after tr[data-report='{received}']"));
        Assert.Null(page.QuerySelector($"#changed-after tr[data-report='{untouched}']"));
        // A closed round is no longer changed.
        var edit = await coordinator.PutAsJsonAsync($"/api/rounds/{id}", Round(world, version: version + 1));
        Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
    }

    [Fact]
    public async Task ASidesRoundIsThatSidesToChangeAndClose()
    {
        var (world, _, _) = await WorldAsync();
        var id = await CreateAsync(await factory.CoordinatorAsync(), Round(world, side: "VN"));
        var lao = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        var version = (await lao.GetFromJsonAsync<JsonElement>($"/api/rounds/{id}")).GetProperty("version").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await lao.PostAsJsonAsync($"/api/rounds/{id}/close", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lao.PutAsJsonAsync($"/api/rounds/{id}", Round(world, side: "VN", version: version))).StatusCode);
    }
}

public sealed class RoundsOnSqlite(SqliteFactory factory) : RoundsTests(factory), IClassFixture<SqliteFactory>;
public sealed class RoundsOnPostgres(PostgresFactory factory) : RoundsTests(factory), IClassFixture<PostgresFactory>;
