using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

public abstract class MeetingsTests(ConcordFactory factory)
{
    // Conference numbers are unique per kind and the fixture's database is shared by the tests
    // of a class, so each test takes numbers of its own.
    static int nextNumber = 100;
    static int NewNumber() => Interlocked.Increment(ref nextNumber);

    Task<int> KindIdAsync(string code) => TermIdAsync(Vocabularies.MeetingKind, code);

    Task<int> TermIdAsync(string vocabulary, string code) =>
        factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync());

    Task<int> OrganisationAsync(string name, string country = "VN", int? parent = null, int? successor = null, string? abbreviation = null) =>
        factory.WithDbAsync(async db =>
        {
            var code = parent is null ? "ministry" : "department";
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind && t.Code == code).Select(t => t.Id).SingleAsync();
            var o = new Organisation { KindId = kind, Country = country, Name = new LocalizedText(name, name + " (en)"), Abbreviation = abbreviation, ParentId = parent, SuccessorId = successor };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });

    async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/meetings", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task CoordinatorRecordsAConferenceKnownToTheMonthAndSeesNoMadeUpDay()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var number = NewNumber();
        var response = await client.SubmitFormAsync("/meetings/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindIdAsync("ministerial-conference")).ToString(),
            ["Input.Number"] = number.ToString(),
            ["Input.TitleVi"] = "Hội nghị Bộ trưởng Việt Nam – Lào về lao động",
            ["Input.Place"] = "Đà Nẵng",
            ["Input.Starts"] = "04/2017",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();
        var page = await client.GetPageAsync(url);
        Assert.Contains("Hội nghị Bộ trưởng Việt Nam – Lào về lao động", page.QuerySelector("h1")!.TextContent);
        var date = page.QuerySelector("#meeting-date")!.TextContent;
        Assert.Contains("04/2017", date);
        Assert.DoesNotContain("01/04/2017", date);
        Assert.Contains($"lần thứ {number}", page.QuerySelector("dl")!.TextContent);

        var list = await client.GetPageAsync("/meetings?year=2017");
        var row = list.QuerySelectorAll("#results tbody tr").Single(r => r.QuerySelector($"a[href='{url}']") is not null);
        Assert.Contains("04/2017", row.TextContent);
        Assert.DoesNotContain("01/04/2017", row.TextContent);
        Assert.Contains($"lần thứ {number}", row.TextContent);
    }

    [Fact]
    public async Task EnglishReaderSeesTheConferenceNumberAsAnOrdinalAndTheMonthSpelledOut()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        const int number = 902;
        var created = await CreateAsync(client, new { kindId = await KindIdAsync("ministerial-conference"), number, titleEn = "Ministerial conference", starts = "11/2025" });
        var page = await client.GetPageAsync($"/meetings/{created.GetProperty("id").GetInt32()}");
        Assert.Contains($"{number}nd", page.QuerySelector("dl")!.TextContent);
        Assert.Contains("November 2025", page.QuerySelector("#meeting-date")!.TextContent);
    }

    [Fact]
    public async Task SeniorOfficialsMeetingThatPreparesAConferenceIsLinkedFromBothPages()
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var conference = await CreateAsync(client, new { kindId = await KindIdAsync("ministerial-conference"), number = NewNumber(), titleVi = "Hội nghị Bộ trưởng lần thứ 9", starts = "12/11/2025", place = "Ninh Bình" });
        var conferenceId = conference.GetProperty("id").GetInt32();

        var response = await client.SubmitFormAsync("/meetings/new", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindIdAsync("senior-officials-meeting")).ToString(),
            ["Input.TitleVi"] = "Họp cấp cao viên chức chuẩn bị Hội nghị lần thứ 9",
            ["Input.Starts"] = "11/11/2025",
            ["Input.PreparesId"] = conferenceId.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var somUrl = response.Headers.Location!.ToString();

        var som = await client.GetPageAsync(somUrl);
        Assert.NotNull(som.QuerySelector($"#prepares a[href='/meetings/{conferenceId}']"));
        var conferencePage = await client.GetPageAsync($"/meetings/{conferenceId}");
        var back = conferencePage.QuerySelector($"#prepared-by a[href='{somUrl}']");
        Assert.NotNull(back);
        Assert.Contains("Họp cấp cao viên chức chuẩn bị", back!.TextContent);
    }

    [Fact]
    public async Task ConferencePageListsTheCommitmentsOfTheMinutesSignedThere()
    {
        var client = await factory.CoordinatorAsync();
        var conference = await CreateAsync(client, new { kindId = await KindIdAsync("ministerial-conference"), number = NewNumber(), titleVi = "Hội nghị có biên bản", starts = "12/11/2025" });
        var conferenceId = conference.GetProperty("id").GetInt32();
        var department = await OrganisationAsync("Vụ Hợp tác quốc tế (thử)", abbreviation: "ICD-T");
        var (minutesId, otherId) = await factory.WithDbAsync(async db =>
        {
            var minutesKind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "minutes").Select(t => t.Id).SingleAsync();
            var area = await db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.Code == "meritorious-service").Select(t => t.Id).SingleAsync();
            var minutes = new Instrument { KindId = minutesKind, Title = new LocalizedText("Biên bản Hội nghị lần thứ 9 (thử)"), Status = InstrumentStatus.Signed, MeetingId = conferenceId };
            var elsewhere = new Instrument { KindId = minutesKind, Title = new LocalizedText("Biên bản của cuộc họp khác"), Status = InstrumentStatus.Signed };
            db.Instruments.AddRange(minutes, elsewhere);
            await db.SaveChangesAsync();
            db.Commitments.AddRange(
                new Commitment
                {
                    InstrumentId = minutes.Id, Number = "2.1", Sequence = 2, AreaId = area, PeriodStart = 2026, PeriodEnd = 2027, Status = CommitmentStatus.InProgress,
                    Text = new LocalizedText("Phối hợp cất bốc, hồi hương hài cốt liệt sĩ (thử)"),
                    Leads = [new CommitmentLead { OrganisationId = department, Country = "VN" }],
                },
                new Commitment
                {
                    InstrumentId = minutes.Id, Number = "1", Sequence = 1, AreaId = area, PeriodStart = 2026, PeriodEnd = 2027, Status = CommitmentStatus.NotStarted,
                    Text = new LocalizedText("Trao đổi kinh nghiệm chính sách người có công (thử)"),
                },
                new Commitment
                {
                    InstrumentId = elsewhere.Id, Number = "9", Sequence = 1, AreaId = area, PeriodStart = 2026, PeriodEnd = 2027,
                    Text = new LocalizedText("Cam kết của văn kiện khác"),
                });
            await db.SaveChangesAsync();
            return (minutes.Id, elsewhere.Id);
        });

        var page = await client.GetPageAsync($"/meetings/{conferenceId}");
        Assert.NotNull(page.QuerySelector($"#signed-here ~ article a[href='/instruments/{minutesId}']"));
        var rows = page.QuerySelectorAll("table.commitments tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        // In the order of the minutes, not of entry.
        Assert.StartsWith("1", rows[0].TextContent.Trim());
        Assert.Contains("Phối hợp cất bốc, hồi hương hài cốt liệt sĩ (thử)", rows[1].TextContent);
        Assert.Contains("2.1", rows[1].TextContent);
        Assert.Contains("Người có công", rows[1].TextContent);
        Assert.Contains("Đang thực hiện", rows[1].TextContent);
        Assert.Contains("ICD-T", rows[1].TextContent);
        Assert.DoesNotContain("Cam kết của văn kiện khác", page.Body!.TextContent);
        Assert.Null(page.QuerySelector($"a[href='/instruments/{otherId}']"));
    }

    [Fact]
    public async Task FormShowsMissingNumberEndBeforeStartAndPreparingItselfAllAtOnceAndSavesNothing()
    {
        var client = await factory.CoordinatorAsync();
        var workshop = await CreateAsync(client, new { kindId = await KindIdAsync("workshop"), titleVi = "Hội thảo trực tuyến", isOnline = true, starts = "19/10/2021" });
        var id = workshop.GetProperty("id").GetInt32();
        var response = await client.SubmitFormAsync($"/meetings/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await KindIdAsync("ministerial-conference")).ToString(),
            ["Input.Number"] = "",
            ["Input.TitleVi"] = "Đã đổi tên",
            ["Input.Starts"] = "12/11/2025",
            ["Input.Ends"] = "10/11/2025",
            ["Input.PreparesId"] = id.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Hội nghị Bộ trưởng cần ghi lần thứ (ví dụ 9).", page.ErrorFor("Input.Number"));
        Assert.Equal("Ngày kết thúc không được trước ngày bắt đầu.", page.ErrorFor("Input.Ends"));
        Assert.Equal("Một cuộc họp không thể chuẩn bị cho chính nó.", page.ErrorFor("Input.PreparesId"));
        Assert.NotNull(page.QuerySelector("#error-summary"));
        // What was typed stays in the form.
        Assert.Equal("Đã đổi tên", page.QuerySelector("input[name='Input.TitleVi']")!.GetAttribute("value"));

        var saved = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.Title.Vi, m.StartsOn, m.Version, m.PreparesId }).SingleAsync());
        Assert.Equal("Hội thảo trực tuyến", saved.Vi);
        Assert.Equal(new DateOnly(2021, 10, 19), saved.StartsOn);
        Assert.Null(saved.PreparesId);
        Assert.Equal(workshop.GetProperty("version").GetInt32(), saved.Version);
    }

    [Fact]
    public async Task EndGivenOnlyToTheMonthIsRefusedRatherThanShownWithAMadeUpDay()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.PostAsJsonAsync("/api/meetings", new { kindId = await KindIdAsync("workshop"), titleEn = "Workshop", starts = "10/2021", ends = "11/2021" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Give the end as day/month/year, or leave it empty.", errors.GetProperty("ends")[0].GetString());
    }

    [Fact]
    public async Task MeetingThatWouldPrepareOneOfItsOwnPreparationsIsRefused()
    {
        var client = await factory.CoordinatorAsync();
        var workshop = await CreateAsync(client, new { kindId = await KindIdAsync("workshop"), titleEn = "Preparatory workshop" });
        var som = await CreateAsync(client, new { kindId = await KindIdAsync("senior-officials-meeting"), titleEn = "Senior officials' meeting" });
        var workshopId = workshop.GetProperty("id").GetInt32();
        var somId = som.GetProperty("id").GetInt32();
        // The workshop prepares the senior officials' meeting...
        var first = await client.PutAsJsonAsync($"/api/meetings/{workshopId}", new { kindId = await KindIdAsync("workshop"), titleEn = "Preparatory workshop", preparesId = somId, version = workshop.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // ...so the senior officials' meeting cannot prepare the workshop.
        var loop = await client.PutAsJsonAsync($"/api/meetings/{somId}", new { kindId = await KindIdAsync("senior-officials-meeting"), titleEn = "Senior officials' meeting", preparesId = workshopId, version = som.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.BadRequest, loop.StatusCode);
        Assert.Contains("preparesId", (await loop.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task TwoConferencesCannotShareANumber()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var kind = await KindIdAsync("ministerial-conference");
        var number = NewNumber();
        await CreateAsync(client, new { kindId = kind, number, titleEn = "First" });
        var again = await client.PostAsJsonAsync("/api/meetings", new { kindId = kind, number, titleEn = "Second" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("Another meeting of this kind already has this number.",
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("number")[0].GetString());
        // The same number on another kind of meeting is no clash.
        await CreateAsync(client, new { kindId = await KindIdAsync("working-group"), number, titleEn = "Working group session" });
    }

    [Fact]
    public async Task UnknownMeetingGivesNotFoundOnEveryPageAndEndpoint()
    {
        var client = await factory.CoordinatorAsync();
        var page = await client.GetPageAsync("/meetings/987654", HttpStatusCode.NotFound);
        Assert.Contains("Không tìm thấy", page.QuerySelector("h1")!.TextContent);
        await client.GetPageAsync("/meetings/987654/edit", HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/meetings/987654")).StatusCode);
        var put = await client.PutAsJsonAsync("/api/meetings/987654", new { kindId = await KindIdAsync("workshop"), titleEn = "x" });
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
    }

    [Fact]
    public async Task ApiCreatesAMeetingWithChairsAndParticipantsAndReturnsItWhole()
    {
        var client = await factory.CoordinatorAsync();
        var ministry = await OrganisationAsync("Bộ Lao động và Phúc lợi xã hội (thử)", "LA");
        var person = await factory.WithDbAsync(async db =>
        {
            var p = new Person { Name = "Phosay Sayasone (thử)", Position = new LocalizedText("Bộ trưởng", "Minister"), OrganisationId = ministry };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var created = await CreateAsync(client, new
        {
            kindId = await KindIdAsync("ministerial-conference"), number = NewNumber(), titleVi = "Hội nghị", titleEn = "Conference",
            starts = "12/11/2025", ends = "13/11/2025", agendaEn = "Evaluate results 2024-2025\n\n  Cooperation plan 2026-2027  ",
            chairIds = new[] { person }, participantIds = new[] { ministry },
        });
        Assert.Equal("2025-11-12", created.GetProperty("starts").GetString());
        Assert.Equal("2025-11-13", created.GetProperty("endsOn").GetString());
        Assert.Equal("Phosay Sayasone (thử)", created.GetProperty("chairs")[0].GetProperty("name").GetString());
        Assert.Equal(ministry, created.GetProperty("participants")[0].GetProperty("id").GetInt32());
        Assert.Equal("Evaluate results 2024-2025\nCooperation plan 2026-2027", created.GetProperty("agenda").GetProperty("en").GetString());

        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await client.GetPageAsync($"/meetings/{created.GetProperty("id").GetInt32()}");
        Assert.Equal(["Evaluate results 2024-2025", "Cooperation plan 2026-2027"], page.QuerySelectorAll("dd ol li").Select(li => li.TextContent).ToArray());
        Assert.Contains("12–13 November 2025", page.QuerySelector("#meeting-date")!.TextContent);
    }

    [Fact]
    public async Task ApiRejectsInvalidInputWithProblemDetailsNamingEveryField()
    {
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var before = await factory.WithDbAsync(db => db.Meetings.CountAsync());
        var response = await client.PostAsJsonAsync("/api/meetings", new { number = 0, starts = "soon", chairIds = new[] { 987654 } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var fields = errors.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("kindId", fields);
        Assert.Contains("titleVi", fields);
        Assert.Contains("starts", fields);
        Assert.Contains("chairIds", fields);
        Assert.Equal("The value must be between 1 and 999.", errors.GetProperty("number")[0].GetString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task SecondEditorsStaleSaveIsRefusedEvenWhenOnlyTheChairsChanged()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("working-group");
        var ministry = await OrganisationAsync("Bộ thử nghiệm xung đột");
        var person = await factory.WithDbAsync(async db =>
        {
            var p = new Person { Name = "Người chủ trì (thử)", OrganisationId = ministry };
            db.People.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        var created = await CreateAsync(client, new { kindId = kind, titleEn = "Working group v1" });
        var id = created.GetProperty("id").GetInt32();
        var version = created.GetProperty("version").GetInt32();

        var first = await client.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = kind, titleEn = "Working group v1", chairIds = new[] { person }, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32() > version);
        var second = await client.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = kind, titleEn = "Working group edited by B", version });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);

        var saved = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => new { m.Title.En, Chairs = m.Chairs.Count }).SingleAsync());
        Assert.Equal("Working group v1", saved.En);
        Assert.Equal(1, saved.Chairs);
    }

    [Fact]
    public async Task StaleSaveFromTheFormShowsTheConflictMessageAndKeepsTheOtherEdit()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("internal-review");
        var created = await CreateAsync(client, new { kindId = kind, titleVi = "Tổng kết công tác đối ngoại" });
        var id = created.GetProperty("id").GetInt32();
        var page = await client.GetPageAsync($"/meetings/{id}/edit");
        var staleVersion = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value");
        (await client.PutAsJsonAsync($"/api/meetings/{id}", new { kindId = kind, titleVi = "Sửa bởi người khác", version = created.GetProperty("version").GetInt32() })).EnsureSuccessStatusCode();

        var response = await client.SubmitFormAsync($"/meetings/{id}/edit", new Dictionary<string, string?>
        {
            ["Input.Version"] = staleVersion,
            ["Input.TitleVi"] = "Sửa bởi tôi",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("vừa được người khác sửa", result.QuerySelector("#conflict-message")!.TextContent);
        Assert.Equal("Sửa bởi người khác", await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Title.Vi).SingleAsync()));
    }

    [Fact]
    public async Task FilterByOrganisationFindsAPredecessorsMeetingFromTheSuccessor()
    {
        var client = await factory.CoordinatorAsync();
        var successor = await OrganisationAsync("Bộ Nội vụ (thử)");
        var predecessor = await OrganisationAsync("Bộ Lao động - Thương binh và Xã hội (thử)", successor: successor);
        var department = await OrganisationAsync("Vụ Hợp tác quốc tế của Bộ cũ (thử)", parent: predecessor);
        var unrelated = await OrganisationAsync("Bộ khác (thử)");
        var kind = await KindIdAsync("workshop");
        var predecessorsMeeting = (await CreateAsync(client, new { kindId = kind, titleVi = "Hội thảo của Bộ cũ", starts = "19/10/2021", participantIds = new[] { predecessor } })).GetProperty("id").GetInt32();
        var departmentsMeeting = (await CreateAsync(client, new { kindId = kind, titleVi = "Hội thảo của Vụ", participantIds = new[] { department } })).GetProperty("id").GetInt32();
        var otherMeeting = (await CreateAsync(client, new { kindId = kind, titleVi = "Hội thảo của Bộ khác", participantIds = new[] { unrelated } })).GetProperty("id").GetInt32();

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/meetings?organisation={successor}");
        var ids = found.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(predecessorsMeeting, ids);
        Assert.Contains(departmentsMeeting, ids);
        Assert.DoesNotContain(otherMeeting, ids);

        // The predecessor's own list does not reach forward to its successor's meetings.
        var successorsOwn = (await CreateAsync(client, new { kindId = kind, titleVi = "Hội thảo của Bộ mới", participantIds = new[] { successor } })).GetProperty("id").GetInt32();
        var page = await client.GetPageAsync($"/meetings?organisation={predecessor}");
        Assert.NotNull(page.QuerySelector($"#results a[href='/meetings/{predecessorsMeeting}']"));
        Assert.Null(page.QuerySelector($"#results a[href='/meetings/{successorsOwn}']"));
    }

    [Fact]
    public async Task YearFilterFindsAMeetingKnownOnlyToTheMonthAndRangeFindsIt()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("internal-review");
        var id = (await CreateAsync(client, new { kindId = kind, titleEn = "Review known to the month", starts = "11/2031" })).GetProperty("id").GetInt32();
        async Task<List<int>> Ids(string query) =>
            (await client.GetFromJsonAsync<JsonElement>($"/api/meetings?kind={kind}&{query}")).GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(id, await Ids("year=2031"));
        Assert.DoesNotContain(id, await Ids("year=2030"));
        // November 2031 may have been the 20th: a range from the 15th finds it.
        Assert.Contains(id, await Ids("from=2031-11-15&to=2031-11-30"));
        Assert.DoesNotContain(id, await Ids("from=2031-12-01"));
    }

    [Fact]
    public async Task ListIsNewestFirstWithUndatedLastAndPagedWithoutRepeatsOrGaps()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await KindIdAsync("working-group");
        var place = $"Paging-{Guid.NewGuid():N}";
        string?[] dates = ["2032", "05/2033", null, "01/01/2034", null, "2033", "12/12/2032"];
        foreach (var d in dates)
            await CreateAsync(client, new { kindId = kind, titleEn = "Session " + d, place, starts = d });
        var seen = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/meetings?kind={kind}&q={place}&size=3" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            after = page.GetProperty("next").GetString();
        } while (after is not null);
        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Select(x => x.GetProperty("id").GetInt32()).Distinct().Count());
        // Each date at the precision it is known to, ISO 8601 reduced precision.
        var starts = seen.Select(x => x.GetProperty("starts").ValueKind == JsonValueKind.Null ? "-" : x.GetProperty("starts").GetString());
        Assert.Equal("2034-01-01,2033-05,2033,2032-12-12,2032,-,-", string.Join(",", starts));
    }
}

public sealed class MeetingsOnSqlite(SqliteFactory factory) : MeetingsTests(factory), IClassFixture<SqliteFactory>;
public sealed class MeetingsOnPostgres(PostgresFactory factory) : MeetingsTests(factory), IClassFixture<PostgresFactory>;
