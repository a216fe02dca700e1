using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Features.Commitments.CommitmentStatus;

namespace Concord.Tests.Features;

public abstract class CommitmentListTests(ConcordFactory factory)
{
    async Task<List<int>> IdsAsync(string query)
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/commitments?size=200&{query}");
        return page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
    }

    [Fact]
    public async Task EachFilterReturnsExactlyTheClausesItDescribes()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var instrument = await world.AddInstrumentAsync("Kế hoạch hợp tác", new DateOnly(2025, 12, 1));
        Task<int> Add(int area, CommitmentStatus status, Period period, DateOnly? due, params int[] leads) =>
            world.AddCommitmentAsync(c => { c.InstrumentId = instrument; c.AreaId = area; c.Status = status; c.Period = period; c.DueOn = due; }, leads);
        // Relative to today, so that "overdue" means the same whenever the tests run.
        var today = TimeProvider.System.Today();
        Period lastPlan = new(today.Year - 2, today.Year - 1), currentPlan = new(today.Year - 1, today.Year);
        var overdueByDate = await Add(world.Vocational, InProgress, currentPlan, today.AddDays(-30), world.VnDepartment);
        var done = await Add(world.SocialInsurance, Done, lastPlan, new DateOnly(2020, 1, 1), world.LaDepartment);
        var overdueByPeriod = await Add(world.Vocational, NotStarted, lastPlan, null, world.VnDepartment, world.LaDepartment);
        var dueLater = await Add(world.SocialInsurance, Delayed, currentPlan, new DateOnly(2099, 12, 31));
        // Elsewhere, matching every filter but the instrument.
        await world.AddCommitmentAsync(c => { c.AreaId = world.Vocational; c.Period = lastPlan; }, world.VnDepartment);

        var all = $"instrument={instrument}";
        Assert.Equal([overdueByDate, done, overdueByPeriod, dueLater], (await IdsAsync(all)).Order());
        Assert.Equal([overdueByDate, overdueByPeriod], (await IdsAsync($"{all}&area={world.Vocational}")).Order());
        Assert.Equal([done], await IdsAsync($"{all}&status=Done"));
        Assert.Equal([overdueByDate, overdueByPeriod], (await IdsAsync($"{all}&side=VN")).Order());
        Assert.Equal([done, overdueByPeriod], (await IdsAsync($"{all}&side=la")).Order());
        Assert.Equal([done, overdueByPeriod], (await IdsAsync($"{all}&period={lastPlan}")).Order());
        Assert.Equal([overdueByDate, overdueByPeriod], (await IdsAsync($"{all}&overdue=true")).Order());
        Assert.Equal([overdueByPeriod], await IdsAsync($"{all}&overdue=true&side=LA&area={world.Vocational}"));
    }

    [Fact]
    public async Task AMinistryFindsItsDepartmentsClausesAndThoseOfTheMinistryItSucceeded()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var own = await world.AddCommitmentAsync(null, world.VnDepartment);
        var inherited = await world.AddCommitmentAsync(null, world.OldVnDepartment);
        var lao = await world.AddCommitmentAsync(null, world.LaDepartment);

        Assert.Equal([own, inherited], (await IdsAsync($"organisation={world.VnMinistry}")).Order());
        Assert.Equal([own], await IdsAsync($"organisation={world.VnDepartment}"));
        Assert.Equal([inherited], await IdsAsync($"organisation={world.OldVnMinistry}"));
        Assert.Equal([lao], await IdsAsync($"organisation={world.LaMinistry}"));
    }

    [Fact]
    public async Task EverySortPagesThroughAllClausesInOrderWithoutRepeatsOrGaps()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var instrument = await world.AddInstrumentAsync("Biên bản phân trang");
        Period[] periods = [new(2024, 2025), new(2026, 2027), new(2026, 2027), new(2024, 2025), new(2026, 2027), new(2022, 2023), new(2026, 2027)];
        DateOnly?[] dues = [null, new(2026, 5, 1), null, new(2026, 5, 1), new(2025, 1, 1), null, new(2027, 12, 31)];
        // One save: they all share one UpdatedAt, so the id alone orders them until two are touched below.
        var ids = await world.AddCommitmentsAsync(7, (i, c) => { c.InstrumentId = instrument; c.Period = periods[i]; c.DueOn = dues[i]; });
        foreach (var touched in new[] { ids[2], ids[5] })
        {
            await Task.Delay(20);
            await factory.WithDbAsync(async db =>
            {
                var c = await db.Commitments.SingleAsync(x => x.Id == touched);
                c.Sources = "touched";
                await db.SaveChangesAsync();
            });
        }
        var rows = ids.Select((id, i) => (Id: id, Period: periods[i], Due: dues[i])).ToList();
        var expected = new Dictionary<string, List<int>>
        {
            ["Period"] = rows.OrderByDescending(r => r.Period.StartYear).ThenByDescending(r => r.Id).Select(r => r.Id).ToList(),
            ["Due"] = rows.OrderBy(r => r.Due is null).ThenBy(r => r.Due).ThenBy(r => r.Id).Select(r => r.Id).ToList(),
            ["Updated"] = new[] { ids[5], ids[2] }.Concat(ids.Except([ids[2], ids[5]]).OrderByDescending(id => id)).ToList(),
        };

        var client = await factory.CoordinatorAsync();
        foreach (var (sort, order) in expected)
        foreach (var size in new[] { 1, 2, 3 })
        {
            var seen = new List<int>();
            string? after = null;
            do
            {
                var page = await client.GetFromJsonAsync<JsonElement>($"/api/commitments?instrument={instrument}&sort={sort}&size={size}" + (after is null ? "" : $"&after={after}"));
                seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
                after = page.GetProperty("next").GetString();
            } while (after is not null && seen.Count < 20);
            Assert.True(order.SequenceEqual(seen), $"sort {sort}, size {size}: expected {string.Join(",", order)}, got {string.Join(",", seen)}");
        }
    }

    [Fact]
    public async Task TheListPageFollowsItsNextLinksThroughEveryRowKeepingTheFilters()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var instrument = await world.AddInstrumentAsync("Biên bản trang danh sách");
        var ids = await world.AddCommitmentsAsync(5, (i, c) => { c.InstrumentId = instrument; c.DueOn = i % 2 == 0 ? null : new DateOnly(2030, 1, i); });
        var client = await factory.CoordinatorAsync();
        var seen = new List<int>();
        var url = $"/commitments?instrument={instrument}&sort=Due&size=2";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var page = await client.GetPageAsync(url);
            Assert.Equal(instrument.ToString(CultureInfo.InvariantCulture), page.QuerySelector("#f-instrument option[selected]")!.GetAttribute("value"));
            seen.AddRange(page.QuerySelectorAll("tr[data-id]").Select(r => int.Parse(r.GetAttribute("data-id")!, CultureInfo.InvariantCulture)));
            url = page.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }
        Assert.Equal([ids[1], ids[3], ids[0], ids[2], ids[4]], seen);
    }

    [Fact]
    public async Task EachRowShowsTheLeadsOfBothSidesAndEachSidesLatestReportDate()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        await world.AddReportAsync(id, "VN", InProgress, new DateOnly(2025, 3, 1));
        await world.AddReportAsync(id, "VN", Done, new DateOnly(2025, 9, 1));
        await world.AddReportAsync(id, "LA", InProgress, new DateOnly(2025, 6, 1));
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetPageAsync($"/commitments?organisation={world.VnDepartment}");
        var row = page.QuerySelector($"tr[data-id='{id}']")!;
        var cells = row.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Contains("VN ICD", cells[3]);
        Assert.Contains("LA DPIC", cells[3]);
        Assert.Contains("VN 1 September 2025", cells[6]);
        Assert.Contains("LA 1 June 2025", cells[6]);
        Assert.Equal("In progress", row.QuerySelector(".badge")!.TextContent.Trim());

        // A newer report this Vietnamese reader may not see (kept to the Lao side), or one withdrawn, moves no date.
        var keptToLaos = await world.AddReportAsync(id, "LA", Done, new DateOnly(2025, 11, 1));
        var withdrawn = await world.AddReportAsync(id, "VN", Done, new DateOnly(2025, 12, 1));
        await factory.WithDbAsync(async db =>
        {
            var kept = await db.ProgressReports.SingleAsync(r => r.Id == keptToLaos);
            (kept.Visibility, kept.RestrictedTo) = (Visibility.Restricted, "LA");
            var gone = await db.ProgressReports.SingleAsync(r => r.Id == withdrawn);
            (gone.WithdrawnAt, gone.WithdrawnBy, gone.WithdrawnSide) = (DateTime.UtcNow, "test", "VN");
            await db.SaveChangesAsync();
        });
        page = await client.GetPageAsync($"/commitments?organisation={world.VnDepartment}");
        var latest = page.QuerySelector($"tr[data-id='{id}']")!.QuerySelectorAll("td")[6].TextContent;
        Assert.Contains("VN 1 September 2025", latest);
        Assert.Contains("LA 1 June 2025", latest);
        // The Lao side sees its own newer report.
        var lao = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        lao.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        page = await lao.GetPageAsync($"/commitments?organisation={world.VnDepartment}");
        Assert.Contains("LA 1 November 2025", page.QuerySelector($"tr[data-id='{id}']")!.QuerySelectorAll("td")[6].TextContent);
    }

    [Fact]
    public async Task AMalformedPeriodFilterIsExplainedBesideTheFieldAndRefusedByTheApi()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/commitments?period=năm+sau");
        Assert.StartsWith("Giai đoạn không hợp lệ", page.ErrorFor("period"));
        Assert.Empty(page.QuerySelectorAll("tr[data-id]"));

        var api = await client.GetAsync("/api/commitments?period=next+year&side=TH");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["period", "side"], errors.EnumerateObject().Select(p => p.Name).Order());
    }
}

public sealed class CommitmentListOnSqlite(SqliteFactory factory) : CommitmentListTests(factory), IClassFixture<SqliteFactory>;
public sealed class CommitmentListOnPostgres(PostgresFactory factory) : CommitmentListTests(factory), IClassFixture<PostgresFactory>;
