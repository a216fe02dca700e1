using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Access;

// A record restricted to one side is, for the other side and for the public, as if it did not exist:
// not by its address, not by its id typed in a form or a JSON body, not in a list, a filter, a search,
// a count, or as the parent of something shared.
public abstract class RestrictedRecordsTests(ConcordFactory factory)
{
    // Restricted to Laos: a meeting, the instrument signed there, a clause of it (led by a Lao department made
    // for the test) with a Lao report, and an activity carrying the clause out. Beside them, records that
    // are shared but sit in or point at the restricted ones: a report left "both sides" on the restricted
    // clause, a "both sides" clause of the restricted instrument, an activity held at the restricted meeting
    // for the restricted clause, an instrument implementing the restricted one.
    public sealed record Secret(string Marker, int Department, int Meeting, int Instrument, int Commitment, int Report, int Activity,
        int SharedReport, int SharedClause, int SharedActivity, int SharedInstrument, int VisibleCommitment);

    protected async Task<Secret> CreateSecretAsync() => await factory.WithDbAsync(async db =>
    {
        var marker = "zkinlao" + Guid.NewGuid().ToString("N")[..8];
        async Task<int> Term(string vocabulary, string code) => await db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync();
        var ministry = await db.Organisations.Where(o => o.Key == "la-mlsw").Select(o => o.Id).SingleAsync();
        var department = new Organisation
        {
            // Organisations are not restricted: its name is not the marker.
            Key = "access-test-" + Guid.NewGuid().ToString("N")[..8], KindId = await Term(Vocabularies.OrganisationKind, "department"), Country = "LA", ParentId = ministry,
            Name = new LocalizedText("Phòng thử quyền truy cập", "Access test department"),
        };
        db.Organisations.Add(department);
        await db.SaveChangesAsync();

        T Restricted<T>(T record) where T : IRestrictable { record.Visibility = Visibility.Restricted; record.RestrictedTo = Sides.Laos; return record; }
        var meeting = Restricted(new Meeting
        {
            KindId = await Term(Vocabularies.MeetingKind, "senior-officials-meeting"), Title = new LocalizedText($"Họp kín {marker}", $"Closed meeting {marker}"),
            StartsOn = new DateOnly(2026, 3, 2), StartsOnPrecision = DatePrecision.Day,
        });
        var instrument = Restricted(new Instrument
        {
            KindId = await Term(Vocabularies.InstrumentKind, "minutes"), Title = new LocalizedText($"Biên bản kín {marker}", $"Closed minutes {marker}"),
            Status = InstrumentStatus.Signed, SignedOn = new DateOnly(2026, 3, 3), SignedOnPrecision = DatePrecision.Day, Meeting = meeting,
        });
        var area = await Term(Vocabularies.Area, "vocational-education");
        var commitment = Restricted(new Commitment
        {
            Instrument = instrument, Number = "1", Sequence = 1, Text = new LocalizedText($"Điều khoản kín {marker}", $"Closed clause {marker}"),
            AreaId = area, Period = new Period(2026, 2027), Status = CommitmentStatus.InProgress,
            Leads = [new CommitmentLead { OrganisationId = department.Id, Country = Sides.Laos }],
        });
        var report = Restricted(new ProgressReport
        {
            Commitment = commitment, Country = Sides.Laos, OrganisationId = department.Id, Period = new Period(2026, 2026),
            ReportedOn = new DateOnly(2026, 6, 1), Status = CommitmentStatus.InProgress, Narrative = new LocalizedText(null, $"Closed report {marker}"),
        });
        var activityKind = await Term(Vocabularies.ActivityKind, "training");
        var activity = Restricted(new Activity
        {
            KindId = activityKind, Title = new LocalizedText($"Hoạt động kín {marker}", $"Closed activity {marker}"), Meeting = meeting,
            Commitments = [new ActivityCommitment { Commitment = commitment }],
        });
        var sharedReport = new ProgressReport
        {
            Commitment = commitment, Country = Sides.Laos, Period = new Period(2026, 2026), ReportedOn = new DateOnly(2026, 7, 1),
            Status = CommitmentStatus.InProgress, Narrative = new LocalizedText(null, $"Shared report on a closed clause {marker}"),
        };
        var sharedClause = new Commitment
        {
            Instrument = instrument, Number = "2", Sequence = 2, Text = new LocalizedText(null, $"Shared clause of closed minutes {marker}"),
            AreaId = area, Period = new Period(2026, 2027), Status = CommitmentStatus.NotStarted,
        };
        var sharedActivity = new Activity
        {
            KindId = activityKind, Title = new LocalizedText("Hoạt động chung (thử quyền)", "Shared activity (access test)"), Meeting = meeting,
            Commitments = [new ActivityCommitment { Commitment = commitment }],
        };
        var sharedInstrument = new Instrument
        {
            KindId = await Term(Vocabularies.InstrumentKind, "minutes"), Title = new LocalizedText("Biên bản chung (thử quyền)", "Shared minutes (access test)"),
            Status = InstrumentStatus.Signed, LinksFrom = [new InstrumentLink { To = instrument, Kind = InstrumentLinkKind.Implements }],
        };
        var visible = new Commitment
        {
            Instrument = sharedInstrument, Number = "1", Sequence = 1, Text = new LocalizedText(null, "A clause both sides see (access test)"),
            AreaId = area, Period = new Period(2026, 2027), Status = CommitmentStatus.InProgress,
        };
        db.AddRange(meeting, instrument, commitment, report, activity, sharedReport, sharedClause, sharedActivity, sharedInstrument, visible);
        await db.SaveChangesAsync();
        return new Secret(marker, department.Id, meeting.Id, instrument.Id, commitment.Id, report.Id, activity.Id,
            sharedReport.Id, sharedClause.Id, sharedActivity.Id, sharedInstrument.Id, visible.Id);
    });

