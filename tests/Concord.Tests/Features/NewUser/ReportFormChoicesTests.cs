using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features.NewUser;

// What a new focal point hit: the report form offered the other side and its departments, and choosing one
// answered a bare 403 that lost everything typed.
public abstract class ReportFormChoicesTests(ConcordFactory factory)
{
    [Fact]
    public async Task ALaoFocalPointsReportFormOffersOnlyLaosAndTheirOwnDepartment()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var client = await factory.ClientAsync(Role.FocalPoint, $"dpic-{world.Tag}");

        var page = await client.GetPageAsync($"/commitments/{id}/reports/new?culture=en");

        var sides = page.QuerySelectorAll("select[name='Input.Country'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["LA"], sides);
        var reporters = page.QuerySelectorAll("select[name='Input.OrganisationId'] option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
        Assert.Contains(world.LaDepartment.ToString(), reporters);
        Assert.DoesNotContain(world.VnDepartment.ToString(), reporters);
        Assert.DoesNotContain(world.LaMinistry.ToString(), reporters);
    }

    [Fact]
    public async Task ACoordinatorsReportFormOffersOnlyTheirOwnSidesOrganisations()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);

        var page = await client.GetPageAsync($"/commitments/{id}/reports/new");

        Assert.Equal(["LA"], page.QuerySelectorAll("select[name='Input.Country'] option").Select(o => o.GetAttribute("value")).ToList());
        var reporters = page.QuerySelectorAll("select[name='Input.OrganisationId'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(world.LaMinistry.ToString(), reporters);
        Assert.DoesNotContain(world.VnDepartment.ToString(), reporters);
    }

    [Fact]
    public async Task ASaveForTheOtherSideShowsTheFormAgainWithWhatWasTypedAndTheReasonBesideTheSide()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var client = await factory.ClientAsync(Role.FocalPoint, $"dpic-{world.Tag}", redirects: false);
        var narrative = $"Đã đào tạo 40 giáo viên {world.Tag}";

        var response = await client.SubmitFormAsync($"/commitments/{id}/reports/new?culture=en", new Dictionary<string, string?>
        {
            ["Input.Country"] = "VN",
            ["Input.OrganisationId"] = world.VnDepartment.ToString(),
            ["Input.NarrativeVi"] = narrative,
            ["Input.ReportedOn"] = "10/03/2025",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(narrative, page.QuerySelector("textarea[name='Input.NarrativeVi']")!.TextContent.Trim());
        Assert.Contains("own side", page.QuerySelector("[data-valmsg-for='Input.Country']")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.ProgressReports.AnyAsync(r => r.CommitmentId == id)));
    }

    [Fact]
    public async Task AFocalPointNamingAnotherDepartmentOfTheirSideIsToldBesideTheField()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        var client = await factory.ClientAsync(Role.FocalPoint, $"dpic-{world.Tag}", redirects: false);

        var response = await client.SubmitFormAsync($"/commitments/{id}/reports/new?culture=en", new Dictionary<string, string?>
        {
            ["Input.OrganisationId"] = world.LaMinistry.ToString(),
            ["Input.NarrativeEn"] = "Teachers trained",
            ["Input.ReportedOn"] = "10/03/2025",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("your own department", page.QuerySelector("[data-valmsg-for='Input.OrganisationId']")!.TextContent);
        Assert.Equal("Teachers trained", page.QuerySelector("textarea[name='Input.NarrativeEn']")!.TextContent.Trim());
    }
}

public sealed class ReportFormChoicesOnSqlite(SqliteFactory factory) : ReportFormChoicesTests(factory), IClassFixture<SqliteFactory>;
public sealed class ReportFormChoicesOnPostgres(PostgresFactory factory) : ReportFormChoicesTests(factory), IClassFixture<PostgresFactory>;
