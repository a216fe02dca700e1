using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
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

namespace Concord.Tests.Features;

// Two coordinators open the same edit form; the first saves; the second's save is refused with both
// versions side by side, nothing of the first's is overwritten, and the second's merge is saved on top
// of the first's version. For every edit page, the status change on a commitment's page, and the API.
public abstract class ConcurrentEditsTests(ConcordFactory factory)
{
    static readonly StringCatalog Strings = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));
    static string Vi(string key) => Strings.Find(key, "vi")!;

    sealed record Editor(HttpClient Client, string Name);

    async Task<Editor> EditorAsync(string organisationKey = TestAccounts.VietnamCooperation)
    {
        var account = await factory.CreateAccountAsync(Role.Coordinator, organisationKey);
        var client = factory.NewClient(redirects: false);
        await client.SignInAsync(account);
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == account.Id).Select(u => u.DisplayName).SingleAsync());
        return new Editor(client, name);
    }

    // Both open the form at `url`; the first saves `theirs`; the second then saves `mine` over the version
    // both loaded, and is answered with the conflict page.
    static async Task<IDocument> BothSaveAsync(Editor first, Editor second, string url, Dictionary<string, string?> theirs, Dictionary<string, string?> mine)
    {
        var firstForm = await first.Client.GetPageAsync(url);
        var secondForm = await second.Client.GetPageAsync(url);
        var saved = await first.Client.SubmitFormAsync(firstForm, url, theirs);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await second.Client.SubmitFormAsync(secondForm, url, mine);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.OK, body);
        var page = await Html.ParseAsync(body);
        Assert.Contains(Vi("Conflict.NotSaved"), page.QuerySelector("#conflict-message")!.TextContent);
        Assert.Null(page.QuerySelector("#error-summary"));
        return page;
    }

    // What the table shows for a field: the saved value, the user's, and which of the two starts chosen.
    static (string Saved, string Mine, string Chosen) Row(IDocument page, string field)
    {
        var row = page.QuerySelector($"#conflict tr[data-field='{field}']") ?? throw new Xunit.Sdk.XunitException($"No conflict row for {field}");
        var chosen = row.QuerySelector("input[type=radio][checked]")!.GetAttribute("value")!;
        return (Text(row.QuerySelector("td.saved .value")!), Text(row.QuerySelector("td.mine .value")!), chosen);
    }

    static string Text(IElement e) => e.TextContent.Trim();

    static List<string> Fields(IDocument page) => page.QuerySelectorAll("#conflict tr[data-field]").Select(r => r.GetAttribute("data-field")!).ToList();

    static Task<HttpResponseMessage> MergeAsync(Editor editor, IDocument conflict, string url, Dictionary<string, string?> choices, string? formSelector = null) =>
        editor.Client.SubmitFormAsync(conflict, url, choices, formSelector, action: conflict.QuerySelector("#save-merged")!.GetAttribute("formaction"));

    static void SavedByHeader(IDocument page, Editor first) =>
        Assert.Contains(Vi("Conflict.SavedBy").Replace("{0}", first.Name).Split("{1}")[0], page.QuerySelector("#conflict th.saved-by")!.TextContent);

    async Task<Dictionary<string, int>> KindsAsync(string vocabulary) =>
        await factory.WithDbAsync(db => ReferenceTerms.IdsAsync(db, vocabulary));

    async Task<int> AddAsync<T>(T record) where T : Concord.Shared.Record =>
        await factory.WithDbAsync(async db =>
        {
            db.Add(record);
            await db.SaveChangesAsync();
            return record.Id;
        });

    static string Tag() => Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task SecondEditorOfAnOrganisationSeesBothVersionsAndSavesTheMergeOnTopOfTheFirstsVersion()
    {
        var tag = Tag();
        var kinds = await KindsAsync(Vocabularies.OrganisationKind);
        var id = await AddAsync(new Organisation { KindId = kinds["ministry"], Country = "VN", Name = new LocalizedText($"Bộ Thử {tag}", $"Ministry of Trials {tag}"), Abbreviation = "MOT" });
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/organisations/{id}/edit";

        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.NameEn"] = $"Ministry of Trials (first) {tag}" },
            new() { ["Input.NameEn"] = $"Ministry of Trials (second) {tag}", ["Input.Note"] = "Renamed in 2025." });

        Assert.Equal([nameof(OrganisationInput.NameEn), nameof(OrganisationInput.Note)], Fields(page));
        Assert.Equal(($"Ministry of Trials (first) {tag}", $"Ministry of Trials (second) {tag}", "mine"), Row(page, nameof(OrganisationInput.NameEn)));
        Assert.Equal((Vi("Conflict.Empty"), "Renamed in 2025.", "mine"), Row(page, nameof(OrganisationInput.Note)));
        Assert.Equal($"{Vi("Organisations.Name")} ({Vi("LanguageName.en")})", Text(page.QuerySelector("#conflict tr[data-field='NameEn'] th")!));
        SavedByHeader(page, first);
        // Nothing typed is lost: the form below still holds the second editor's values.
        Assert.Equal($"Ministry of Trials (second) {tag}", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        var afterFirst = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => new { o.Name.En, o.Note, o.Version }).SingleAsync());
        Assert.Equal(($"Ministry of Trials (first) {tag}", (string?)null), (afterFirst.En, afterFirst.Note));

        var merged = await MergeAsync(second, page, url, new() { ["Merge.Choices[NameEn]"] = "saved" });
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => new { o.Name.En, o.Name.Vi, o.Note, o.Version }).SingleAsync());
        Assert.Equal(($"Ministry of Trials (first) {tag}", $"Bộ Thử {tag}", "Renamed in 2025.", afterFirst.Version + 1), (saved.En, saved.Vi, saved.Note, saved.Version));
    }

    [Fact]
    public async Task AMergeOvertakenByAThirdSaveIsRefusedAndShownAgainstTheLatestVersion()
    {
        var tag = Tag();
        var kinds = await KindsAsync(Vocabularies.OrganisationKind);
        var id = await AddAsync(new Organisation { KindId = kinds["department"], Country = "VN", Name = new LocalizedText($"Vụ Thử {tag}") });
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/organisations/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.Abbreviation"] = "FIRST" },
            new() { ["Input.Abbreviation"] = "SECOND" });

        // The first editor saves once more while the second is choosing.
        var third = await first.Client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Abbreviation"] = "THIRD" });
        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        var refused = await MergeAsync(second, page, url, new() { ["Merge.Choices[Abbreviation]"] = "mine" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var again = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains(Vi("Conflict.SavedAgain"), again.QuerySelector("#conflict-message")!.TextContent);
        Assert.Equal(("THIRD", "SECOND", "mine"), Row(again, nameof(OrganisationInput.Abbreviation)));
        var version = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => new { o.Abbreviation, o.Version }).SingleAsync());
        Assert.Equal("THIRD", version.Abbreviation);

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, again, url, new() { ["Merge.Choices[Abbreviation]"] = "mine" })).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => new { o.Abbreviation, o.Version }).SingleAsync());
        Assert.Equal(("SECOND", version.Version + 1), (saved.Abbreviation, saved.Version));
    }

    [Fact]
    public async Task SecondEditorOfAPersonMergesTheirPositionWithTheFirstsName()
    {
        var tag = Tag();
        var id = await AddAsync(new Person { Name = $"Nguyễn Văn Thử {tag}" });
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/people/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.Name"] = $"Nguyễn Văn Thử (A) {tag}" },
            new() { ["Input.Name"] = $"Nguyễn Văn Thử (B) {tag}", ["Input.PositionEn"] = "Deputy Director" });
        Assert.Equal(($"Nguyễn Văn Thử (A) {tag}", $"Nguyễn Văn Thử (B) {tag}", "mine"), Row(page, nameof(PersonInput.Name)));
        Assert.Equal((Vi("Conflict.Empty"), "Deputy Director", "mine"), Row(page, nameof(PersonInput.PositionEn)));
        Assert.Equal($"Nguyễn Văn Thử (A) {tag}", await factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.Name).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, new() { ["Merge.Choices[Name]"] = "saved" })).StatusCode);
        var saved = await factory.WithDbAsync(db => db.People.Where(p => p.Id == id).Select(p => new { p.Name, p.Position.En, p.Version }).SingleAsync());
        Assert.Equal(($"Nguyễn Văn Thử (A) {tag}", "Deputy Director", 3), (saved.Name, saved.En, saved.Version));
    }

    [Fact]
    public async Task PartiesTheFirstEditorAddedAreShownByNameAndKeptUnlessTheSecondChoosesOtherwise()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddInstrumentAsync("Bản ghi nhớ thử");
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/instruments/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.TitleEn"] = "Memorandum (first)", ["Input.PartyIds"] = $"{world.VnMinistry},{world.LaMinistry}" },
            new() { ["Input.TitleEn"] = "Memorandum (second)" });

        Assert.Equal(("Memorandum (first)", "Memorandum (second)", "mine"), Row(page, nameof(InstrumentInput.TitleEn)));
        // The second editor never touched the parties: the first's stay chosen, named, as a set.
        var parties = Row(page, nameof(InstrumentInput.PartyIds));
        Assert.Equal((Vi("Conflict.Empty"), "saved"), (parties.Mine, parties.Chosen));
        Assert.Contains($"Bộ Nội vụ {world.Tag}", parties.Saved);
        Assert.Contains($"Bộ Lao động và Phúc lợi xã hội Lào {world.Tag}", parties.Saved);
        Assert.Equal(Vi("Conflict.NotChangedByYou"), Text(page.QuerySelector("#conflict tr[data-field='PartyIds'] td.mine small")!));

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, [])).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == id)
            .Select(i => new { i.Title.En, Parties = i.Parties.Select(p => p.OrganisationId).OrderBy(p => p).ToList(), i.Version }).SingleAsync());
        Assert.Equal("Memorandum (second)", saved.En);
        Assert.Equal(new[] { world.VnMinistry, world.LaMinistry }.Order(), saved.Parties);
        Assert.Equal(3, saved.Version);
    }

    [Fact]
    public async Task SecondEditorOfAMeetingKeepsTheFirstsPlaceAndChairsAndAddsTheirOwnChange()
    {
        var tag = Tag();
        var kinds = await KindsAsync(Vocabularies.MeetingKind);
        var chair = await AddAsync(new Person { Name = $"Chủ trì Thử {tag}" });
        var id = await AddAsync(new Meeting { KindId = kinds["workshop"], Title = new LocalizedText($"Hội thảo thử {tag}"), Place = "Hà Nội" });
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/meetings/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.Place"] = "Viêng Chăn", ["Input.ChairIds"] = chair.ToString(CultureInfo.InvariantCulture) },
            new() { ["Input.Place"] = "Luang Prabang", ["Input.IsOnline"] = "true" });

        Assert.Equal(("Viêng Chăn", "Luang Prabang", "mine"), Row(page, nameof(MeetingInput.Place)));
        Assert.Equal(($"Chủ trì Thử {tag}", Vi("Conflict.Empty"), "saved"), Row(page, nameof(MeetingInput.ChairIds)));
        Assert.Equal((Vi("Common.No"), Vi("Common.Yes"), "mine"), Row(page, nameof(MeetingInput.IsOnline)));
        Assert.Equal("Viêng Chăn", await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id).Select(m => m.Place).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, new() { ["Merge.Choices[Place]"] = "saved" })).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Meetings.Where(m => m.Id == id)
            .Select(m => new { m.Place, m.IsOnline, Chairs = m.Chairs.Select(c => c.PersonId).ToList(), m.Version }).SingleAsync());
        Assert.Equal(("Viêng Chăn", true, 3), (saved.Place, saved.IsOnline, saved.Version));
        Assert.Equal([chair], saved.Chairs);
    }

    [Fact]
    public async Task SecondEditorOfACommitmentTakesTheFirstsTextAndKeepsTheLeadTheyAdded()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment);
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/commitments/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.TextEn"] = "Support Lao vocational colleges (first)" },
            new() { ["Input.TextEn"] = "Support Lao vocational colleges (second)", ["Input.LeadIds"] = $"{world.VnDepartment},{world.LaDepartment}" });

        Assert.Equal(("Support Lao vocational colleges (first)", "Support Lao vocational colleges (second)", "mine"), Row(page, nameof(CommitmentInput.TextEn)));
        var leads = Row(page, nameof(CommitmentInput.LeadIds));
        Assert.Equal($"Vụ Hợp tác quốc tế {world.Tag} (ICD)", leads.Saved);
        Assert.Contains($"Cục Kế hoạch và Hợp tác quốc tế {world.Tag} (DPIC)", leads.Mine);
        Assert.Contains($"Vụ Hợp tác quốc tế {world.Tag} (ICD)", leads.Mine);
        Assert.Equal("Support Lao vocational colleges (first)", (await world.LoadAsync(id)).Text.En);

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, new() { ["Merge.Choices[TextEn]"] = "saved" })).StatusCode);
        var saved = await world.LoadAsync(id);
        Assert.Equal(("Support Lao vocational colleges (first)", 3), (saved.Text.En, saved.Version));
        Assert.Equal(new[] { world.VnDepartment, world.LaDepartment }.Order(), saved.Leads.Select(l => l.OrganisationId).Order());
    }

    [Fact]
    public async Task TwoLaoCoordinatorsEditingTheSameReportMergeTheirNarrativeWithTheFirstsFigures()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.LaDepartment);
        var reportId = await world.AddReportAsync(id, "LA", CommitmentStatus.InProgress, new DateOnly(2025, 6, 1));
        var (first, second) = (await EditorAsync(TestAccounts.LaoCooperation), await EditorAsync(TestAccounts.LaoCooperation));
        var url = $"/commitments/{id}/reports/{reportId}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.NarrativeEn"] = "Forty trainees enrolled.", ["Input.PeopleCount"] = "40" },
            new() { ["Input.NarrativeEn"] = "Forty-two trainees enrolled,\r\ntwelve of them women." });

        Assert.Equal(("Forty trainees enrolled.", "Forty-two trainees enrolled,\ntwelve of them women.", "mine"), Row(page, nameof(ProgressReportInput.NarrativeEn)));
        Assert.Equal(("40", Vi("Conflict.Empty"), "saved"), Row(page, nameof(ProgressReportInput.PeopleCount)));

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, [])).StatusCode);
        var saved = await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().SingleAsync(r => r.Id == reportId));
        Assert.Equal(("Forty-two trainees enrolled,\r\ntwelve of them women.", 40, 3), (saved.Narrative.En, saved.PeopleCount, saved.Version));
    }

    [Fact]
    public async Task SecondEditorOfAnActivitySeesTheCommitmentTheFirstLinkedAndKeepsIt()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var commitment = await world.AddCommitmentAsync(c => c.Number = "7", world.VnDepartment);
        var kinds = await KindsAsync(Vocabularies.ActivityKind);
        var id = await AddAsync(new Activity { KindId = kinds["training"], Title = new LocalizedText($"Lớp tập huấn {world.Tag}") });
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var url = $"/activities/{id}/edit";
        var page = await BothSaveAsync(first, second, url,
            new() { ["Input.TitleEn"] = "Training course (first)", ["AddCommitmentIds"] = commitment.ToString(CultureInfo.InvariantCulture) },
            new() { ["Input.TitleEn"] = "Training course (second)", ["Input.PeopleTotal"] = "35" });

        Assert.Equal(("Training course (first)", "Training course (second)", "mine"), Row(page, nameof(ActivityInput.TitleEn)));
        var linked = Row(page, nameof(ActivityInput.CommitmentIds));
        Assert.StartsWith($"#{commitment} 7 Tiếp tục hỗ trợ Lào", linked.Saved);
        Assert.Equal((Vi("Conflict.Empty"), "saved"), (linked.Mine, linked.Chosen));
        Assert.Equal((Vi("Conflict.Empty"), "35", "mine"), Row(page, nameof(ActivityInput.PeopleTotal)));

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, url, new() { ["Merge.Choices[TitleEn]"] = "saved" })).StatusCode);
        var saved = await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id)
            .Select(a => new { a.Title.En, a.PeopleTotal, Commitments = a.Commitments.Select(c => c.CommitmentId).ToList(), a.Version }).SingleAsync());
        Assert.Equal(("Training course (first)", (int?)35, 3), (saved.En, saved.PeopleTotal, saved.Version));
        Assert.Equal([commitment], saved.Commitments);
    }

    [Fact]
    public async Task TakingTheReportedStatusOverANewerStatusShowsBothAndSavesTheChosenOne()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        // Partly done, which an edit may take; done would need both sides' agreement (StatusAgreementTests).
        await world.AddReportAsync(id, "VN", CommitmentStatus.PartlyDone, new DateOnly(2025, 6, 1));
        await world.AddReportAsync(id, "LA", CommitmentStatus.PartlyDone, new DateOnly(2025, 6, 2));
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var details = await second.Client.GetPageAsync($"/commitments/{id}");
        Assert.NotNull(details.QuerySelector("#suggested-status"));

        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.Status"] = "Delayed" })).StatusCode);
        var refused = await second.Client.SubmitFormAsync(details, $"/commitments/{id}", new Dictionary<string, string?>(), "#suggested-status",
            action: details.QuerySelector("#suggested-status")!.GetAttribute("action"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal([nameof(CommitmentInput.Status)], Fields(page));
        Assert.Equal((Vi("CommitmentStatus.Delayed"), Vi("CommitmentStatus.PartlyDone"), "mine"), Row(page, nameof(CommitmentInput.Status)));
        SavedByHeader(page, first);
        Assert.Equal(CommitmentStatus.Delayed, (await world.LoadAsync(id)).Status);

        var merged = await MergeAsync(second, page, $"/commitments/{id}", [], "#status-conflict");
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var saved = await world.LoadAsync(id);
        Assert.Equal((CommitmentStatus.PartlyDone, 3), (saved.Status, saved.Version));
    }

    [Fact]
    public async Task KeepingTheSavedStatusChangesNothing()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(null, world.VnDepartment, world.LaDepartment);
        // Partly done, which an edit may take; done would need both sides' agreement (StatusAgreementTests).
        await world.AddReportAsync(id, "VN", CommitmentStatus.PartlyDone, new DateOnly(2025, 6, 1));
        await world.AddReportAsync(id, "LA", CommitmentStatus.PartlyDone, new DateOnly(2025, 6, 2));
        var (first, second) = (await EditorAsync(), await EditorAsync());
        var details = await second.Client.GetPageAsync($"/commitments/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await first.Client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.Status"] = "Delayed" })).StatusCode);
        var refused = await second.Client.SubmitFormAsync(details, $"/commitments/{id}", new Dictionary<string, string?>(), "#suggested-status",
            action: details.QuerySelector("#suggested-status")!.GetAttribute("action"));
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await MergeAsync(second, page, $"/commitments/{id}", new() { ["Merge.Choices[Status]"] = "saved" }, "#status-conflict")).StatusCode);
        var saved = await world.LoadAsync(id);
        Assert.Equal((CommitmentStatus.Delayed, 2), (saved.Status, saved.Version));
    }

    [Fact]
    public async Task AStalePutAnswers409WithTheCurrentVersionAndValuesAsGetReturnsThem()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        var commitment = await world.AddCommitmentAsync(null, world.VnDepartment);
        var report = await world.AddReportAsync(commitment, "VN", CommitmentStatus.InProgress, new DateOnly(2025, 6, 1));
        var meetingKinds = await KindsAsync(Vocabularies.MeetingKind);
        var activityKinds = await KindsAsync(Vocabularies.ActivityKind);
        var meeting = await AddAsync(new Meeting { KindId = meetingKinds["workshop"], Title = new LocalizedText($"Hội thảo {world.Tag}") });
        var activity = await AddAsync(new Activity { KindId = activityKinds["training"], Title = new LocalizedText($"Tập huấn {world.Tag}") });
        var person = await AddAsync(new Person { Name = $"Cán bộ {world.Tag}" });
        var instrument = await world.AddInstrumentAsync("Biên bản");

        foreach (var url in new[]
        {
            $"/api/organisations/{world.VnMinistry}", $"/api/people/{person}", $"/api/instruments/{instrument}", $"/api/meetings/{meeting}",
            $"/api/commitments/{commitment}", $"/api/reports/{report}", $"/api/activities/{activity}",
        })
        {
            // A script reads the record, someone else saves it, then the script's PUT arrives with the old version.
            var read = await client.GetFromJsonAsync<JsonElement>(url);
            var body = Body(url, read);
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(url, body)).StatusCode);
            // A stale PUT of other values is refused (a stale PUT of the values now saved changes nothing: see
            // AnUnchangedPutWritesNothingAndKeepsTheVersion).
            var stale = await client.PutAsJsonAsync(url, Body(url, read, " (sửa lần hai)"));
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
            Assert.Equal("application/problem+json", stale.Content.Headers.ContentType!.MediaType);
            var problem = await stale.Content.ReadFromJsonAsync<JsonElement>();
            var now = await client.GetFromJsonAsync<JsonElement>(url);
            Assert.Equal(409, problem.GetProperty("status").GetInt32());
            Assert.Equal(now.GetProperty("version").GetInt32(), problem.GetProperty("currentVersion").GetInt32());
            Assert.Equal(read.GetProperty("version").GetInt32() + 1, problem.GetProperty("currentVersion").GetInt32());
            Assert.Equal(now.GetRawText(), problem.GetProperty("current").GetRawText());
        }
    }

    [Fact]
    public async Task AnUnchangedPutWritesNothingAndKeepsTheVersion()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        var commitment = await world.AddCommitmentAsync(null, world.VnDepartment);
        var url = $"/api/commitments/{commitment}";
        var read = await client.GetFromJsonAsync<JsonElement>(url);
        var body = Body(url, read);
        var first = await client.PutAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var version = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        var audits = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == nameof(Commitment) && a.RecordId == commitment));

        // The same values again, even on the version read before the first save: nothing to write, no conflict.
        var again = await client.PutAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(version, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(audits, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == nameof(Commitment) && a.RecordId == commitment)));
    }

    // The input a script would PUT back for the record it read, with its title changed.
    static Dictionary<string, object?> Body(string url, JsonElement read, string edit = " (sửa)")
    {
        var version = read.GetProperty("version").GetInt32();
        JsonElement P(string name) => read.GetProperty(name);
        string? S(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
        return url.Split('/')[2] switch
        {
            "organisations" => new() { ["kindId"] = P("kindId").GetInt32(), ["country"] = S(P("country")), ["nameVi"] = S(P("name").GetProperty("vi")) + edit, ["version"] = version },
            "people" => new() { ["name"] = P("name").GetString() + edit, ["version"] = version },
            "instruments" => new() { ["kindId"] = P("kindId").GetInt32(), ["titleVi"] = S(P("title").GetProperty("vi")) + edit, ["status"] = P("status").GetString(), ["version"] = version },
            "meetings" => new() { ["kindId"] = P("kindId").GetInt32(), ["titleVi"] = S(P("title").GetProperty("vi")) + edit, ["version"] = version },
            "commitments" => new()
            {
                ["instrumentId"] = P("instrumentId").GetInt32(), ["textVi"] = S(P("text").GetProperty("vi")) + edit, ["areaId"] = P("areaId").GetInt32(),
                ["period"] = "2024-2025", ["status"] = P("status").GetString(), ["leadIds"] = P("leads").EnumerateArray().Select(l => l.GetProperty("organisationId").GetInt32()).ToArray(), ["version"] = version,
            },
            "reports" => new()
            {
                ["country"] = P("country").GetString(), ["organisationId"] = P("organisationId").GetInt32(), ["period"] = "2024-2025", ["status"] = P("status").GetString(),
                ["narrativeVi"] = "Đã sửa" + edit, ["reportedOn"] = "01/06/2025", ["version"] = version,
            },
            _ => new() { ["kindId"] = P("kindId").GetInt32(), ["titleVi"] = S(P("title").GetProperty("vi")) + edit, ["version"] = version },
        };
    }
}

public sealed class ConcurrentEditsOnSqlite(SqliteFactory factory) : ConcurrentEditsTests(factory), IClassFixture<SqliteFactory>;
public sealed class ConcurrentEditsOnPostgres(PostgresFactory factory) : ConcurrentEditsTests(factory), IClassFixture<PostgresFactory>;
