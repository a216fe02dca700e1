using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Activities;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Concord.Tests.Features.ActivitiesSeed;

namespace Concord.Tests.Features;

public abstract class ActivitiesTests(ConcordFactory factory)
{
    Task<int> KindAsync(string code) => factory.WithDbAsync(db => TermAsync(db, Vocabularies.ActivityKind, code));

    static async Task<List<int>> ListIdsAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/activities?size=200&{query}");
        return page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
    }

    [Fact]
    public async Task TheBanKanDonationRecordedThroughTheFormShowsItsValueInTheReadersLanguage()
    {
        var (molisa, mlsw, bankan, conference) = await factory.WithDbAsync(async db =>
        {
            var molisa = await OrganisationAsync(db, "Bộ Lao động - Thương binh và Xã hội", "Ministry of Labour, War Invalids and Social Affairs", "VN", "MOLISA");
            var mlsw = await OrganisationAsync(db, "Bộ Lao động và Phúc lợi xã hội Lào", "Ministry of Labour and Social Welfare", "LA", "MLSW");
            var bankan = await OrganisationAsync(db, "Trung tâm chấn thương chỉnh hình / phục hồi chức năng Bản Cân", "Ban Kan Orthopaedic and Rehabilitation Centre", "LA", parentId: mlsw, kind: "centre");
            var conference = await MeetingAsync(db, "Hội nghị Bộ trưởng lần thứ 6", PartialDate.OfYear(2019));
            return (molisa, mlsw, bankan, conference);
        });
        var client = await factory.CoordinatorAsync(redirects: false);
        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindAsync("donation")).ToString(),
            ["Input.TitleVi"] = "Trao tặng trang thiết bị cho Bộ LĐ-PLXH Lào và Trung tâm Bản Cân",
            ["Input.DescriptionVi"] = "50 máy tính để bàn, 4 máy tính xách tay, trang thiết bị dạy nghề và y tế",
            ["Input.Starts"] = "2019",
            ["Input.MeetingId"] = conference.ToString(),
            ["Input.ProviderIds"] = molisa.ToString(),
            ["Input.RecipientIds"] = $"{mlsw},{bankan}",
            ["Input.ValueAmount"] = "3900000000",
            ["Input.ValueCurrency"] = "VND",
            ["Input.ValueIsLowerBound"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();

        var vi = await client.GetPageAsync(url);
        Assert.Equal("trên 3.900.000.000 VND", vi.QuerySelector("#value")!.TextContent.Trim());
        Assert.Contains("50 máy tính để bàn", vi.QuerySelector("dl")!.TextContent);
        Assert.NotNull(vi.QuerySelector($"a[href='/meetings/{conference}']"));
        Assert.NotNull(vi.QuerySelector($"a[href='/organisations/{bankan}']"));

        var en = await client.GetPageAsync(url + "?culture=en");
        Assert.Equal("over 3,900,000,000 VND", en.QuerySelector("#value")!.TextContent.Trim());

        // The Lao ministry's list rolls up its centre's donation, with who gave to whom.
        var list = await client.GetPageAsync($"/activities?organisation={mlsw}");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='{url}']") is not null);
        Assert.Contains("trên 3.900.000.000 VND", row.TextContent);
        Assert.Contains("MOLISA → MLSW, Trung tâm chấn thương", row.QuerySelector(".parties")!.TextContent);
        Assert.Contains("2019", row.TextContent);
        Assert.DoesNotContain("01/01/2019", row.TextContent);
    }

    [Fact]
    public async Task WomenAndMenTogetherCannotBeMoreThanTheTotal()
    {
        var kind = await KindAsync("training");
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = kind.ToString(),
            ["Input.TitleVi"] = "Lớp tập huấn kỹ năng nghề",
            ["Input.PeopleTotal"] = "10",
            ["Input.PeopleWomen"] = "6",
            ["Input.PeopleMen"] = "5",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Số nữ và số nam cộng lại vượt quá tổng số người.", page.ErrorFor("Input.PeopleTotal"));

        var fits = await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleVi = "Lớp tập huấn", peopleTotal = 10, peopleWomen = 6, peopleMen = 4 });
        Assert.Equal(HttpStatusCode.Created, fits.StatusCode);
        var onlyWomenKnown = await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleVi = "Lớp tập huấn", peopleTotal = 10, peopleWomen = 7 });
        Assert.Equal(HttpStatusCode.Created, onlyWomenKnown.StatusCode);
        var tooMany = await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleVi = "Lớp tập huấn", peopleTotal = 10, peopleWomen = 6, peopleMen = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task AValueWithoutACurrencyIsRefused()
    {
        var kind = await KindAsync("donation");
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = kind.ToString(),
            ["Input.TitleVi"] = "Trao tặng thiết bị",
            ["Input.ValueAmount"] = "1000000",
            ["Input.ValueCurrency"] = "",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Chọn đơn vị tiền tệ cho số tiền.", page.ErrorFor("Input.ValueCurrency"));

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var api = await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleEn = "Donation", valueAmount = 1000000 });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Choose the currency of the amount.", errors.GetProperty("valueCurrency")[0].GetString());
        var unknown = await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleEn = "Donation", valueAmount = 5, valueCurrency = "EUR" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task FormShowsEveryErrorBesideItsFieldAtOnceAndSavesNothing()
    {
        var before = await factory.WithDbAsync(db => db.Activities.CountAsync());
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = "",
            ["Input.TitleVi"] = "",
            ["Input.Starts"] = "31/02/2019",
            ["Input.DateNote"] = new string('x', 301),
            ["Input.PeopleTotal"] = "3",
            ["Input.PeopleWomen"] = "4",
            ["Input.PeopleMen"] = "nhiều",
            ["Input.ValueAmount"] = "500",
            ["AddCommitmentIds"] = "mười hai",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotNull(page.QuerySelector("#error-summary"));
        Assert.Equal("Vui lòng nhập thông tin này.", page.ErrorFor("Input.KindId"));
        Assert.Equal("Nhập nội dung bằng ít nhất một ngôn ngữ.", page.ErrorFor("Input.TitleVi"));
        Assert.StartsWith("Ngày không hợp lệ", page.ErrorFor("Input.Starts"));
        Assert.Equal("Quá dài: tối đa 300 ký tự.", page.ErrorFor("Input.DateNote"));
        Assert.Equal("Số nữ và số nam cộng lại vượt quá tổng số người.", page.ErrorFor("Input.PeopleTotal"));
        Assert.Equal("Giá trị không hợp lệ.", page.ErrorFor("Input.PeopleMen"));
        Assert.Equal("Chọn đơn vị tiền tệ cho số tiền.", page.ErrorFor("Input.ValueCurrency"));
        Assert.StartsWith("Nhập các mã cam kết", page.ErrorFor("AddCommitmentIds"));
        // What was typed is still there to correct.
        Assert.Equal("31/02/2019", page.QuerySelector("#Input_Starts")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Activities.CountAsync()));
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedInEnglishForAnEnglishReader()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindAsync("training")).ToString(),
            ["Input.TitleEn"] = "Vocational training",
            ["Input.Starts"] = "2021",
            ["Input.Ends"] = "06/2019",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The end date cannot be before the start date.", page.ErrorFor("Input.Ends"));
    }

    [Fact]
    public async Task UnknownActivityGivesANotFoundPage()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/activities/987654", HttpStatusCode.NotFound);
        Assert.Contains("Không tìm thấy", page.QuerySelector("h1")!.TextContent);
        await client.GetPageAsync("/activities/987654/edit", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/activities/987654")).StatusCode);
        var put = await client.PutAsJsonAsync("/api/activities/987654", new { kindId = await KindAsync("award"), titleVi = "x" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task ApiCreatesReadsAndUpdatesAnActivityWithItsOrganisationsAndCommitments()
    {
        var (provider, recipient, commitment) = await factory.WithDbAsync(async db =>
        {
            var provider = await OrganisationAsync(db, "Trường Cao đẳng nghề Việt - Lào", kind: "vocational-institution");
            var recipient = await OrganisationAsync(db, "Sở Lao động tỉnh Savannakhet", country: "LA", kind: "province");
            var instrument = await InstrumentAsync(db, "Biên bản Hội nghị thử nghiệm API", PartialDate.OfYear(2025));
            var commitment = await CommitmentAsync(db, instrument, "Đào tạo giáo viên dạy nghề", new Period(2026, 2027));
            return (provider, recipient, commitment);
        });
        var client = await factory.CoordinatorAsync();
        var kind = await KindAsync("scholarship");
        var created = await client.PostAsJsonAsync("/api/activities", new
        {
            kindId = kind, titleVi = "Học bổng cho sinh viên Lào", titleLo = "ທຶນການສຶກສາ", starts = "09/2024", ends = "2027", dateNote = "khóa 2024-2027",
            providerIds = new[] { provider }, recipientIds = new[] { recipient }, peopleTotal = 40, peopleWomen = 18,
            valueAmount = 12500.5m, valueCurrency = "usd", commitmentIds = new[] { commitment },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/activities/{id}", created.Headers.Location!.ToString());
        Assert.Equal("USD", body.GetProperty("valueCurrency").GetString());
        Assert.Equal("2024-09", body.GetProperty("starts").GetString());
        Assert.Equal(commitment, body.GetProperty("commitments")[0].GetProperty("id").GetInt32());
        Assert.Equal(["Provider", "Recipient"], body.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("role").GetString()!).ToArray());

        var updated = await client.PutAsJsonAsync($"/api/activities/{id}", new
        {
            kindId = kind, titleVi = "Học bổng cho sinh viên Lào", participantIds = new[] { provider }, version = body.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("Participant", after.GetProperty("organisations").EnumerateArray().Single().GetProperty("role").GetString());
        Assert.Equal(0, after.GetProperty("commitments").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("valueAmount").ValueKind);
    }

    [Fact]
    public async Task ASecondEditorsStaleSaveIsRefusedEvenWhenOnlyTheLinkedCommitmentsChanged()
    {
        var commitment = await factory.WithDbAsync(async db =>
            await CommitmentAsync(db, await InstrumentAsync(db, "Biên bản thử nghiệm phiên bản"), "Trao đổi đoàn", new Period(2026, 2027)));
        var client = await factory.CoordinatorAsync();
        var kind = await KindAsync("delegation-visit");
        var created = await (await client.PostAsJsonAsync("/api/activities", new { kindId = kind, titleVi = "Đoàn công tác sang Lào" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/activities/{id}", new { kindId = kind, titleVi = "Đoàn công tác sang Lào", commitmentIds = new[] { commitment }, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/activities/{id}", new { kindId = kind, titleVi = "Đoàn công tác sang Lào (sửa)", version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var saved = await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => new { a.Title.Vi, Links = a.Commitments.Count }).SingleAsync());
        Assert.Equal("Đoàn công tác sang Lào", saved.Vi);
        Assert.Equal(1, saved.Links);

        // The form says so too, and keeps what the editor typed.
        var response = await client.SubmitFormAsync($"/activities/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.TitleVi"] = "Đoàn công tác của biên tập viên B",
            ["Input.Version"] = version.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", page.QuerySelector("#conflict-message")!.TextContent);
        Assert.Equal("Đoàn công tác của biên tập viên B", page.QuerySelector("#Input_TitleVi")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditorPicksCommitmentsFromAnInstrumentOrByNumberWithoutEveryCommitmentOnThePage()
    {
        var (instrument, first, second) = await factory.WithDbAsync(async db =>
        {
            var instrument = await InstrumentAsync(db, "Biên bản Hội nghị chọn cam kết", PartialDate.OfYear(2099));
            var first = await CommitmentAsync(db, instrument, "Trao đổi kinh nghiệm về bảo hiểm xã hội", new Period(2026, 2027), number: "1");
            var second = await CommitmentAsync(db, instrument, "Hỗ trợ trang thiết bị dạy nghề", new Period(2026, 2027), number: "2");
            return (instrument, first, second);
        });
        var client = await factory.CoordinatorAsync(redirects: false);

        // Arriving from a commitment's page, that commitment is already ticked.
        var fromCommitment = await client.GetPageAsync($"/activities/new?commitment={first}");
        Assert.NotNull(fromCommitment.QuerySelector($"input[name='Input.CommitmentIds'][value='{first}'][checked]"));

        var pickPage = await client.PostAsync("/activities/new?handler=Pick", new FormUrlEncodedContent(await FormFieldsAsync(client, "/activities/new", ("PickInstrument", instrument.ToString()))));
        var pickForm = await Html.ParseAsync(await pickPage.Content.ReadAsStringAsync());
        var offered = pickForm.QuerySelectorAll("input[name='Input.CommitmentIds']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal([first.ToString(), second.ToString()], offered);
        Assert.Null(pickForm.QuerySelector("#error-summary"));

        var saved = await client.SubmitFormAsync("/activities/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindAsync("workshop")).ToString(),
            ["Input.TitleVi"] = "Hội thảo về bảo hiểm xã hội",
            ["AddCommitmentIds"] = $"{first}, #{second}",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = await client.GetPageAsync(saved.Headers.Location!.ToString());
        Assert.NotNull(details.QuerySelector($"a[href='/commitments/{first}']"));
        Assert.NotNull(details.QuerySelector($"a[href='/commitments/{second}']"));
        var id = int.Parse(saved.Headers.Location!.ToString().Split('/')[^1]);
        Assert.Equal([id], await ListIdsAsync(client, $"commitment={second}"));

        var unknown = await client.SubmitFormAsync($"/activities/{id}/edit", new Dictionary<string, string?> { ["AddCommitmentIds"] = "987654321" });
        var page = await Html.ParseAsync(await unknown.Content.ReadAsStringAsync());
        Assert.Equal("Có mã cam kết không tồn tại.", page.ErrorFor("Input.CommitmentIds"));
    }

    static async Task<List<KeyValuePair<string, string>>> FormFieldsAsync(HttpClient client, string url, params (string Name, string Value)[] fields)
    {
        var page = await client.GetPageAsync(url);
        var values = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
        };
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return values;
    }

    [Fact]
    public async Task OrganisationFilterFindsTheWorkOfItsDepartmentsAndOfTheMinistryItSucceeded()
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var moha = await OrganisationAsync(db, "Bộ Nội vụ (thử)");
            var molisa = await OrganisationAsync(db, "Bộ LĐ-TB&XH (thử)", successorId: moha);
            var icd = await OrganisationAsync(db, "Vụ Hợp tác quốc tế (thử)", parentId: molisa, kind: "department");
            var other = await OrganisationAsync(db, "Bộ khác (thử)");
            return new
            {
                moha, molisa, icd,
                ByMinistry = await ActivityAsync(db, "donation", new LocalizedText("Trao tặng của Bộ"), PartialDate.OfYear(2019), organisations: [(molisa, ActivityRole.Provider)]),
                ByDepartment = await ActivityAsync(db, "training", new LocalizedText("Tập huấn do Vụ tổ chức"), PartialDate.OfYear(2021), organisations: [(icd, ActivityRole.Provider)]),
                BySuccessor = await ActivityAsync(db, "award", new LocalizedText("Khen thưởng năm 2026"), PartialDate.OfYear(2026), organisations: [(moha, ActivityRole.Recipient)]),
                Elsewhere = await ActivityAsync(db, "award", new LocalizedText("Hoạt động của bộ khác"), PartialDate.OfYear(2026), organisations: [(other, ActivityRole.Provider)]),
            };
        });
        var client = await factory.CoordinatorAsync();
        Assert.Equal([ids.BySuccessor, ids.ByDepartment, ids.ByMinistry], await ListIdsAsync(client, $"organisation={ids.moha}"));
        Assert.Equal([ids.ByDepartment, ids.ByMinistry], await ListIdsAsync(client, $"organisation={ids.molisa}"));
        Assert.Equal([ids.ByDepartment], await ListIdsAsync(client, $"organisation={ids.icd}"));

        var page = await client.GetPageAsync($"/activities?organisation={ids.molisa}");
        Assert.Equal(2, page.QuerySelectorAll("#results tbody tr").Length);
        Assert.Equal(ids.molisa.ToString(), page.QuerySelector("#f-org option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ListFiltersByKindMeetingCommitmentAndYear()
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var scope = await OrganisationAsync(db, "Tổ chức của phép lọc", country: "LA");
            var meeting = await MeetingAsync(db, "Hội nghị của phép lọc", PartialDate.OfMonth(2019, 11));
            var commitment = await CommitmentAsync(db, await InstrumentAsync(db, "Văn kiện của phép lọc"), "Cam kết của phép lọc", new Period(2019, 2020));
            (int, ActivityRole)[] party = [(scope, ActivityRole.Participant)];
            return new
            {
                scope, meeting, commitment,
                Ongoing = await ActivityAsync(db, "training", new LocalizedText("Đào tạo liên tục"), PartialDate.OfYear(2019), ends: PartialDate.OfYear(2021), organisations: party, commitmentIds: [commitment]),
                AtMeeting = await ActivityAsync(db, "award", new LocalizedText("Trao Huân chương"), PartialDate.OfMonth(2019, 11), meetingId: meeting, organisations: party),
                Later = await ActivityAsync(db, "training", new LocalizedText("Tập huấn năm 2023"), PartialDate.OfDay(2023, 3, 8), organisations: party),
                Undated = await ActivityAsync(db, "gift", new LocalizedText("Quà tặng"), organisations: party),
            };
        });
        var training = await KindAsync("training");
        var client = await factory.CoordinatorAsync();
        var all = $"organisation={ids.scope}";
        Assert.Equal([ids.Later, ids.AtMeeting, ids.Ongoing, ids.Undated], await ListIdsAsync(client, all));
        Assert.Equal([ids.Later, ids.Ongoing], await ListIdsAsync(client, $"{all}&kind={training}"));
        Assert.Equal([ids.AtMeeting], await ListIdsAsync(client, $"meeting={ids.meeting}"));
        Assert.Equal([ids.Ongoing], await ListIdsAsync(client, $"commitment={ids.commitment}"));
        // "2019-2021" is under way in 2020.
        Assert.Equal([ids.Ongoing], await ListIdsAsync(client, $"{all}&year=2020"));
        Assert.Equal([ids.AtMeeting, ids.Ongoing], await ListIdsAsync(client, $"{all}&year=2019"));

        var page = await client.GetPageAsync($"/activities?{all}&kind={training}");
        var dates = page.QuerySelectorAll("#results tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["08/03/2023", "2019 – 2021"], dates);
    }

    [Fact]
    public async Task ListIsPagedWithoutRepeatsOrGaps()
    {
        var scope = await factory.WithDbAsync(async db =>
        {
            var scope = await OrganisationAsync(db, "Tổ chức phân trang");
            for (var i = 0; i < 7; i++)
                await ActivityAsync(db, "workshop", new LocalizedText($"Hội thảo {i}"), i % 3 == 0 ? null : PartialDate.OfYear(2010 + i % 2), organisations: [(scope, ActivityRole.Participant)]);
            return scope;
        });
        var client = await factory.CoordinatorAsync();
        var seen = new List<int>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/activities?organisation={scope}&size=3" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }
}

public sealed class ActivitiesOnSqlite(SqliteFactory factory) : ActivitiesTests(factory), IClassFixture<SqliteFactory>;
public sealed class ActivitiesOnPostgres(PostgresFactory factory) : ActivitiesTests(factory), IClassFixture<PostgresFactory>;
