using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

public abstract class OrganisationsTests(ConcordFactory factory)
{
    Task<int> TermIdAsync(string vocabulary, string code) =>
        factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync());

    Task<int> KindIdAsync(string code) => TermIdAsync(Vocabularies.OrganisationKind, code);

    async Task<int> OrganisationAsync(string nameVi, string? abbreviation = null, string? country = "VN", int? parent = null,
        int? successor = null, PartialDate? succeededOn = null, string kind = "ministry", string? nameEn = null)
    {
        var kindId = await KindIdAsync(kind);
        return await factory.WithDbAsync(async db =>
        {
            var o = new Organisation
            {
                KindId = kindId, Country = country, Name = new LocalizedText(nameVi, nameEn), Abbreviation = abbreviation,
                ParentId = parent, SuccessorId = successor, SucceededOn = succeededOn?.Date, SucceededOnPrecision = succeededOn?.Precision ?? DatePrecision.Day,
            };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
    }

    async Task<int> InstrumentAsync(string title, string signed, params int[] parties)
    {
        var kind = await TermIdAsync(Vocabularies.InstrumentKind, "agreement");
        PartialDate.TryParse(signed, out var date);
        return await factory.WithDbAsync(async db =>
        {
            var i = new Instrument
            {
                KindId = kind, Title = new LocalizedText(title), Status = InstrumentStatus.InForce, SignedOn = date.Date, SignedOnPrecision = date.Precision,
                Parties = [.. parties.Select(p => new InstrumentParty { OrganisationId = p })],
            };
            db.Instruments.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });
    }

    async Task<int> MeetingAsync(string title, params int[] participants)
    {
        var kind = await TermIdAsync(Vocabularies.MeetingKind, "workshop");
        return await factory.WithDbAsync(async db =>
        {
            var m = new Meeting { KindId = kind, Title = new LocalizedText(title), Participants = [.. participants.Select(p => new MeetingParticipant { OrganisationId = p })] };
            db.Meetings.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
    }

    [Fact]
    public async Task SuccessorsPageShowsThePredecessorsWorkLabelledAsThePredecessors()
    {
        var client = await factory.CoordinatorAsync();
        var moha = await OrganisationAsync("Bộ Nội vụ (thử 1)", "BNV-1");
        var molisa = await OrganisationAsync("Bộ Lao động - Thương binh và Xã hội (thử 1)", "LĐTBXH-1", successor: moha, succeededOn: PartialDate.OfYear(2025));
        var mlsw = await OrganisationAsync("Bộ Lao động và Phúc lợi xã hội Lào (thử 1)", "MLSW-1", "LA");
        var agreement = await InstrumentAsync("Hiệp định hợp tác lao động 2013 (thử 1)", "2013", molisa, mlsw);
        var mohasOwn = await InstrumentAsync("Bản ghi nhớ về lao động và người có công (thử 1)", "12/11/2025", moha, mlsw);
        var workshop = await MeetingAsync("Hội thảo trực tuyến 2021 (thử 1)", molisa, mlsw);

        var page = await client.GetPageAsync($"/organisations/{moha}");
        Assert.NotNull(page.QuerySelector($"#predecessors a[href='/organisations/{molisa}']"));
        Assert.Contains("từ 2025", page.QuerySelector("#predecessors")!.TextContent);

        var instruments = page.QuerySelector("#record-instruments")!;
        var agreementItem = instruments.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/instruments/{agreement}']") is not null);
        Assert.Equal("của LĐTBXH-1", agreementItem.QuerySelector(".record-of")!.TextContent.Trim());
        var ownItem = instruments.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/instruments/{mohasOwn}']") is not null);
        Assert.Null(ownItem.QuerySelector(".record-of"));
        var meetingItem = page.QuerySelector("#record-meetings")!.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/meetings/{workshop}']") is not null);
        Assert.Equal("của LĐTBXH-1", meetingItem.QuerySelector(".record-of")!.TextContent.Trim());

        // The predecessor's own page keeps its own work and does not take on its successor's.
        var own = await client.GetPageAsync($"/organisations/{molisa}");
        Assert.NotNull(own.QuerySelector($"#successor a[href='/organisations/{moha}']"));
        Assert.Contains("từ 2025", own.QuerySelector("#successor")!.TextContent);
        Assert.NotNull(own.QuerySelector($"#record-instruments a[href='/instruments/{agreement}']"));
        Assert.Null(own.QuerySelector($"#record-instruments a[href='/instruments/{mohasOwn}']"));
        Assert.Null(own.QuerySelector($"#record-instruments .record-of"));
    }

    [Fact]
    public async Task EnglishReaderSeesTheLabelAsThePredecessorsAndTheNameInEnglish()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var moha = await OrganisationAsync("Bộ Nội vụ (thử 2)", nameEn: "Ministry of Home Affairs (test 2)");
        var molisa = await OrganisationAsync("Bộ LĐTBXH (thử 2)", "MOLISA-2", successor: moha, succeededOn: PartialDate.OfYear(2025));
        var agreement = await InstrumentAsync("Hiệp định (thử 2)", "2013", molisa);
        var page = await client.GetPageAsync($"/organisations/{moha}");
        Assert.Contains("Ministry of Home Affairs (test 2)", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Bộ Nội vụ (thử 2)", page.QuerySelector("main")!.TextContent);
        var item = page.QuerySelector("#record-instruments")!.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/instruments/{agreement}']") is not null);
        Assert.Equal("MOLISA-2's", item.QuerySelector(".record-of")!.TextContent.Trim());
        var molisaPage = await client.GetPageAsync($"/organisations/{molisa}");
        Assert.Contains("from 2025", molisaPage.QuerySelector("#successor")!.TextContent);
    }

    [Fact]
    public async Task FilteredListsFindThePredecessorsInstrumentsAndMeetingsFromTheSuccessor()
    {
        var client = await factory.CoordinatorAsync();
        var successor = await OrganisationAsync("Bộ kế thừa (thử 3)");
        var predecessor = await OrganisationAsync("Bộ tiền thân (thử 3)", successor: successor, succeededOn: PartialDate.OfMonth(2025, 3));
        var stranger = await OrganisationAsync("Bộ không liên quan (thử 3)");
        var agreement = await InstrumentAsync("Hiệp định của Bộ tiền thân (thử 3)", "2013", predecessor);
        var unrelated = await InstrumentAsync("Hiệp định không liên quan (thử 3)", "2014", stranger);
        var meeting = await MeetingAsync("Hội thảo của Bộ tiền thân (thử 3)", predecessor);

        var instruments = await client.GetPageAsync($"/instruments?organisation={successor}");
        Assert.NotNull(instruments.QuerySelector($"#results a[href='/instruments/{agreement}']"));
        Assert.Null(instruments.QuerySelector($"#results a[href='/instruments/{unrelated}']"));
        var meetings = await client.GetPageAsync($"/meetings?organisation={successor}");
        Assert.NotNull(meetings.QuerySelector($"#results a[href='/meetings/{meeting}']"));
    }

    [Fact]
    public async Task DepartmentsCommitmentsAndActivitiesRollUpToItsMinistry()
    {
        var client = await factory.CoordinatorAsync();
        var ministry = await OrganisationAsync("Bộ Lao động và Phúc lợi xã hội (thử 4)", "MLSW-4", "LA");
        var centre = await OrganisationAsync("Trung tâm phục hồi chức năng Bản Cân (thử 4)", "BK-4", "LA", parent: ministry, kind: "centre");
        var vnMinistry = await OrganisationAsync("Bộ phía Việt Nam (thử 4)", "VN-4");
        var instrument = await InstrumentAsync("Biên bản (thử 4)", "2023", vnMinistry, ministry);
        var (activityId, _) = await factory.WithDbAsync(async db =>
        {
            var area = await db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.Code == "disability-rehabilitation").Select(t => t.Id).SingleAsync();
            var donation = await db.Terms.Where(t => t.Vocabulary == Vocabularies.ActivityKind && t.Code == "donation").Select(t => t.Id).SingleAsync();
            db.Commitments.AddRange(
                new Commitment { InstrumentId = instrument, Sequence = 1, AreaId = area, PeriodStart = 2024, PeriodEnd = 2025, Text = new LocalizedText("Hỗ trợ trang thiết bị (thử 4)"), Leads = [new CommitmentLead { OrganisationId = centre, Country = "LA" }] },
                new Commitment { InstrumentId = instrument, Sequence = 2, AreaId = area, PeriodStart = 2024, PeriodEnd = 2025, Text = new LocalizedText("Đào tạo kỹ thuật viên (thử 4)"), Leads = [new CommitmentLead { OrganisationId = centre, Country = "LA" }, new CommitmentLead { OrganisationId = ministry, Country = "LA" }] });
            var activity = new Activity
            {
                KindId = donation, Title = new LocalizedText("Trao tặng trang thiết bị cho Trung tâm Bản Cân (thử 4)"),
                Organisations = [new ActivityOrganisation { OrganisationId = vnMinistry, Role = ActivityRole.Provider }, new ActivityOrganisation { OrganisationId = centre, Role = ActivityRole.Recipient }],
            };
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (activity.Id, 0);
        });

        var page = await client.GetPageAsync($"/organisations/{ministry}");
        var commitments = page.QuerySelector("#record-commitments")!;
        // Two clauses, one of them led by both the ministry and its centre: counted once.
        Assert.Equal("2", commitments.QuerySelector("h3 .badge")!.TextContent.Trim());
        Assert.Contains("Trung tâm phục hồi chức năng Bản Cân (thử 4)", commitments.TextContent);
        Assert.NotNull(commitments.QuerySelector($"a[href='/commitments?organisation={ministry}']"));
        var activity = page.QuerySelector("#record-activities")!.QuerySelectorAll("li").Single(li => li.QuerySelector($"a[href='/activities/{activityId}']") is not null);
        Assert.Equal("của BK-4", activity.QuerySelector(".record-of")!.TextContent.Trim());
        Assert.Contains("bên nhận", activity.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/organisations/{centre}']"));

        var giver = await client.GetPageAsync($"/organisations/{vnMinistry}");
        Assert.Contains("bên hỗ trợ", giver.QuerySelector("#record-activities")!.TextContent);
    }

    [Fact]
    public async Task ListShowsDepartmentsUnderTheirMinistryAndFiltersByCountry()
    {
        var client = await factory.CoordinatorAsync();
        var ministry = await OrganisationAsync("Bộ có vụ trực thuộc (thử 5)", "BVT-5", "LA");
        var department = await OrganisationAsync("Cục Kế hoạch và Hợp tác quốc tế (thử 5)", "DPIC-5", "LA", parent: ministry, kind: "department");
        var vietnamese = await OrganisationAsync("Bộ phía Việt Nam (thử 5)");

        var tree = await client.GetPageAsync("/organisations?country=LA&size=200");
        Assert.NotNull(tree.QuerySelector($"li[data-organisation='{ministry}'] li[data-organisation='{department}']"));
        Assert.Contains("(DPIC-5)", tree.QuerySelector($"li[data-organisation='{department}']")!.TextContent);
        Assert.Null(tree.QuerySelector($"[data-organisation='{vietnamese}']"));
        Assert.Contains("Lào", tree.QuerySelector("#results h2")!.TextContent);

        var flat = await client.GetPageAsync($"/organisations?q=dpic-5");
        var row = flat.QuerySelector($"tr[data-organisation='{department}']")!;
        Assert.Contains("DPIC-5", row.TextContent);
        Assert.Contains("Lào", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/organisations/{ministry}']"));
    }

    [Fact]
    public async Task ListIsPagedWithoutRepeatsOrGapsAcrossCountries()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("vocational-institution");
        var tag = $"paging{Guid.NewGuid():N}"[..16];
        string?[] countries = ["VN", null, "LA", "TH", null, "VN", "LA"];
        foreach (var (c, i) in countries.Select((c, i) => (c, i)))
            await OrganisationAsync($"Trường nghề {tag} {i}", country: c, kind: "vocational-institution");
        var seen = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/organisations?kind={kind}&q={tag}&size=2" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(7, seen.Select(x => x.GetProperty("id").GetInt32()).Distinct().Count());
        // Organisations of no country (international bodies) come last.
        Assert.Equal("LA,LA,TH,VN,VN,-,-",
            string.Join(",", seen.Select(x => x.GetProperty("country").ValueKind == JsonValueKind.Null ? "-" : x.GetProperty("country").GetString())));
    }

    [Fact]
    public async Task ParentThatWouldMakeALoopIsRefusedBesideTheField()
    {
        var client = await factory.CoordinatorAsync();
        var ministry = await OrganisationAsync("Bộ (thử 6)");
        var department = await OrganisationAsync("Vụ (thử 6)", parent: ministry, kind: "department");
        var unit = await OrganisationAsync("Phòng (thử 6)", parent: department, kind: "department");
        var response = await client.SubmitFormAsync($"/organisations/{ministry}/edit", new Dictionary<string, string?> { ["Input.ParentId"] = unit.ToString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("Tổ chức được chọn đang trực thuộc", page.ErrorFor("Input.ParentId"));

        var itself = await Html.ParseAsync(await (await client.SubmitFormAsync($"/organisations/{ministry}/edit", new Dictionary<string, string?> { ["Input.ParentId"] = ministry.ToString() })).Content.ReadAsStringAsync());
        Assert.Equal("Một tổ chức không thể trực thuộc chính nó.", itself.ErrorFor("Input.ParentId"));
        Assert.Null(await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == ministry).Select(o => o.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task SuccessorThatWouldMakeALoopIsRefusedByTheApi()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("ministry");
        var newest = await OrganisationAsync("Bộ mới nhất (thử 7)");
        var middle = await OrganisationAsync("Bộ giữa (thử 7)", successor: newest, succeededOn: PartialDate.OfYear(2025));
        var version = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == newest).Select(o => o.Version).SingleAsync());
        var response = await client.PutAsJsonAsync($"/api/organisations/{newest}", new { kindId = kind, country = "VN", nameVi = "Bộ mới nhất (thử 7)", successorId = middle, version });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("successorId", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Null(await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == newest).Select(o => o.SuccessorId).SingleAsync()));
    }

    [Fact]
    public async Task FormShowsEveryErrorBesideItsFieldAndSavesNothing()
    {
        var before = await factory.WithDbAsync(db => db.Organisations.CountAsync());
        var client = await factory.CoordinatorAsync();
        var response = await client.SubmitFormAsync("/organisations/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = "",
            ["Input.Country"] = "VNM",
            ["Input.NameVi"] = "",
            ["Input.SucceededOn"] = "2025",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Vui lòng nhập thông tin này.", page.ErrorFor("Input.KindId"));
        Assert.Equal("Nhập mã quốc gia 2 chữ cái, ví dụ VN hoặc LA.", page.ErrorFor("Input.Country"));
        Assert.Equal("Nhập nội dung bằng ít nhất một ngôn ngữ.", page.ErrorFor("Input.NameVi"));
        Assert.Equal("Chọn tổ chức kế thừa trước khi nhập ngày.", page.ErrorFor("Input.SucceededOn"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Organisations.CountAsync()));
    }

    [Fact]
    public async Task InternationalBodyNeedsNoCountryButAMinistryDoes()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var international = await client.PostAsJsonAsync("/api/organisations", new { kindId = await KindIdAsync("international-organisation"), nameEn = "International Labour Organization (test)", abbreviation = "ILO-T" });
        Assert.Equal(HttpStatusCode.Created, international.StatusCode);
        var ministry = await client.PostAsJsonAsync("/api/organisations", new { kindId = await KindIdAsync("ministry"), nameEn = "A ministry of no country" });
        Assert.Equal(HttpStatusCode.BadRequest, ministry.StatusCode);
        Assert.Equal("A country is needed (only international bodies have none).",
            (await ministry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("country")[0].GetString());
    }

    [Fact]
    public async Task CoordinatorRecordsAMergerThroughTheFormAndBothPagesShowIt()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var successor = await OrganisationAsync("Bộ Nội vụ (thử 8)");
        var response = await client.SubmitFormAsync("/organisations/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindIdAsync("ministry")).ToString(),
            ["Input.Country"] = "vn",
            ["Input.NameVi"] = "Bộ Lao động - Thương binh và Xã hội (thử 8)",
            ["Input.NameEn"] = "Ministry of Labour, War Invalids and Social Affairs (test 8)",
            ["Input.Abbreviation"] = "MOLISA-8",
            ["Input.SuccessorId"] = successor.ToString(),
            ["Input.SucceededOn"] = "03/2025",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();
        var page = await client.GetPageAsync(url);
        Assert.Contains("03/2025", page.QuerySelector("#successor")!.TextContent);
        Assert.DoesNotContain("01/03/2025", page.QuerySelector("#successor")!.TextContent);
        Assert.Contains("Ministry of Labour, War Invalids and Social Affairs (test 8)", page.QuerySelector("main")!.TextContent);
        Assert.Equal("VN", await factory.WithDbAsync(db => db.Organisations.Where(o => o.Abbreviation == "MOLISA-8").Select(o => o.Country).SingleAsync()));
        var successorPage = await client.GetPageAsync($"/organisations/{successor}");
        Assert.NotNull(successorPage.QuerySelector($"#predecessors a[href='{url}']"));
    }

    [Fact]
    public async Task ApiCreatesUpdatesAndRefusesAStaleVersion()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("province");
        var created = await client.PostAsJsonAsync("/api/organisations", new { kindId = kind, country = "VN", nameVi = "Tỉnh Ninh Bình (thử)", nameEn = "Ninh Binh Province (test)" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        var version = body.GetProperty("version").GetInt32();
        Assert.Equal("province", body.GetProperty("kindCode").GetString());
        Assert.Equal($"/api/organisations/{id}", created.Headers.Location!.ToString());

        var first = await client.PutAsJsonAsync($"/api/organisations/{id}", new { kindId = kind, country = "VN", nameVi = "Tỉnh Ninh Bình (sửa A)", version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await client.PutAsJsonAsync($"/api/organisations/{id}", new { kindId = kind, country = "VN", nameVi = "Tỉnh Ninh Bình (sửa B)", version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{id}");
        Assert.Equal("Tỉnh Ninh Bình (sửa A)", got.GetProperty("name").GetProperty("vi").GetString());
    }

    [Fact]
    public async Task UnknownOrganisationOrPersonGivesNotFound()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/organisations/987654", HttpStatusCode.NotFound);
        Assert.Contains("Không tìm thấy", page.QuerySelector("h1")!.TextContent);
        await client.GetPageAsync("/organisations/987654/edit", HttpStatusCode.NotFound);
        await client.GetPageAsync("/people/987654/edit", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/organisations/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/people/987654")).StatusCode);
    }

    [Fact]
    public async Task CoordinatorAddsAPersonWhoIsThenListedOnTheOrganisationAndByTheApi()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var ministry = await OrganisationAsync("Bộ có cán bộ (thử 9)");
        var response = await client.SubmitFormAsync($"/people/new?organisation={ministry}", new Dictionary<string, string?>
        {
            ["Input.Name"] = "Nguyễn Mạnh Cường (thử)",
            ["Input.PositionVi"] = "Vụ trưởng Vụ Hợp tác quốc tế",
            ["Input.PositionEn"] = "Director General, International Cooperation",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync($"/organisations/{ministry}");
        Assert.Contains("Nguyễn Mạnh Cường (thử)", page.QuerySelector("#people")!.ParentElement!.ParentElement!.TextContent);

        var people = await client.GetFromJsonAsync<JsonElement>($"/api/people?organisation={ministry}");
        var person = people.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("Director General, International Cooperation", person.GetProperty("position").GetProperty("en").GetString());
        var got = await client.GetFromJsonAsync<JsonElement>($"/api/people/{person.GetProperty("id").GetInt32()}");
        Assert.Equal("Nguyễn Mạnh Cường (thử)", got.GetProperty("name").GetString());

        var empty = await Html.ParseAsync(await (await client.SubmitFormAsync("/people/new", new Dictionary<string, string?> { ["Input.Name"] = "" })).Content.ReadAsStringAsync());
        Assert.Equal("Vui lòng nhập thông tin này.", empty.ErrorFor("Input.Name"));
    }
}

public sealed class OrganisationsOnSqlite(SqliteFactory factory) : OrganisationsTests(factory), IClassFixture<SqliteFactory>;
public sealed class OrganisationsOnPostgres(PostgresFactory factory) : OrganisationsTests(factory), IClassFixture<PostgresFactory>;
