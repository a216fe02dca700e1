using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.Rounds;

// Closing a commitment (done, dropped) or reopening it is proposed by one side's coordinator and takes effect
// only when the other side's coordinator confirms; a decline leaves the status as it was.
public abstract class StatusAgreementTests(ConcordFactory factory)
{
    static object Edit(CommitmentsWorld world, string status, int version, string text = "Edited") => new
    {
        instrumentId = world.EighthMinutes, textEn = text, areaId = world.Vocational, period = "2024-2025", status,
        leadIds = new[] { world.VnDepartment, world.LaDepartment }, version,
    };

    async Task<string> StatusAsync(HttpClient client, int id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}")).GetProperty("status").GetString()!;

    [Fact]
    public async Task AProposalTakesEffectOnlyWhenTheOtherSideConfirmsIt()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var vn = await factory.CoordinatorAsync();
        var la = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);

        // The edit cannot close it directly.
        var direct = await vn.PutAsJsonAsync($"/api/commitments/{id}", Edit(world, "Done", 1));
        Assert.Equal(HttpStatusCode.BadRequest, direct.StatusCode);
        Assert.True((await direct.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));

        var proposed = await vn.PostAsJsonAsync($"/api/commitments/{id}/status-proposals", new { toStatus = "Done", reason = "Both centres opened" });
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposal = (await proposed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("InProgress", await StatusAsync(vn, id));
        // A second proposal waits for the first to be answered; the proposing side cannot confirm its own.
        Assert.Equal(HttpStatusCode.BadRequest, (await vn.PostAsJsonAsync($"/api/commitments/{id}/status-proposals", new { toStatus = "Dropped" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await vn.PostAsync($"/api/status-proposals/{proposal}/confirm", null)).StatusCode);
        Assert.Equal("InProgress", await StatusAsync(vn, id));

        // The Lao side sees it waiting for them, on its list and its home page.
        Assert.NotNull((await la.GetPageAsync("/status-proposals")).QuerySelector($"#proposals a[href='/commitments/{id}/status']"));
        Assert.NotNull((await la.GetPageAsync("/")).QuerySelector($"#proposals a[href='/commitments/{id}/status']"));
        var confirmed = await la.SubmitFormAsync($"/commitments/{id}/status", new Dictionary<string, string?>(), "form[action*='handler=Confirm']");
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal("Done", await StatusAsync(vn, id));

        // Both steps are in the commitment's history, by the two accounts that took them.
        var steps = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.RecordType == nameof(Commitment) && a.RecordId == id && a.Changes.Contains("StatusProposals"))
            .OrderBy(a => a.Id).Select(a => a.AccountId).ToListAsync());
        Assert.Equal(2, steps.Count);
        Assert.NotEqual(steps[0], steps[1]);

        // Reopening goes the same way.
        var reopened = await la.PostAsJsonAsync($"/api/commitments/{id}/status-proposals", new { toStatus = "InProgress" });
        Assert.Equal(HttpStatusCode.Created, reopened.StatusCode);
        Assert.Equal("Done", await StatusAsync(vn, id));
        var reopen = (await reopened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await vn.PostAsync($"/api/status-proposals/{reopen}/confirm", null)).StatusCode);
        Assert.Equal("InProgress", await StatusAsync(vn, id));
    }

    [Fact]
    public async Task ADeclineNeedsAReasonAndLeavesTheStatusUnchanged()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var vn = await factory.CoordinatorAsync();
        var la = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        var proposal = (await (await la.PostAsJsonAsync($"/api/commitments/{id}/status-proposals", new { toStatus = "Dropped" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var page = await vn.GetPageAsync($"/commitments/{id}/status");
        var noReason = await vn.SubmitFormAsync(page, $"/commitments/{id}/status", new Dictionary<string, string?> { ["Reason"] = "" }, "form[action*='handler=Decline']");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("field-validation-error", await noReason.Content.ReadAsStringAsync());

        var declined = await vn.SubmitFormAsync($"/commitments/{id}/status", new Dictionary<string, string?> { ["Reason"] = "The workshop is still planned" }, "form[action*='handler=Decline']");
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Equal("InProgress", await StatusAsync(vn, id));
        var saved = await factory.WithDbAsync(db => db.StatusProposals.AsNoTracking().SingleAsync(p => p.Id == proposal));
        Assert.Equal((ProposalState.Declined, "The workshop is still planned"), (saved.State, saved.DeclineReason));
        // Answered: it can no longer be confirmed.
        Assert.Equal(HttpStatusCode.BadRequest, (await vn.PostAsync($"/api/status-proposals/{proposal}/confirm", null)).StatusCode);
        Assert.Equal("InProgress", await StatusAsync(vn, id));
    }

    [Fact]
    public async Task TheEditFormNoLongerOffersDoneOrDroppedAndRefusesThemBesideTheFieldKeepingWhatWasTyped()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var vn = await factory.CoordinatorAsync();
        var page = await vn.GetPageAsync($"/commitments/{id}/edit");
        var offered = page.QuerySelectorAll("select[name='Input.Status'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.DoesNotContain("Done", offered);
        Assert.DoesNotContain("Dropped", offered);
        Assert.Contains("Delayed", offered);

        var refused = await vn.SubmitFormAsync(page, $"/commitments/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.TextEn"] = $"Typed before the refusal {world.Tag}", ["Input.Status"] = "Done",
        });
        var html = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.NotEmpty(html.QuerySelector("[data-valmsg-for='Input.Status']")!.TextContent.Trim());
        Assert.Equal($"Typed before the refusal {world.Tag}", html.QuerySelector("#Input_TextEn")!.TextContent.Trim());
        Assert.Equal(CommitmentStatus.InProgress, (await world.LoadAsync(id)).Status);
    }
}

public sealed class StatusAgreementOnSqlite(SqliteFactory factory) : StatusAgreementTests(factory), IClassFixture<SqliteFactory>;
public sealed class StatusAgreementOnPostgres(PostgresFactory factory) : StatusAgreementTests(factory), IClassFixture<PostgresFactory>;
