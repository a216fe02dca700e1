using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Features.Commitments.CommitmentStatus;

namespace Concord.Tests.Features;

public abstract class CommitmentPagesTests(ConcordFactory factory)
{
    static string Day(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task EachSideReportsThroughTheFormAndBothAppearSideBySideWithTheDisagreementMarked()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => c.Period = new Period(2026, 2027), world.VnDepartment, world.LaDepartment);
        var client = await factory.CoordinatorAsync(redirects: false);

        var vietnam = await client.SubmitFormAsync($"/commitments/{id}/reports/new?side=VN", new Dictionary<string, string?>
        {
            ["Input.Status"] = "Done",
            ["Input.NarrativeVi"] = "Đã tổ chức 3 khóa đào tạo giáo viên dạy nghề",
            ["Input.PeopleCount"] = "120",
            ["Input.WomenCount"] = "45",
            ["Input.ValueAmount"] = "3.900.000.000",
            ["Input.ValueCurrency"] = "VND",
            ["Input.EvidenceLinks"] = "https://molisa.gov.vn/tin-tuc/dao-tao\nhttps://example.org/anh.jpg",
            ["Input.ReportedOn"] = "10/03/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, vietnam.StatusCode);
        var laos = await (await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false)).SubmitFormAsync($"/commitments/{id}/reports/new?side=LA", new Dictionary<string, string?>
        {
            ["Input.Status"] = "InProgress",
            ["Input.NarrativeEn"] = "Teachers trained; the centre is not yet equipped",
            ["Input.ReportedOn"] = "11/03/2026",
        });
        Assert.Equal(HttpStatusCode.Redirect, laos.StatusCode);

        var page = await client.GetPageAsync($"/commitments/{id}");
        var row = page.QuerySelector("#period-2026-2027")!;
        var vn = row.QuerySelector("td[data-side=VN] .report.latest")!;
        var la = row.QuerySelector("td[data-side=LA] .report.latest")!;
        Assert.Equal("Đã hoàn thành", vn.QuerySelector(".report-status")!.TextContent.Trim());
        Assert.Contains("120 người (trong đó 45 nữ)", vn.TextContent);
        Assert.Contains("3.900.000.000 VND", vn.TextContent);
        Assert.Contains(world.Tag, vn.QuerySelector(".reported-by")!.TextContent);
        Assert.Contains("10/03/2026", vn.QuerySelector(".reported-by")!.TextContent);
        Assert.Equal(["https://molisa.gov.vn/tin-tuc/dao-tao", "https://example.org/anh.jpg"], vn.QuerySelectorAll(".evidence a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Đang thực hiện", la.QuerySelector(".report-status")!.TextContent.Trim());
        Assert.Contains("the centre is not yet equipped", la.TextContent);
        Assert.Contains("disagree", row.ClassList);
        Assert.Equal("Báo cáo của hai bên chưa thống nhất", row.QuerySelector(".disagreement")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("#suggested-status"));
    }

    [Fact]
    public async Task WhenBothSidesReportTheSameStatusThePageOffersItAndOnlyAClickChangesTheCommitment()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        await world.AddReportAsync(id, "VN", Done, new DateOnly(2025, 12, 1));
        await world.AddReportAsync(id, "LA", InProgress, new DateOnly(2025, 12, 2));
        var client = await factory.CoordinatorAsync(redirects: false);
        var laos = await (await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false)).SubmitFormAsync($"/commitments/{id}/reports/new?side=LA", new Dictionary<string, string?>
        {
            ["Input.Status"] = "Done", ["Input.NarrativeVi"] = "Hoàn thành", ["Input.ReportedOn"] = "15/12/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, laos.StatusCode);
        Assert.Equal(InProgress, (await world.LoadAsync(id)).Status);

        var page = await client.GetPageAsync($"/commitments/{id}");
        Assert.DoesNotContain("disagree", page.QuerySelector("#period-2024-2025")!.ClassList);
        Assert.Equal(2, page.QuerySelectorAll("#period-2024-2025 td[data-side=LA] .report").Length);
        Assert.NotNull(page.QuerySelector("#suggested-status"));

        // Done is agreed by both sides: the page offers to propose it (StatusAgreementTests), never to set it.
        Assert.Equal($"/commitments/{id}/status?to=Done", page.QuerySelector("#suggested-status a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form#suggested-status"));
        Assert.Equal(InProgress, (await world.LoadAsync(id)).Status);
        var proposal = await client.GetPageAsync($"/commitments/{id}/status?to=Done");
        Assert.Equal("Done", proposal.QuerySelector("#ToStatus option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ReportFormShowsEveryErrorBesideItsFieldAndSavesNothing()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync($"/commitments/{id}/reports/new?side=VN", new Dictionary<string, string?>
        {
            ["Input.Period"] = "2027-2026",
            ["Input.NarrativeVi"] = "Đã đào tạo",
            ["Input.PeopleCount"] = "10",
            ["Input.WomenCount"] = "12",
            ["Input.ValueAmount"] = "500",
            ["Input.ValueCurrency"] = "",
            ["Input.EvidenceLinks"] = "https://molisa.gov.vn/a\nftp://files.example.org/b",
            ["Input.ReportedOn"] = Day(TimeProvider.System.Today().AddDays(3)),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Giai đoạn không hợp lệ", page.ErrorFor("Input.Period"));
        Assert.Equal("Số nữ không được lớn hơn tổng số người.", page.ErrorFor("Input.WomenCount"));
        Assert.Equal("Chọn đơn vị tiền tệ của giá trị đã nhập.", page.ErrorFor("Input.ValueCurrency"));
        Assert.StartsWith("Mỗi dòng phải là một địa chỉ web đầy đủ", page.ErrorFor("Input.EvidenceLinks"));
        Assert.Equal("Ngày báo cáo không được ở tương lai.", page.ErrorFor("Input.ReportedOn"));
        Assert.NotNull(page.QuerySelector("#error-summary"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ProgressReports.CountAsync(r => r.CommitmentId == id)));
    }

    [Fact]
    public async Task LettersInANumberFieldAndAReporterOfTheOtherSideAreRefusedInTheReadersLanguage()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.SubmitFormAsync($"/commitments/{id}/reports/new?side=VN", new Dictionary<string, string?>
        {
            ["Input.OrganisationId"] = world.LaDepartment.ToString(CultureInfo.InvariantCulture),
            ["Input.NarrativeEn"] = "Trained",
            ["Input.PeopleCount"] = "twelve",
            ["Input.ReportedOn"] = "03/2026",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Not a valid value.", page.ErrorFor("Input.PeopleCount"));
        Assert.Equal("The reporting organisation must belong to the chosen side.", page.ErrorFor("Input.OrganisationId"));
        Assert.Equal("Enter a full date, e.g. 12/03/2026.", page.ErrorFor("Input.ReportedOn"));
    }

    [Fact]
    public async Task AReportIsCorrectedThroughItsEditFormAndAStaleCorrectionIsRefused()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.LaDepartment);
        var reportId = await world.AddReportAsync(id, "LA", Delayed, new DateOnly(2025, 6, 1));
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false);
        var saved = await client.SubmitFormAsync($"/commitments/{id}/reports/{reportId}/edit", new Dictionary<string, string?>
        {
            ["Input.Status"] = "InProgress", ["Input.NarrativeEn"] = "Back on track",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var report = await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId));
        Assert.Equal((InProgress, "Back on track", 2), (report.Status, report.Narrative.En, report.Version));

        var stale = await client.SubmitFormAsync($"/commitments/{id}/reports/{reportId}/edit", new Dictionary<string, string?>
        {
            ["Input.Status"] = "Done", ["Input.Version"] = "1",
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await Html.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", page.QuerySelector("#conflict-message")!.TextContent);
        Assert.Equal(InProgress, await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == reportId).Select(r => r.Status).SingleAsync()));
        await client.GetPageAsync($"/commitments/{id + 100000}/reports/{reportId}/edit", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CoordinatorRecordsAClauseWithALeadOnEachSideAndSeesItAsEntered()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync(redirects: false);
        var form = await client.GetPageAsync($"/commitments/new?instrument={world.NinthMinutes}");
        Assert.Equal(world.NinthMinutes.ToString(CultureInfo.InvariantCulture), form.QuerySelector("#Input_InstrumentId option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain(form.QuerySelectorAll("#Input_Status option"), o => o.GetAttribute("value") == "CarriedOver");

        var response = await client.SubmitFormAsync($"/commitments/new?instrument={world.NinthMinutes}", new Dictionary<string, string?>
        {
            ["Input.Number"] = "4",
            ["Input.TextVi"] = $"Hợp tác chuyển đổi số trong lĩnh vực lao động {world.Tag}",
            ["Input.AreaId"] = world.Vocational.ToString(CultureInfo.InvariantCulture),
            ["Input.Period"] = "2026–2027",
            ["Input.DueOn"] = "30/06/2027",
            ["Input.LeadIds"] = $"{world.VnDepartment},{world.LaDepartment}",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Assert.Contains("Hợp tác chuyển đổi số", page.QuerySelector("h1")!.TextContent);
        var facts = page.QuerySelector("dl")!.TextContent;
        Assert.Contains("2026-2027", facts);
        Assert.Contains("30/06/2027", facts);
        Assert.Contains($"Vụ Hợp tác quốc tế {world.Tag}", page.QuerySelector("dd[data-side=VN]")!.TextContent);
        Assert.Contains($"Cục Kế hoạch và Hợp tác quốc tế {world.Tag}", page.QuerySelector("dd[data-side=LA]")!.TextContent);
        Assert.Equal("Chưa triển khai", page.QuerySelector("#status")!.TextContent.Trim());
    }

    [Fact]
    public async Task CommitmentFormShowsEveryErrorBesideItsFieldAndSavesNothing()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var before = await factory.WithDbAsync(db => db.Commitments.CountAsync());
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync($"/commitments/new?instrument={world.NinthMinutes}", new Dictionary<string, string?>
        {
            ["Input.TextVi"] = "",
            ["Input.AreaId"] = "",
            ["Input.Period"] = "2026/27",
            ["Input.DueOn"] = "06/2026",
            ["Input.Status"] = "CarriedOver",
            ["Input.LeadIds"] = $"{world.VnDepartment},{world.International}",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Nhập nội dung bằng ít nhất một ngôn ngữ.", page.ErrorFor("Input.TextVi"));
        Assert.Equal("Vui lòng nhập thông tin này.", page.ErrorFor("Input.AreaId"));
        Assert.StartsWith("Giai đoạn không hợp lệ", page.ErrorFor("Input.Period"));
        Assert.StartsWith("Nhập đủ ngày/tháng/năm", page.ErrorFor("Input.DueOn"));
        Assert.StartsWith("Không được chuyển sang tình trạng này", page.ErrorFor("Input.Status"));
        Assert.Equal("Đơn vị chủ trì phải thuộc phía Việt Nam hoặc phía Lào.", page.ErrorFor("Input.LeadIds"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Commitments.CountAsync()));
    }

    [Fact]
    public async Task ADoneCommitmentIsNotReopenedByAnEditButThroughBothSides()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => c.Status = Done, world.VnDepartment);
        var client = await factory.CoordinatorAsync(redirects: false);
        var form = await client.GetPageAsync($"/commitments/{id}/edit");
        Assert.Equal(["Done"], form.QuerySelectorAll("#Input_Status option").Select(o => o.GetAttribute("value")));
        var reopen = await client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.Status"] = "InProgress" });
        Assert.Equal(HttpStatusCode.OK, reopen.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(await reopen.Content.ReadAsStringAsync())).ErrorFor("Input.Status"));

        var refused = await client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.Status"] = "Delayed" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.StartsWith("Không được chuyển sang tình trạng này", (await Html.ParseAsync(await refused.Content.ReadAsStringAsync())).ErrorFor("Input.Status"));
        Assert.Equal(Done, (await world.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesNewerSaveIsRefusedEvenWhenOnlyTheLeadsChanged()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var client = await factory.CoordinatorAsync(redirects: false);
        // Someone else saves first, through the API.
        var theirs = await client.PutAsJsonAsync($"/api/commitments/{id}", new
        {
            instrumentId = world.EighthMinutes, textVi = "Sửa bởi người khác", areaId = world.Vocational, period = "2024-2025", status = "InProgress",
            leadIds = new[] { world.VnDepartment }, version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        var mine = await client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.Version"] = "1",
            ["Input.LeadIds"] = $"{world.VnDepartment},{world.LaDepartment}",
        });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Contains("vừa được người khác sửa", (await Html.ParseAsync(await mine.Content.ReadAsStringAsync())).QuerySelector("#conflict-message")!.TextContent);
        var saved = await world.LoadAsync(id);
        Assert.Equal("Sửa bởi người khác", saved.Text.Vi);
        Assert.Equal([world.VnDepartment], saved.Leads.Select(l => l.OrganisationId));
    }

    [Fact]
    public async Task CarryingOverCreatesTheNewClauseMarksTheOldAndBothPagesShowTheLink()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => c.Number = "3", world.VnDepartment, world.LaDepartment);
        var client = await factory.CoordinatorAsync(redirects: false);
        var form = await client.GetPageAsync($"/commitments/{id}/carry-over");
        Assert.Equal("2026-2027", form.QuerySelector("#Input_Period")!.GetAttribute("value"));
        Assert.DoesNotContain(form.QuerySelectorAll("#Input_InstrumentId option"), o => o.GetAttribute("value") == world.SeventhMinutes.ToString(CultureInfo.InvariantCulture));

        var response = await client.SubmitFormAsync($"/commitments/{id}/carry-over", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.NinthMinutes.ToString(CultureInfo.InvariantCulture),
            ["Input.Number"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var newId = int.Parse(response.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);

        var copy = await world.LoadAsync(newId);
        Assert.Equal((world.NinthMinutes, "7", NotStarted, id, new Period(2026, 2027)), (copy.InstrumentId, copy.Number, copy.Status, copy.CarriedOverFromId!.Value, copy.Period));
        Assert.Equal([world.VnDepartment, world.LaDepartment], copy.Leads.Select(l => l.OrganisationId).Order());
        Assert.Equal(CarriedOver, (await world.LoadAsync(id)).Status);

        var newPage = await client.GetPageAsync($"/commitments/{newId}");
        var from = newPage.QuerySelector("#carry-over [data-direction=from]")!;
        Assert.StartsWith("Chuyển tiếp từ", from.TextContent.Trim());
        Assert.Equal("Mục 3", from.QuerySelector($"a[href='/commitments/{id}']")!.TextContent);
        Assert.Contains($"Biên bản Hội nghị lần thứ 8 {world.Tag}", from.TextContent);

        var oldPage = await client.GetPageAsync($"/commitments/{id}");
        Assert.Equal("Đã chuyển tiếp", oldPage.QuerySelector("#status")!.TextContent.Trim());
        Assert.Equal("Mục 7", oldPage.QuerySelector($"#carry-over [data-direction=into] a[href='/commitments/{newId}']")!.TextContent);
        Assert.Null(oldPage.QuerySelector($"a[href='/commitments/{id}/carry-over']"));

        // Carried on once more, the first clause's page follows the chain to the end.
        var again = await client.SubmitFormAsync($"/commitments/{newId}/carry-over", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.TenthMinutes.ToString(CultureInfo.InvariantCulture),
        });
        var lastId = int.Parse(again.Headers.Location!.ToString().Split('/')[^1], CultureInfo.InvariantCulture);
        var chain = (await client.GetPageAsync($"/commitments/{id}")).QuerySelectorAll("#carry-over [data-direction=into] a[href^='/commitments/']");
        Assert.Equal([$"/commitments/{newId}", $"/commitments/{lastId}"], chain.Select(a => a.GetAttribute("href")));
        var back = (await client.GetPageAsync($"/commitments/{lastId}")).QuerySelectorAll("#carry-over [data-direction=from] a[href^='/commitments/']");
        Assert.Equal([$"/commitments/{id}", $"/commitments/{newId}"], back.Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task CarryOverIsRefusedForADoneClauseAndIntoItsOwnOrAnEarlierInstrument()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var done = await world.AddCommitmentAsync(c => c.Status = Done);
        var client = await factory.CoordinatorAsync(redirects: false);
        var refusedPage = await client.GetPageAsync($"/commitments/{done}/carry-over");
        Assert.StartsWith("Cam kết đã hoàn thành hoặc dừng thực hiện", refusedPage.QuerySelector("#carry-over-refused")!.TextContent.Trim());
        Assert.Null(refusedPage.QuerySelector("main form[method=post]"));

        var open = await world.AddCommitmentAsync();
        var own = await client.SubmitFormAsync($"/commitments/{open}/carry-over", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.EighthMinutes.ToString(CultureInfo.InvariantCulture),
            ["Input.Period"] = "2020",
        });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var page = await Html.ParseAsync(await own.Content.ReadAsStringAsync());
        Assert.Equal("Hãy chọn một văn kiện khác với văn kiện của cam kết này.", page.ErrorFor("Input.InstrumentId"));
        Assert.Equal("Giai đoạn mới phải bắt đầu sau năm bắt đầu của giai đoạn hiện tại.", page.ErrorFor("Input.Period"));

        var earlier = await client.SubmitFormAsync($"/commitments/{open}/carry-over", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.SeventhMinutes.ToString(CultureInfo.InvariantCulture),
        });
        Assert.StartsWith("Biên bản này được ký trước", (await Html.ParseAsync(await earlier.Content.ReadAsStringAsync())).ErrorFor("Input.InstrumentId"));
        Assert.Equal(InProgress, (await world.LoadAsync(open)).Status);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.CarriedOverFromId == open || c.CarriedOverFromId == done)));
    }

    [Fact]
    public async Task AnIllustrativeOverdueClauseIsMarkedSoOnItsPageAndInTheList()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => { c.IsIllustrative = true; c.DueOn = new DateOnly(2020, 6, 30); c.Period = new Period(2020, 2021); });
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync($"/commitments/{id}");
        Assert.NotNull(page.QuerySelector("main .badge-illustrative"));
        Assert.Equal("Quá hạn", page.QuerySelector("main .overdue")!.TextContent.Trim());

        var list = await client.GetPageAsync($"/commitments?instrument={world.EighthMinutes}&overdue=true");
        var row = list.QuerySelector($"tr[data-id='{id}']")!;
        Assert.NotNull(row.QuerySelector(".badge-illustrative"));
        Assert.NotNull(row.QuerySelector(".overdue"));
    }

    [Fact]
    public async Task UnknownCommitmentsAndInstrumentsGiveTheNotFoundPage()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/commitments/987654", HttpStatusCode.NotFound);
        Assert.Contains("Không tìm thấy", page.QuerySelector("h1")!.TextContent);
        await client.GetPageAsync("/commitments/987654/edit", HttpStatusCode.NotFound);
        await client.GetPageAsync("/commitments/987654/carry-over", HttpStatusCode.NotFound);
        await client.GetPageAsync("/commitments/987654/reports/new", HttpStatusCode.NotFound);
        await client.GetPageAsync("/commitments/987654/reports/1/edit", HttpStatusCode.NotFound);
        await client.GetPageAsync("/commitments/new?instrument=987654", HttpStatusCode.NotFound);
    }
}

public sealed class CommitmentPagesOnSqlite(SqliteFactory factory) : CommitmentPagesTests(factory), IClassFixture<SqliteFactory>;
public sealed class CommitmentPagesOnPostgres(PostgresFactory factory) : CommitmentPagesTests(factory), IClassFixture<PostgresFactory>;
