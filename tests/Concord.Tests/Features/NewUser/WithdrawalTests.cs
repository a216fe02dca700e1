using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Commitments;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.NewUser;

// A record made by mistake is withdrawn with a reason: gone from lists, search, counts and the API, kept in its
// history and the audit, restored by a coordinator of the side that withdrew it.
public abstract class WithdrawalTests(ConcordFactory factory)
{
    [Fact]
    public async Task AWithdrawnInstrumentLeavesListsSearchAndTheApiButKeepsItsHistory()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddInstrumentAsync("Bản ghi nhớ tạo nhầm", new DateOnly(2024, 5, 1));
        var client = await factory.CoordinatorAsync();
        Assert.NotNull((await client.GetPageAsync("/search?q=" + world.Tag)).QuerySelector($"main a[href='/instruments/{id}']"));

        var landed = await client.SubmitFormAsync($"/withdraw/instruments/{id}?culture=en", new Dictionary<string, string?> { ["Input.Reason"] = "Entered twice" });

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/instruments", landed.RequestMessage!.RequestUri!.AbsolutePath);
        var list = await Html.ParseAsync(await landed.Content.ReadAsStringAsync());
        Assert.NotNull(list.QuerySelector("#flash[role=status]"));
        Assert.Null((await client.GetPageAsync("/search?q=" + world.Tag)).QuerySelector($"main a[href='/instruments/{id}']"));
        await client.GetPageAsync($"/instruments/{id}", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/instruments/{id}")).StatusCode);
        var search = await client.GetFromJsonAsync<JsonElement>($"/api/search?q={world.Tag}");
        Assert.DoesNotContain("tạo nhầm", search.GetRawText());

        var history = await client.GetPageAsync($"/instruments/{id}/history");
        Assert.Contains("Entered twice", history.QuerySelector("main")!.TextContent);
        var withdrawn = await client.GetPageAsync("/withdrawn?culture=en");
        var row = withdrawn.QuerySelector($"tr[data-kind=instruments][data-id='{id}']")!;
        Assert.Contains("Entered twice", row.TextContent);
        Assert.NotNull(row.QuerySelector("form button"));
    }

    [Fact]
    public async Task OnlyACoordinatorOfTheSideThatWithdrewARecordRestoresIt()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var vietnam = await factory.CoordinatorAsync();
        await vietnam.SubmitFormAsync($"/withdraw/commitments/{id}", new Dictionary<string, string?> { ["Input.Reason"] = "Duplicate clause" });
        Assert.Equal(HttpStatusCode.NotFound, (await vietnam.GetAsync($"/api/commitments/{id}")).StatusCode);

        var laos = await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false);
        var theirs = await laos.GetPageAsync("/withdrawn");
        Assert.Null(theirs.QuerySelector($"tr[data-kind=commitments][data-id='{id}'] form"));
        // The button a Lao coordinator is not shown, posted all the same (the token of their own page's sign-out form).
        var refused = await laos.SubmitFormAsync(theirs, "/withdrawn", new Dictionary<string, string?>(), "#account-menu form", $"/withdrawn?handler=Restore&kind=commitments&id={id}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await vietnam.GetAsync($"/api/commitments/{id}")).StatusCode);

        var restored = await vietnam.SubmitFormAsync("/withdrawn", new Dictionary<string, string?>(), $"tr[data-kind=commitments][data-id='{id}'] form");
        Assert.Equal($"/commitments/{id}", restored.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await vietnam.GetAsync($"/api/commitments/{id}")).StatusCode);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == nameof(Commitment) && e.RecordId == id).Select(e => e.Changes).ToListAsync());
        Assert.Contains(audit, c => c.Contains("Duplicate clause"));
    }

    [Fact]
    public async Task WithdrawingACommitmentWithReportsNamesThemAndNeedsAConfirmation()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var report = await world.AddReportAsync(id, "LA", CommitmentStatus.InProgress, new DateOnly(2025, 3, 10));
        var client = await factory.CoordinatorAsync(redirects: false);

        var form = await client.GetPageAsync($"/withdraw/commitments/{id}?culture=en");
        Assert.Single(form.QuerySelectorAll("#reports-named li"));
        Assert.Contains("1 progress report;", form.QuerySelector("#reports-warning")!.TextContent);
        var refused = await client.SubmitFormAsync(form, $"/withdraw/commitments/{id}?culture=en", new Dictionary<string, string?> { ["Input.Reason"] = "Mistake" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(again.QuerySelector("[data-valmsg-for='Input.ConfirmReports']")!.TextContent));
        Assert.Equal("Mistake", again.QuerySelector("textarea[name='Input.Reason']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/commitments/{id}")).StatusCode);

        var done = await client.SubmitFormAsync(again, $"/withdraw/commitments/{id}", new Dictionary<string, string?> { ["Input.Reason"] = "Mistake", ["Input.ConfirmReports"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(r => r.Id == report)));
        Assert.True(await factory.WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().AnyAsync(r => r.Id == report)));
    }

    [Fact]
    public async Task AWithdrawalWithoutAReasonIsRefusedBesideTheField()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddInstrumentAsync("Văn kiện");
        var client = await factory.CoordinatorAsync(redirects: false);
        var response = await client.SubmitFormAsync($"/withdraw/instruments/{id}", new Dictionary<string, string?> { ["Input.Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/instruments/{id}")).StatusCode);
    }
}

public sealed class WithdrawalOnSqlite(SqliteFactory factory) : WithdrawalTests(factory), IClassFixture<SqliteFactory>;
public sealed class WithdrawalOnPostgres(PostgresFactory factory) : WithdrawalTests(factory), IClassFixture<PostgresFactory>;