    // Who is refused before the record is looked up: nobody (reading), readers and the anonymous (editing
    // and reporting), the anonymous (history, for signed-in users).
    public enum Gate { None, Editors, SignedIn }

    // The pages and API addresses of the restricted records.
    static IEnumerable<(string Url, Gate Gate)> Addresses(Secret s) =>
    [
        ($"/instruments/{s.Instrument}", Gate.None), ($"/instruments/{s.Instrument}/edit", Gate.Editors),
        ($"/api/instruments/{s.Instrument}", Gate.None), ($"/instruments/{s.Instrument}/history", Gate.SignedIn),
        ($"/meetings/{s.Meeting}", Gate.None), ($"/meetings/{s.Meeting}/edit", Gate.Editors), ($"/api/meetings/{s.Meeting}", Gate.None),
        ($"/meetings/{s.Meeting}/history", Gate.SignedIn),
        ($"/instruments/{s.Instrument}/bilingual", Gate.None), ($"/meetings/{s.Meeting}/bilingual", Gate.None),
        ($"/commitments/{s.Commitment}", Gate.None), ($"/commitments/{s.Commitment}/edit", Gate.Editors), ($"/commitments/{s.Commitment}/carry-over", Gate.Editors),
        ($"/commitments/{s.Commitment}/reports/new", Gate.Editors), ($"/commitments/{s.Commitment}/reports/{s.Report}/edit", Gate.Editors),
        ($"/commitments/{s.Commitment}/history", Gate.SignedIn), ($"/commitments/{s.Commitment}/reports/{s.Report}/history", Gate.SignedIn),
        ($"/commitments/{s.Commitment}/reports/{s.SharedReport}/history", Gate.SignedIn),
        ($"/api/commitments/{s.Commitment}", Gate.None), ($"/api/commitments/{s.Commitment}/reports", Gate.None),
        ($"/api/reports/{s.Report}", Gate.None), ($"/api/reports/{s.SharedReport}", Gate.None),
        ($"/commitments/{s.SharedClause}", Gate.None), ($"/api/commitments/{s.SharedClause}", Gate.None), ($"/commitments/{s.SharedClause}/history", Gate.SignedIn),
        ($"/activities/{s.Activity}", Gate.None), ($"/activities/{s.Activity}/edit", Gate.Editors), ($"/api/activities/{s.Activity}", Gate.None),
        ($"/activities/{s.Activity}/history", Gate.SignedIn),
        ($"/commitments/new?instrument={s.Instrument}", Gate.Editors),
    ];

