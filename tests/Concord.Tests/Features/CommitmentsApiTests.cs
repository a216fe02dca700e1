using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Features.Commitments.CommitmentStatus;

namespace Concord.Tests.Features;

public abstract class CommitmentsApiTests(ConcordFactory factory)
{
    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    static IEnumerable<string> ErrorFields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    object Clause(CommitmentsWorld w, string text, int version = 0, string status = "InProgress", int[]? leads = null) => new
    {
        instrumentId = w.NinthMinutes, number = "2.1", textEn = text, areaId = w.SocialInsurance, period = "2026-2027", dueOn = "2027-06-30",
        status, leadIds = leads ?? [w.VnDepartment, w.LaDepartment], version,
    };

    [Fact]
    public async Task ApiCreatesAClauseWithItsLeadsReadsItBackAndRefusesAStaleUpdate()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        var created = await client.PostAsJsonAsync("/api/commitments", Clause(world, "Share social insurance data"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await JsonAsync(created);
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/commitments/{id}", created.Headers.Location!.ToString());
        Assert.Equal("2026-2027", body.GetProperty("period").GetString());
        Assert.Equal("2027-06-30", body.GetProperty("dueOn").GetString());
        Assert.Equal(["LA", "VN"], body.GetProperty("leads").EnumerateArray().Select(l => l.GetProperty("country").GetString()).Order());

        var version = body.GetProperty("version").GetInt32();
        var first = await client.PutAsJsonAsync($"/api/commitments/{id}", Clause(world, "Edited by A", version, "Delayed"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Delayed", (await JsonAsync(first)).GetProperty("status").GetString());
        var second = await client.PutAsJsonAsync($"/api/commitments/{id}", Clause(world, "Edited by B", version, leads: [world.VnDepartment]));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType!.MediaType);

        var saved = await world.LoadAsync(id);
        Assert.Equal(("Edited by A", Delayed, 2), (saved.Text.En, saved.Status, saved.Leads.Count));
        Assert.Equal("Edited by A", (await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}")).GetProperty("text").GetProperty("en").GetString());
    }

    [Fact]
    public async Task ApiRejectsAnInvalidClauseWithProblemDetailsNamingEveryField()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var taken = await world.AddCommitmentAsync(c => { c.InstrumentId = world.NinthMinutes; c.Number = "5"; });
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/commitments", new
        {
            instrumentId = world.NinthMinutes, number = "5", textEn = new string('x', 4001), period = "2026-2027", dueOn = "2025-12-31",
            status = "CarriedOver", leadIds = new[] { world.International },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await JsonAsync(response);
        var errors = problem.GetProperty("errors");
        Assert.Equal(["areaId", "dueOn", "leadIds", "number", "status", "textEn"], ErrorFields(problem).Order());
        Assert.Equal("The due date cannot be before the period starts.", errors.GetProperty("dueOn")[0].GetString());
        Assert.Equal("The instrument already has a clause with this number.", errors.GetProperty("number")[0].GetString());
        Assert.Equal("Too long: at most 4000 characters.", errors.GetProperty("textEn")[0].GetString());
        Assert.NotEqual(0, taken);
    }

    [Fact]
    public async Task ApiNamesTheFieldOfAMalformedBody()
    {
        var client = await factory.CoordinatorAsync();
        var response = await client.PostAsync("/api/commitments", new StringContent("{\"leadIds\": \"all of them\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("leadIds", ErrorFields(await JsonAsync(response)));
    }

    [Fact]
    public async Task ApiCarriesAClauseOverOnceAndRefusesEveryOtherAttempt()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var done = await world.AddCommitmentAsync(c => c.Status = Done);
        var client = await factory.CoordinatorAsync();

        var own = await client.PostAsJsonAsync($"/api/commitments/{id}/carry-over", new { instrumentId = world.EighthMinutes, version = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, own.StatusCode);
        Assert.Equal(["instrumentId"], ErrorFields(await JsonAsync(own)));
        var closed = await client.PostAsJsonAsync($"/api/commitments/{done}/carry-over", new { instrumentId = world.NinthMinutes, version = 1 });
        Assert.Equal(["commitment"], ErrorFields(await JsonAsync(closed)));
        var stale = await client.PostAsJsonAsync($"/api/commitments/{id}/carry-over", new { instrumentId = world.NinthMinutes, version = 7 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(InProgress, (await world.LoadAsync(id)).Status);

        var carried = await client.PostAsJsonAsync($"/api/commitments/{id}/carry-over", new { instrumentId = world.NinthMinutes, period = "2026-2028", version = 1 });
        Assert.Equal(HttpStatusCode.Created, carried.StatusCode);
        var copy = await JsonAsync(carried);
        Assert.Equal(("2026-2028", "NotStarted"), (copy.GetProperty("period").GetString(), copy.GetProperty("status").GetString()));
        Assert.Equal(id, copy.GetProperty("carriedOverFrom")[0].GetProperty("id").GetInt32());
        var original = await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}");
        Assert.Equal("CarriedOver", original.GetProperty("status").GetString());
        Assert.Equal(copy.GetProperty("id").GetInt32(), original.GetProperty("carriedOverInto")[0].GetProperty("id").GetInt32());

        var twice = await client.PostAsJsonAsync($"/api/commitments/{id}/carry-over", new { instrumentId = world.TenthMinutes, version = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Equal(["commitment"], ErrorFields(await JsonAsync(twice)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.CarriedOverFromId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/commitments/987654/carry-over", new { instrumentId = world.NinthMinutes })).StatusCode);
    }

    [Fact]
    public async Task ApiRecordsReportsPagesThemAndNeverChangesTheCommitmentsStatusOnItsOwn()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var client = await factory.CoordinatorAsync();
        var created = await client.PostAsJsonAsync($"/api/commitments/{id}/reports", new
        {
            country = "VN", organisationId = world.VnDepartment, period = "2024-2025", status = "Done", narrativeEn = "All 40 teachers trained",
            peopleCount = 40, womenCount = 18, valueAmount = 12500.50m, valueCurrency = "usd",
            evidenceLinks = "https://molisa.gov.vn/a\n\n  https://example.org/b  ", reportedOn = "2025-10-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await JsonAsync(created);
        var reportId = report.GetProperty("id").GetInt32();
        Assert.Equal($"/api/reports/{reportId}", created.Headers.Location!.ToString());
        Assert.Equal(["https://molisa.gov.vn/a", "https://example.org/b"], report.GetProperty("evidenceLinks").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(("USD", 12500.50m), (report.GetProperty("valueCurrency").GetString(), report.GetProperty("valueAmount").GetDecimal()));
        Assert.Equal(InProgress, (await world.LoadAsync(id)).Status);

        // Each side writes its own reports: Laos's come from a Lao coordinator.
        var lao = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        for (var day = 2; day <= 4; day++)
            (await lao.PostAsJsonAsync($"/api/commitments/{id}/reports", new
            {
                country = "LA", organisationId = world.LaDepartment, period = "2024-2025", status = "InProgress", narrativeLo = "ກຳລັງດຳເນີນ", reportedOn = $"2025-10-0{day}",
            })).EnsureSuccessStatusCode();
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}/reports?size=1" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
            after = page.GetProperty("next").GetString();
        } while (after is not null && seen.Count < 10);
        Assert.Equal(4, seen.Distinct().Count());
        Assert.Equal(reportId, seen[^1]);
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}/reports?side=LA")).GetProperty("items").GetArrayLength());

        var details = await client.GetFromJsonAsync<JsonElement>($"/api/commitments/{id}");
        Assert.Equal(4, details.GetProperty("reports").GetArrayLength());
        Assert.Equal(["2024-2025"], details.GetProperty("disagreedPeriods").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task ApiUpdatesAReportRefusesAStaleOneAndExplainsEveryInvalidField()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.LaDepartment);
        var reportId = await world.AddReportAsync(id, "LA", Delayed, new DateOnly(2025, 5, 5));
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        object Report(int version, string status) => new
        {
            country = "LA", organisationId = world.LaDepartment, period = "2024-2025", status, narrativeEn = $"Now {status}", reportedOn = "05/05/2025", version,
        };

        var updated = await client.PutAsJsonAsync($"/api/reports/{reportId}", Report(1, "PartlyDone"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(2, (await JsonAsync(updated)).GetProperty("version").GetInt32());
        var stale = await client.PutAsJsonAsync($"/api/reports/{reportId}", Report(1, "Done"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.StartsWith("Someone else changed this record", (await JsonAsync(stale)).GetProperty("detail").GetString());
        Assert.Equal("PartlyDone", (await client.GetFromJsonAsync<JsonElement>($"/api/reports/{reportId}")).GetProperty("status").GetString());

        var invalid = await client.PutAsJsonAsync($"/api/reports/{reportId}", new
        {
            country = "TH", period = "2024-2025", status = "CarriedOver", peopleCount = -1, womenCount = 3, valueAmount = 10,
            evidenceLinks = "javascript:alert(1)", reportedOn = "someday", version = 2,
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var problem = await JsonAsync(invalid);
        Assert.Equal(["country", "evidenceLinks", "narrativeVi", "organisationId", "peopleCount", "reportedOn", "status", "valueCurrency"], ErrorFields(problem).Order());
        Assert.Equal("The value must be between 0 and 100000000.", problem.GetProperty("errors").GetProperty("peopleCount")[0].GetString());
    }

    [Fact]
    public async Task ApiAnswersNotFoundForUnknownClausesAndReports()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/commitments/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/commitments/987654", Clause(world, "x"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/commitments/987654/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/commitments/987654/reports", new { country = "VN" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync("/api/reports/987654", new { country = "VN" })).StatusCode);
    }
}

public sealed class CommitmentsApiOnSqlite(SqliteFactory factory) : CommitmentsApiTests(factory), IClassFixture<SqliteFactory>;
public sealed class CommitmentsApiOnPostgres(PostgresFactory factory) : CommitmentsApiTests(factory), IClassFixture<PostgresFactory>;
