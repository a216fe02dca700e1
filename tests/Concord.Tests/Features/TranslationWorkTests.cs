using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Each record says which language it was written in and, per translation, whether somebody checked it
// and who; the queue at /translations holds what is left to translate or check, per language.
public abstract class TranslationWorkTests(ConcordFactory factory)
{
    static string Queue(string language, string status, int id) => $"/translations?language={language}&status={status}&kind=Commitment&id={id}";

    Task<TranslationState> StateAsync(int id) =>
        factory.WithDbAsync(db => db.Commitments.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Translation).SingleAsync());

    async Task<HttpClient> LaoCoordinatorInLaoAsync()
    {
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("lo");
        return client;
    }

    [Fact]
    public async Task AClauseWrittenInLaoWaitsForItsVietnameseUntilTranslatedAndVerifiedAndAChangedOriginalUndoesTheVerification()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var laoText = $"ສົ່ງເສີມການຝຶກອົບຮົມວິຊາຊີບໃຫ້ແກ່ແຮງງານລາວ {world.Tag}";
        var lao = await LaoCoordinatorInLaoAsync();
        var form = await lao.GetPageAsync("/commitments/new");
        // A new clause's language is taken from its text unless the editor says otherwise.
        Assert.Equal("", form.QuerySelector("select[name='Input.OriginalLanguage'] option[selected]")?.GetAttribute("value"));
        var created = await lao.SubmitFormAsync(form, "/commitments/new", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.NinthMinutes.ToString(), ["Input.TextLo"] = laoText, ["Input.AreaId"] = world.Vocational.ToString(),
            ["Input.Period"] = "2026-2027", ["Input.Status"] = "NotStarted",
        });
        var id = int.Parse(created.RequestMessage!.RequestUri!.Segments[^1]);
        Assert.Equal("lo", (await StateAsync(id)).Original);

        // The Vietnamese side finds it in its queue, the Lao original shown as Lao.
        var vietnam = await factory.CoordinatorAsync();
        var missing = await vietnam.GetPageAsync(Queue("vi", "Missing", id));
        var row = missing.QuerySelector($"#queue-Commitment-{id}");
        Assert.NotNull(row);
        Assert.Equal(laoText, row.QuerySelector("td [lang='lo']")?.TextContent.Trim());
        Assert.Contains("Chưa có văn bản", row.TextContent);
        var page = await vietnam.GetPageAsync($"/commitments/{id}");
        Assert.Equal("Original", page.QuerySelector("#translation-lo")?.GetAttribute("data-status"));
        Assert.Equal("Missing", page.QuerySelector("#translation-vi")?.GetAttribute("data-status"));

        // Translated: it moves from "not translated" to "not verified".
        await vietnam.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.TextVi"] = $"Thúc đẩy đào tạo nghề cho lao động Lào {world.Tag}" });
        Assert.Null((await vietnam.GetPageAsync(Queue("vi", "Missing", id))).QuerySelector($"#queue-Commitment-{id}"));
        var unverified = await vietnam.GetPageAsync(Queue("vi", "Unverified", id));
        Assert.NotNull(unverified.QuerySelector($"#queue-Commitment-{id}"));

        // Verified from the queue, beside the original: by whom, and the page says so.
        var verified = await vietnam.SubmitFormAsync(unverified, Queue("vi", "Unverified", id), new Dictionary<string, string?>(), $"#queue-Commitment-{id} form");
        var after = await Html.ParseAsync(await verified.Content.ReadAsStringAsync());
        Assert.Contains("bạn đã kiểm tra bản dịch tiếng Việt", after.QuerySelector("#flash[role=status]")?.TextContent);
        Assert.Null(after.QuerySelector($"#queue-Commitment-{id}"));
        var state = await StateAsync(id);
        Assert.NotNull(state.ViVerifiedAt);
        Assert.False(string.IsNullOrEmpty(state.ViVerifiedBy));
        page = await vietnam.GetPageAsync($"/commitments/{id}");
        Assert.Equal("Verified", page.QuerySelector("#translation-vi")?.GetAttribute("data-status"));
        Assert.Contains(state.ViVerifiedBy!, page.QuerySelector("#translation-vi")!.TextContent);

        // The Lao side rewords its original: the Vietnamese was checked against the old words, so it is unverified again.
        await lao.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.TextLo"] = laoText + " ແລະ ຄູ" });
        state = await StateAsync(id);
        Assert.Null(state.ViVerifiedAt);
        Assert.Null(state.ViVerifiedBy);
        Assert.Equal("Unverified", (await vietnam.GetPageAsync($"/commitments/{id}")).QuerySelector("#translation-vi")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task AReaderWithoutTheirLanguageSeesTheRecordsOriginalMarkedAsSuchNotAnotherTranslation()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c =>
        {
            c.Text = new LocalizedText(null, $"Training of teachers {world.Tag}", $"ການຝຶກອົບຮົມຄູ {world.Tag}");
            c.Translation.Original = "lo";
        });
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var text = (await client.GetPageAsync($"/commitments/{id}")).QuerySelector("main [lang='lo']")?.ParentElement?.TextContent;
        Assert.Contains($"ການຝຶກອົບຮົມຄູ {world.Tag}", text);
        Assert.Contains("bản gốc tiếng Lào", text);
        Assert.DoesNotContain("Training of teachers", text);
    }

    [Fact]
    public async Task EditingAVerifiedTranslationUndoesOnlyThatLanguagesVerification()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c =>
        {
            c.InstrumentId = world.NinthMinutes;
            c.Text = new LocalizedText($"Đào tạo giáo viên {world.Tag}", $"Training of teachers {world.Tag}", $"ການຝຶກອົບຮົມຄູ {world.Tag}");
            c.Translation.Verify("en", "Nguyễn Văn A", new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc));
            c.Translation.Verify("lo", "ສົມພອນ", new DateTime(2026, 11, 3, 0, 0, 0, DateTimeKind.Utc));
        });
        var client = await factory.CoordinatorAsync();
        await client.SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.TextEn"] = $"Training of vocational teachers {world.Tag}" });
        var state = await StateAsync(id);
        Assert.Null(state.EnVerifiedAt);
        Assert.Equal("ສົມພອນ", state.LoVerifiedBy);
    }

    [Fact]
    public async Task TheOriginalLanguageMustHoldTextAndBothTheFormAndTheApiSaySoBesideTheField()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var text = $"Share labour market data {world.Tag}";
        var response = await client.SubmitFormAsync("/commitments/new", new Dictionary<string, string?>
        {
            ["Input.InstrumentId"] = world.NinthMinutes.ToString(), ["Input.TextEn"] = text, ["Input.AreaId"] = world.Vocational.ToString(),
            ["Input.Period"] = "2026-2027", ["Input.Status"] = "NotStarted", ["Input.OriginalLanguage"] = "lo",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("There is no text in the language chosen as the original.", page.ErrorFor("Input.OriginalLanguage"));
        Assert.False(await factory.WithDbAsync(db => db.Commitments.IgnoreQueryFilters().AnyAsync(c => c.Text.En == text)));

        var api = await client.PostAsJsonAsync("/api/commitments", new
        {
            instrumentId = world.NinthMinutes, textEn = text, textLo = "ແບ່ງປັນຂໍ້ມູນຕະຫຼາດແຮງງານ", areaId = world.Vocational, period = "2026-2027",
            status = "NotStarted", originalLanguage = "lo",
        });
        Assert.Equal(HttpStatusCode.Created, api.StatusCode);
        var id = (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("lo", (await StateAsync(id)).Original);
        var bad = await client.PostAsJsonAsync("/api/commitments", new
        {
            instrumentId = world.NinthMinutes, textEn = text, areaId = world.Vocational, period = "2026-2027", status = "NotStarted", originalLanguage = "fr",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("originalLanguage", out _));
    }

    [Fact]
    public async Task AVerificationOfWordsChangedSinceThePageWasReadIsRefusedAndNothingIsSaved()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var id = await world.AddCommitmentAsync(c => c.Text = new LocalizedText($"Trao đổi đoàn {world.Tag}", lo: $"ແລກປ່ຽນຄະນະ {world.Tag}"));
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var queue = await client.GetPageAsync(Queue("lo", "Unverified", id));
        Assert.NotNull(queue.QuerySelector($"#queue-Commitment-{id} form"));

        // Someone rewrites the Lao while the page is open.
        await (await factory.CoordinatorAsync()).SubmitFormAsync($"/commitments/{id}/edit", new Dictionary<string, string?> { ["Input.TextLo"] = $"ແລກປ່ຽນຄະນະຜູ້ແທນ {world.Tag}" });
        var response = await client.SubmitFormAsync(queue, Queue("lo", "Unverified", id), new Dictionary<string, string?>(), $"#queue-Commitment-{id} form");
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The record changed after you opened the page. Read the new text, then verify again.", page.QuerySelector("#flash")?.TextContent.Trim());
        Assert.Null((await StateAsync(id)).LoVerifiedAt);
    }

    [Fact]
    public async Task ReadersSeeTheQueueWithoutButtonsAndRecordsKeptToTheOtherSideAreNotInIt()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var shared = await world.AddCommitmentAsync(c => c.Text = new LocalizedText($"Hợp tác an sinh xã hội {world.Tag}"));
        var restricted = await world.AddCommitmentAsync(c =>
        {
            c.Text = new LocalizedText($"Ghi chú nội bộ {world.Tag}");
            c.Visibility = Visibility.Restricted;
            c.RestrictedTo = "VN";
        });
        var reader = await factory.ClientAsync(Role.Reader, "vn-moha");
        var page = await reader.GetPageAsync(Queue("lo", "Missing", shared));
        Assert.NotNull(page.QuerySelector($"#queue-Commitment-{shared}"));
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));
        Assert.Null(page.QuerySelector($"#queue-Commitment-{shared} a[href$='/edit']"));

        var lao = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        Assert.Null((await lao.GetPageAsync(Queue("lo", "Missing", restricted))).QuerySelector($"#queue-Commitment-{restricted}"));
        Assert.NotNull((await (await factory.CoordinatorAsync()).GetPageAsync(Queue("lo", "Missing", restricted))).QuerySelector($"#queue-Commitment-{restricted}"));
    }

    [Fact]
    public async Task CoordinatorsHomePageCountsTheWorkLeftPerLanguageAsTheQueueDoes()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var client = await factory.CoordinatorAsync(TestAccounts.LaoCooperation);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        static int Count(AngleSharp.Dom.IElement? e) => int.Parse(e!.TextContent.Trim().Replace(",", ""));

        var home = await client.GetPageAsync("/");
        var before = Count(home.QuerySelector("#translation-counts-lo td a"));
        var queue = await client.GetPageAsync("/translations?language=lo&status=Missing");
        Assert.Contains($"({before:N0})", queue.QuerySelector("#state-Missing")!.TextContent);

        // A new clause with no Lao text is one more to translate into Lao, at once.
        await world.AddCommitmentAsync(c => c.Text = new LocalizedText($"Hỗ trợ trang thiết bị {world.Tag}"));
        var now = Count((await client.GetPageAsync("/")).QuerySelector("#translation-counts-lo td a"));
        Assert.Equal(before + 1, now);

        // Readers are not asked to translate from the home page.
        Assert.Null((await (await factory.ClientAsync(Role.Reader, "vn-moha")).GetPageAsync("/")).QuerySelector("#translation-counts"));
    }
}

public sealed class TranslationWorkOnSqlite(SqliteFactory factory) : TranslationWorkTests(factory), IClassFixture<SqliteFactory>;
public sealed class TranslationWorkOnPostgres(PostgresFactory factory) : TranslationWorkTests(factory), IClassFixture<PostgresFactory>;