    [Fact]
    public async Task RecordsRestrictedToLaosAreNotFoundByAddressForTheVietnameseSideOrTheAnonymous()
    {
        var s = await CreateSecretAsync();
        var users = new (string Name, HttpClient Client, HttpStatusCode ForEditors, HttpStatusCode ForSignedIn)[]
        {
            ("coordinator VN", await factory.CoordinatorAsync(redirects: false), HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            ("reader VN", await factory.ClientAsync(Role.Reader, "vn-moha", redirects: false), HttpStatusCode.Forbidden, HttpStatusCode.NotFound),
            ("anonymous", factory.NoRedirects(), HttpStatusCode.Redirect, HttpStatusCode.Redirect),
        };
        var wrong = new List<string>();
        foreach (var (name, client, forEditors, forSignedIn) in users)
        {
            foreach (var (url, gate) in Addresses(s))
            {
                var response = await client.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var expected = gate switch { Gate.Editors => forEditors, Gate.SignedIn => forSignedIn, _ => HttpStatusCode.NotFound };
                if (response.StatusCode != expected || body.Contains(s.Marker))
                    wrong.Add($"GET {url} as {name}: {(int)response.StatusCode}{(body.Contains(s.Marker) ? " with the restricted text" : "")}, expected {(int)expected}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task TheVietnameseSideCannotChangeALaoRestrictedRecordThroughTheApiOrItsForms()
    {
        var s = await CreateSecretAsync();
        var client = await factory.CoordinatorAsync(redirects: false);
        var report = new { country = "VN", organisationId = (int?)null, period = "2026", status = "InProgress", narrativeEn = "VN writes", reportedOn = "2026-01-01" };
        var attempts = new (string Method, string Url, object Body)[]
        {
            ("PUT", $"/api/instruments/{s.Instrument}", new { titleEn = "Taken over", kindId = 1, status = "Signed" }),
            ("PUT", $"/api/meetings/{s.Meeting}", new { titleEn = "Taken over", kindId = 1 }),
            ("PUT", $"/api/commitments/{s.Commitment}", new { textEn = "Taken over" }),
            ("POST", $"/api/commitments/{s.Commitment}/carry-over", new { instrumentId = s.SharedInstrument }),
            ("POST", $"/api/commitments/{s.Commitment}/reports", report),
            ("PUT", $"/api/reports/{s.Report}", report),
            ("PUT", $"/api/reports/{s.SharedReport}", report),
            ("PUT", $"/api/activities/{s.Activity}", new { titleEn = "Taken over", kindId = 1 }),
        };
        var wrong = new List<string>();
        foreach (var (method, url, body) in attempts)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(body) });
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"{method} {url}: {(int)response.StatusCode}");
        }
        // A form posted straight at the address, with a valid antiforgery token, fares no better.
        var token = (await client.GetPageAsync("/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var url in new[] { $"/instruments/{s.Instrument}/edit", $"/meetings/{s.Meeting}/edit", $"/commitments/{s.Commitment}/edit",
            $"/commitments/{s.Commitment}?handler=Status", $"/commitments/{s.Commitment}/carry-over", $"/commitments/{s.Commitment}/reports/new",
            $"/commitments/{s.Commitment}/reports/{s.Report}/edit", $"/activities/{s.Activity}/edit",
            $"/instruments/{s.Instrument}/edit?handler=Merge", $"/meetings/{s.Meeting}/edit?handler=Merge", $"/commitments/{s.Commitment}/edit?handler=Merge",
            $"/commitments/{s.Commitment}?handler=Merge", $"/commitments/{s.Commitment}/reports/{s.Report}/edit?handler=Merge",
            $"/commitments/{s.Commitment}/reports/{s.SharedReport}/edit?handler=Merge", $"/activities/{s.Activity}/edit?handler=Merge" })
        {
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Input.TitleEn"] = "Taken over", ["Input.TextEn"] = "Taken over", ["Input.Country"] = "VN",
                ["status"] = "Done",
            }));
            if (response.StatusCode != HttpStatusCode.NotFound) wrong.Add($"POST {url}: {(int)response.StatusCode}");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var unchanged = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == s.Instrument).Select(i => i.Title.En).SingleAsync());
        Assert.Equal($"Closed minutes {s.Marker}", unchanged);
    }

    [Fact]
    public async Task ListsFiltersSearchAndCountsOfTheVietnameseSideLeaveOutWhatIsRestrictedToLaos()
    {
        var vietnam = await factory.CoordinatorAsync();
        var laos = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        var (vietnamPlan, laoPlan) = (await PlanTotalAsync(vietnam), await PlanTotalAsync(laos));
        var s = await CreateSecretAsync();
        string[] urls =
        [
            "/instruments", "/meetings", "/commitments", "/commitments?period=2026-2027", $"/commitments?instrument={s.Instrument}",
            $"/commitments?organisation={s.Department}", "/activities", $"/activities?commitment={s.Commitment}", $"/activities?meeting={s.Meeting}",
            "/api/instruments", "/api/meetings", "/api/commitments", $"/api/commitments?instrument={s.Instrument}", $"/api/commitments?organisation={s.Department}",
            "/api/activities", $"/api/activities?commitment={s.Commitment}", $"/api/activities?meeting={s.Meeting}",
            $"/search?q={Prefix(s)}", $"/api/search?q={Prefix(s)}", $"/search?q={Prefix(s)}&type=reports", $"/api/search?q={Prefix(s)}&type=commitments",
            "/", $"/organisations/{s.Department}", $"/api/organisations/{s.Department}",
            $"/activities/{s.SharedActivity}", $"/api/activities/{s.SharedActivity}", $"/instruments/{s.SharedInstrument}", $"/api/instruments/{s.SharedInstrument}",
            $"/activities/new?commitment={s.Commitment}&meeting={s.Meeting}", $"/commitments/{s.VisibleCommitment}/carry-over",
            $"/instruments/{s.SharedInstrument}/bilingual",
        ];
        var leaks = new List<string>();
        foreach (var url in urls)
        {
            var body = await vietnam.GetStringAsync(url);
            if (body.Contains(s.Marker)) leaks.Add(url);
            foreach (var link in new[] { $"/instruments/{s.Instrument}", $"/meetings/{s.Meeting}", $"/commitments/{s.Commitment}", $"/activities/{s.Activity}" })
                if (body.Contains($"\"{link}\"")) leaks.Add($"{url} links to {link}");
        }
        // Nor does the change log show a Vietnamese administrator the values of what is kept to Laos.
        var administrator = await factory.ClientAsync(Role.Administrator, TestAccounts.VietnamCooperation);
        foreach (var url in new[] { "/admin/changes", "/admin/changes/export" })
            if ((await administrator.GetStringAsync(url)).Contains(s.Marker)) leaks.Add(url + " (administrator)");
        Assert.True(leaks.Count == 0, "The restricted records show for the Vietnamese side on:\n" + string.Join("\n", leaks));
        Assert.Contains(s.Marker, await (await factory.ClientAsync(Role.Administrator, TestAccounts.LaoCooperation)).GetStringAsync("/admin/changes/export"));

        // The same places show them to the Lao side, so the checks above look where the records would be.
        foreach (var (url, text) in new[]
        {
            ("/instruments", s.Marker), ("/commitments?period=2026-2027", s.Marker), ($"/activities?meeting={s.Meeting}", s.Marker),
            ($"/search?q={Prefix(s)}", $"\"/commitments/{s.Commitment}\""), ($"/api/search?q={Prefix(s)}&type=reports", "\"count\":2"),
            ($"/instruments/{s.SharedInstrument}", s.Marker), ($"/activities/{s.SharedActivity}", s.Marker),
        })
            Assert.True((await laos.GetStringAsync(url)).Contains(text), $"The Lao side does not see its record on {url}");

        // Counts: both sides' plans gain the clause both see, the Lao side's also the two clauses of the restricted
        // minutes; the department leads one clause for Laos and none for Vietnam.
        Assert.Equal(vietnamPlan + 1, await PlanTotalAsync(vietnam));
        Assert.Equal(laoPlan + 3, await PlanTotalAsync(laos));
        Assert.Equal(0, await LedCountAsync(vietnam, s.Department));
        Assert.Equal(1, await LedCountAsync(laos, s.Department));
    }

    [Fact]
    public async Task TheOtherSidesRestrictedRecordsCannotBeLinkedByTypingTheirIds()
    {
        var s = await CreateSecretAsync();
        var client = await factory.CoordinatorAsync(redirects: false);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var unknown = new List<string>();

        async Task Form(string url, Dictionary<string, string?> fields, params string[] refused)
        {
            var response = await client.SubmitFormAsync(url, fields);
            var html = await response.Content.ReadAsStringAsync();
            var page = await Html.ParseAsync(html);
            if (response.StatusCode != HttpStatusCode.OK) unknown.Add($"{url}: {(int)response.StatusCode}, expected the form back with errors");
            foreach (var field in refused.Where(f => page.ErrorFor(f).Length == 0)) unknown.Add($"{url}: no error beside {field}");
            if (html.Contains(s.Marker)) unknown.Add($"{url}: shows the restricted text");
        }
        async Task Api(string url, object body, params string[] refused)
        {
            var response = await client.PostAsJsonAsync(url, body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest) { unknown.Add($"{url}: {(int)response.StatusCode}, expected 400"); return; }
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            foreach (var field in refused.Where(f => !errors.TryGetProperty(f, out _))) unknown.Add($"{url}: no error for {field}");
            if (text.Contains(s.Marker)) unknown.Add($"{url}: shows the restricted text");
        }

        await Form("/activities/new", new() { ["AddCommitmentIds"] = s.Commitment.ToString(), ["Input.MeetingId"] = s.Meeting.ToString() },
            "Input.CommitmentIds", "Input.MeetingId");
        await Api("/api/activities", new { commitmentIds = new[] { s.Commitment }, meetingId = s.Meeting }, "commitmentIds", "meetingId");
        await Form("/instruments/new", new() { ["Input.ImplementsIds"] = s.Instrument.ToString(), ["Input.MeetingId"] = s.Meeting.ToString() },
            "Input.ImplementsIds", "Input.MeetingId");
        await Api("/api/instruments", new { implementsIds = new[] { s.Instrument }, amendsIds = new[] { s.Instrument }, meetingId = s.Meeting },
            "implementsIds", "amendsIds", "meetingId");
        await Form("/commitments/new", new() { ["Input.InstrumentId"] = s.Instrument.ToString() }, "Input.InstrumentId");
        await Api("/api/commitments", new { instrumentId = s.Instrument }, "instrumentId");
        await Form("/meetings/new", new() { ["Input.PreparesId"] = s.Meeting.ToString() }, "Input.PreparesId");
        await Api("/api/meetings", new { preparesId = s.Meeting }, "preparesId");
        await Form($"/commitments/{s.VisibleCommitment}/carry-over", new() { ["Input.InstrumentId"] = s.Instrument.ToString() }, "Input.InstrumentId");
        await Api($"/api/commitments/{s.VisibleCommitment}/carry-over", new { instrumentId = s.Instrument }, "instrumentId");
        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public async Task TheLaoSideSeesAndEditsWhatIsRestrictedToIt()
    {
        var s = await CreateSecretAsync();
        foreach (var client in new[] { await factory.CoordinatorAsync(TestAccounts.LaoCooperation), await factory.ClientAsync(Role.Reader, "la-mlsw") })
        {
            foreach (var url in new[] { $"/instruments/{s.Instrument}", $"/meetings/{s.Meeting}", $"/commitments/{s.Commitment}", $"/activities/{s.Activity}",
                $"/api/instruments/{s.Instrument}", $"/api/meetings/{s.Meeting}", $"/api/commitments/{s.Commitment}", $"/api/reports/{s.Report}",
                $"/api/reports/{s.SharedReport}", $"/api/activities/{s.Activity}", $"/commitments/{s.SharedClause}",
                $"/instruments/{s.Instrument}/bilingual", $"/meetings/{s.Meeting}/bilingual" })
                Assert.Contains(s.Marker, await client.GetStringAsync(url));
        }
        var coordinator = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        foreach (var url in new[] { $"/instruments/{s.Instrument}/edit", $"/meetings/{s.Meeting}/edit", $"/commitments/{s.Commitment}/edit",
            $"/commitments/{s.Commitment}/reports/{s.Report}/edit", $"/activities/{s.Activity}/edit" })
            await coordinator.GetPageAsync(url);
        // A Lao focal point of the department that leads the clause reports on it.
        var focal = await factory.ClientAsync(Role.FocalPoint, await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == s.Department).Select(o => o.Key!).SingleAsync()));
        await focal.GetPageAsync($"/commitments/{s.Commitment}/reports/{s.Report}/edit");
    }

    [Fact]
    public async Task AnEditByTheVietnameseSideKeepsTheLinksToRecordsOnlyLaosSees()
    {
        var s = await CreateSecretAsync();
        var client = await factory.CoordinatorAsync(redirects: false);
        // The forms never showed those links; saving them unchanged, or through the API, must not drop them.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/instruments/{s.SharedInstrument}/edit", new Dictionary<string, string?>())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/activities/{s.SharedActivity}/edit", new Dictionary<string, string?>
        {
            ["Input.TitleEn"] = "Shared activity, renamed by Vietnam (access test)",
        })).StatusCode);
        var kind = await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == s.SharedActivity).Select(a => a.KindId).SingleAsync());
        var version = await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == s.SharedActivity).Select(a => a.Version).SingleAsync());
        var put = await client.PutAsJsonAsync($"/api/activities/{s.SharedActivity}", new { kindId = kind, titleEn = "Renamed again through the API (access test)", version });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await factory.WithDbAsync(async db =>
        {
            Assert.True(await db.InstrumentLinks.AnyAsync(l => l.FromId == s.SharedInstrument && l.ToId == s.Instrument));
            Assert.True(await db.ActivityCommitments.AnyAsync(a => a.ActivityId == s.SharedActivity && a.CommitmentId == s.Commitment));
            Assert.Equal(s.Meeting, await db.Activities.Where(a => a.Id == s.SharedActivity).Select(a => a.MeetingId).SingleAsync());
        });
        // The Lao side still sees them, and the Vietnamese side still does not.
        var lao = await (await factory.CoordinatorAsync(TestAccounts.LaoCooperation)).GetStringAsync($"/activities/{s.SharedActivity}");
        Assert.Contains($"/commitments/{s.Commitment}", lao);
        Assert.Contains($"/meetings/{s.Meeting}", lao);
        Assert.DoesNotContain(s.Marker, await client.GetStringAsync($"/activities/{s.SharedActivity}"));
    }

    [Fact]
    public async Task AClauseKeptToLaosStaysSoWhenCarriedOverIntoSharedMinutes()
    {
        var s = await CreateSecretAsync();
        // An old clause, so that its copy (the next period) does not become the current plan other tests count.
        await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == s.Commitment)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.PeriodStart, 2020).SetProperty(c => c.PeriodEnd, 2021)));
        var lao = await factory.CoordinatorAsync(TestAccounts.LaoCooperation, redirects: false);
        var response = await lao.SubmitFormAsync($"/commitments/{s.Commitment}/carry-over", new Dictionary<string, string?> { ["Input.InstrumentId"] = s.SharedInstrument.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var copy = response.Headers.Location!.ToString();
        Assert.Contains(s.Marker, await lao.GetStringAsync(copy));
        var vietnam = await factory.CoordinatorAsync(redirects: false);
        Assert.Equal(HttpStatusCode.NotFound, (await vietnam.GetAsync(copy)).StatusCode);
    }

    [Fact]
    public async Task SharedRecordsNeedASignedInUserOfEitherSideAndPublicOnesAreForEveryone()
    {
        var (shared, published) = await factory.WithDbAsync(async db =>
        {
            var kind = await db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "minutes").Select(t => t.Id).SingleAsync();
            var shared = new Instrument { KindId = kind, Title = new LocalizedText(null, "Shared by both sides (access test)"), Status = InstrumentStatus.Signed };
            var published = new Instrument { KindId = kind, Title = new LocalizedText(null, "Published (access test)"), Status = InstrumentStatus.Signed, Visibility = Visibility.Public };
            db.AddRange(shared, published);
            await db.SaveChangesAsync();
            return (shared.Id, published.Id);
        });
        Assert.Equal(Visibility.Partners, new Instrument().Visibility);
        var anonymous = factory.NewClient(redirects: false);
        // The page sends a reader who is not signed in to sign in and back; the API says nothing of it.
        Assert.StartsWith("/account/sign-in?returnUrl=", (await anonymous.GetAsync($"/instruments/{shared}")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/instruments/{shared}")).StatusCode);
        Assert.DoesNotContain("Shared by both sides (access test)", await anonymous.GetStringAsync("/api/instruments?size=100"));
        Assert.Contains("Published (access test)", await anonymous.GetStringAsync($"/instruments/{published}"));
        foreach (var client in new[] { await factory.ClientAsync(Role.Reader, "vn-moha"), await factory.ClientAsync(Role.FocalPoint, "la-bankan") })
        {
            Assert.Contains("Shared by both sides (access test)", await client.GetStringAsync($"/instruments/{shared}"));
            Assert.Contains("Shared by both sides (access test)", await client.GetStringAsync($"/api/instruments/{shared}"));
        }
    }

    // Search finds words inside words; searching a part of the marker keeps the query echoed on the page from
    // looking like a hit.
    static string Prefix(Secret s) => s.Marker[..^2];

    static async Task<int> PlanTotalAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        var link = page.QuerySelector("a[href='/commitments?period=2026-2027']") ?? throw new InvalidOperationException("No plan link on the home page");
        return int.Parse(new string(link.TextContent.Where(char.IsDigit).ToArray()));
    }

    static async Task<int> LedCountAsync(HttpClient client, int organisation) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/organisations/{organisation}")).GetProperty("commitments").GetProperty("total").GetInt32();
}

public sealed class RestrictedRecordsOnSqlite(SqliteFactory factory) : RestrictedRecordsTests(factory), IClassFixture<SqliteFactory>;
public sealed class RestrictedRecordsOnPostgres(PostgresFactory factory) : RestrictedRecordsTests(factory), IClassFixture<PostgresFactory>;
