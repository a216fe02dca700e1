using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
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

// A term an administrator retires stays on the records that hold it. Every edit form offers it back to
// those records, marked as retired, so a record opens with its value and saves unchanged; a new record is
// not offered it. An unchanged save writes nothing and says so.
public abstract class RetiredTermsTests(ConcordFactory factory)
{
    static readonly StringCatalog Strings = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));
    static string Vi(string key) => Strings.Find(key, "vi")!;

    static string Tag() => Guid.NewGuid().ToString("N")[..6];

    // Currency codes have three letters: random ones collide; a count gives QAA, QAB, ... (no real ISO code starts with Q).
    static int currencies;
    static string NextCurrencyCode()
    {
        var n = Interlocked.Increment(ref currencies);
        return $"Q{(char)('A' + n / 26 % 26)}{(char)('A' + n % 26)}";
    }

    // A term of `vocabulary` that no form offers any more.
    Task<Term> RetiredTermAsync(string vocabulary) => factory.WithDbAsync(async db =>
    {
        var tag = Tag();
        var term = new Term { Vocabulary = vocabulary, Code = vocabulary == Vocabularies.Currency ? NextCurrencyCode() : $"retired-{tag}",
            Name = new LocalizedText($"Mục cũ {tag}", $"Old term {tag}"), SortOrder = 999, IsActive = false };
        db.Terms.Add(term);
        await db.SaveChangesAsync();
        return term;
    });

    Task<int> AddAsync<T>(T record) where T : Concord.Shared.Record => factory.WithDbAsync(async db =>
    {
        db.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    Task<int> VersionAsync<T>(int id) where T : Concord.Shared.Record =>
        factory.WithDbAsync(db => db.Set<T>().Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    Task<int> AuditRowsAsync<T>(int id) =>
        factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.RecordType == typeof(T).Name && a.RecordId == id));

    Task<int> OrganisationIdAsync(string key) => factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync());

    // Opens the edit form: the held term is selected and named as retired. Saves it as it is: nothing is
    // written, the version and the history stay, and the page it lands on says nothing changed.
    async Task SavesUnchangedAsync<T>(string url, int id, string field, string value, Term term) where T : Concord.Shared.Record
    {
        var client = await factory.CoordinatorAsync(redirects: false);
        var form = await client.GetPageAsync(url);
        var option = form.QuerySelector($"select[name='{field}'] option[value='{value}']")
            ?? throw new Xunit.Sdk.XunitException($"{url}: the retired term {value} is not offered");
        Assert.True(option.HasAttribute("selected"), $"{url}: the retired term is not the chosen one");
        Assert.Equal(Vi("Choice.Retired").Replace("{0}", term.Name.Vi), option.TextContent.Trim());

        var (version, audits) = (await VersionAsync<T>(id), await AuditRowsAsync<T>(id));
        var saved = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>());
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        Assert.Equal((version, audits), (await VersionAsync<T>(id), await AuditRowsAsync<T>(id)));
        var landed = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(Vi("Flash.Unchanged"), landed.QuerySelector("#flash[role=status]")?.TextContent.Trim());
    }

    async Task NotOfferedForNewAsync(string url, string field, string value)
    {
        var client = await factory.CoordinatorAsync();
        var form = await client.GetPageAsync(url);
        Assert.NotNull(form.QuerySelector($"select[name='{field}']"));
        Assert.Null(form.QuerySelector($"select[name='{field}'] option[value='{value}']"));
    }

    async Task<int> InstrumentAsync() => await factory.WithDbAsync(db => db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => i.Id).SingleAsync());

    [Fact]
    public async Task AnInstrumentOfARetiredKindOpensWithItAndSavesUnchanged()
    {
        var kind = await RetiredTermAsync(Vocabularies.InstrumentKind);
        var id = await AddAsync(new Instrument { KindId = kind.Id, Title = new LocalizedText($"Văn kiện {Tag()}"), Status = InstrumentStatus.Draft });
        await SavesUnchangedAsync<Instrument>($"/instruments/{id}/edit", id, "Input.KindId", $"{kind.Id}", kind);
        await NotOfferedForNewAsync("/instruments/new", "Input.KindId", $"{kind.Id}");
    }

    [Fact]
    public async Task AMeetingOfARetiredKindOpensWithItAndSavesUnchanged()
    {
        var kind = await RetiredTermAsync(Vocabularies.MeetingKind);
        var id = await AddAsync(new Meeting { KindId = kind.Id, Title = new LocalizedText($"Cuộc họp {Tag()}") });
        await SavesUnchangedAsync<Meeting>($"/meetings/{id}/edit", id, "Input.KindId", $"{kind.Id}", kind);
        await NotOfferedForNewAsync("/meetings/new", "Input.KindId", $"{kind.Id}");
    }

    [Fact]
    public async Task AnOrganisationOfARetiredKindOpensWithItAndSavesUnchanged()
    {
        var kind = await RetiredTermAsync(Vocabularies.OrganisationKind);
        var id = await AddAsync(new Organisation { KindId = kind.Id, Country = "VN", Name = new LocalizedText($"Cơ quan {Tag()}") });
        await SavesUnchangedAsync<Organisation>($"/organisations/{id}/edit", id, "Input.KindId", $"{kind.Id}", kind);
        await NotOfferedForNewAsync("/organisations/new", "Input.KindId", $"{kind.Id}");
    }

    [Fact]
    public async Task ACommitmentInARetiredAreaOpensWithItAndSavesUnchanged()
    {
        var area = await RetiredTermAsync(Vocabularies.Area);
        var id = await AddAsync(new Commitment { InstrumentId = await InstrumentAsync(), Sequence = 900, AreaId = area.Id, Text = new LocalizedText($"Cam kết {Tag()}"),
            PeriodStart = 2026, PeriodEnd = 2027, Status = CommitmentStatus.InProgress });
        await SavesUnchangedAsync<Commitment>($"/commitments/{id}/edit", id, "Input.AreaId", $"{area.Id}", area);
        await NotOfferedForNewAsync("/commitments/new", "Input.AreaId", $"{area.Id}");
    }

    [Fact]
    public async Task AReportInARetiredCurrencyOpensWithItAndSavesUnchanged()
    {
        var currency = await RetiredTermAsync(Vocabularies.Currency);
        var areaId = await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.Area && t.IsActive).Select(t => t.Id).FirstAsync());
        var commitment = await AddAsync(new Commitment { InstrumentId = await InstrumentAsync(), Sequence = 901, AreaId = areaId, Text = new LocalizedText($"Cam kết {Tag()}"),
            PeriodStart = 2026, PeriodEnd = 2027, Status = CommitmentStatus.InProgress });
        var id = await AddAsync(new ProgressReport { CommitmentId = commitment, Country = "VN", OrganisationId = await OrganisationIdAsync(TestAccounts.VietnamCooperation),
            PeriodStart = 2026, PeriodEnd = 2027, Status = CommitmentStatus.InProgress, Narrative = new LocalizedText("Đã trao thiết bị."),
            ReportedOn = new DateOnly(2026, 3, 12), ValueAmount = 1_000_000, ValueCurrency = currency.Code });
        await SavesUnchangedAsync<ProgressReport>($"/commitments/{commitment}/reports/{id}/edit", id, "Input.ValueCurrency", currency.Code, currency);
        await NotOfferedForNewAsync($"/commitments/{commitment}/reports/new", "Input.ValueCurrency", currency.Code);
    }

    [Fact]
    public async Task AnActivityOfARetiredKindAndCurrencyOpensWithThemAndSavesUnchanged()
    {
        var kind = await RetiredTermAsync(Vocabularies.ActivityKind);
        var currency = await RetiredTermAsync(Vocabularies.Currency);
        var id = await AddAsync(new Activity { KindId = kind.Id, Title = new LocalizedText($"Hoạt động {Tag()}"), ValueAmount = 5_000, ValueCurrency = currency.Code });
        await SavesUnchangedAsync<Activity>($"/activities/{id}/edit", id, "Input.KindId", $"{kind.Id}", kind);
        await SavesUnchangedAsync<Activity>($"/activities/{id}/edit", id, "Input.ValueCurrency", currency.Code, currency);
        await NotOfferedForNewAsync("/activities/new", "Input.KindId", $"{kind.Id}");
    }

    [Fact]
    public async Task ANewRecordCannotBeGivenARetiredTermThroughTheApiEither()
    {
        var kind = await RetiredTermAsync(Vocabularies.MeetingKind);
        var currency = await RetiredTermAsync(Vocabularies.Currency);
        var activityKind = await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.ActivityKind && t.IsActive).Select(t => t.Id).FirstAsync());
        var client = await factory.CoordinatorAsync();

        var meeting = await client.PostAsJsonAsync("/api/meetings", new { kindId = kind.Id, titleVi = $"Họp {Tag()}" });
        Assert.Equal(HttpStatusCode.BadRequest, meeting.StatusCode);
        Assert.True((await meeting.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kindId", out _));
        var activity = await client.PostAsJsonAsync("/api/activities", new { kindId = activityKind, titleVi = $"Hoạt động {Tag()}", valueAmount = 10, valueCurrency = currency.Code });
        Assert.Equal(HttpStatusCode.BadRequest, activity.StatusCode);
        Assert.True((await activity.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("valueCurrency", out _));
    }

    [Fact]
    public async Task AChangedSaveStillSaysItSavedAndBumpsTheVersion()
    {
        var kind = await RetiredTermAsync(Vocabularies.MeetingKind);
        var id = await AddAsync(new Meeting { KindId = kind.Id, Title = new LocalizedText($"Cuộc họp {Tag()}") });
        var client = await factory.CoordinatorAsync(redirects: false);
        var url = $"/meetings/{id}/edit";
        var version = await VersionAsync<Meeting>(id);
        var saved = await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.Place"] = "Viêng Chăn" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(version + 1, await VersionAsync<Meeting>(id));
        var landed = await client.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal(Vi("Flash.Saved"), landed.QuerySelector("#flash[role=status]")?.TextContent.Trim());
    }
}

public sealed class RetiredTermsOnSqlite(SqliteFactory factory) : RetiredTermsTests(factory), IClassFixture<SqliteFactory>;
public sealed class RetiredTermsOnPostgres(PostgresFactory factory) : RetiredTermsTests(factory), IClassFixture<PostgresFactory>;
