using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Access;

// Coordinators choose who may read what they record; the pages show the choice and offer only the
// buttons their reader may use.
public abstract class VisibilityFormsTests(ConcordFactory factory)
{
    Task<int> TermAsync(string vocabulary, string code) =>
        factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync());

    async Task<HttpClient> EnglishCoordinatorAsync(string organisation = TestAccounts.VietnamCooperation)
    {
        var client = await factory.CoordinatorAsync(organisation, redirects: false);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    async Task<int> CreateInstrumentAsync(HttpClient client, string title, string? visibility)
    {
        var fields = new Dictionary<string, string?>
        {
            ["Input.KindId"] = (await TermAsync(Vocabularies.InstrumentKind, "memorandum")).ToString(),
            ["Input.TitleEn"] = title,
            ["Input.Status"] = "Signed",
        };
        if (visibility is not null) fields["Input.Visibility"] = visibility;
        var response = await client.SubmitFormAsync("/instruments/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    [Fact]
    public async Task ACoordinatorKeepsANewInstrumentToTheirSideAndTheOtherSideCannotOpenIt()
    {
        var vietnam = await EnglishCoordinatorAsync();
        var id = await CreateInstrumentAsync(vietnam, "Kept to Vietnam (visibility test)", "Restricted");

        var saved = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == id).Select(i => new { i.Visibility, i.RestrictedTo }).SingleAsync());
        Assert.Equal((Visibility.Restricted, "VN"), (saved.Visibility, saved.RestrictedTo));
        var page = await vietnam.GetPageAsync($"/instruments/{id}");
        Assert.Equal("Vietnamese side only", page.QuerySelector(".visibility")!.TextContent.Trim());
        var laos = await EnglishCoordinatorAsync(TestAccounts.LaoCooperation);
        Assert.Equal(HttpStatusCode.NotFound, (await laos.GetAsync($"/instruments/{id}")).StatusCode);

        // Sharing it again is an edit like any other.
        var response = await vietnam.SubmitFormAsync($"/instruments/{id}/edit", new Dictionary<string, string?> { ["Input.Visibility"] = "Partners" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Both sides", (await laos.GetPageAsync($"/instruments/{id}")).QuerySelector(".visibility")!.TextContent.Trim());
    }

    [Fact]
    public async Task NewRecordsAreSharedByTheSignedInOfficialsOfBothSidesUnlessPublished()
    {
        var client = await EnglishCoordinatorAsync();
        var form = await client.GetPageAsync("/instruments/new");
        Assert.NotNull(form.QuerySelector("input[name='Input.Visibility'][value=Partners][checked]"));
        var shared = await CreateInstrumentAsync(client, "Shared by default (visibility test)", null);
        var published = await CreateInstrumentAsync(client, "Published (visibility test)", "Public");

        var fromApi = await client.PostAsJsonAsync("/api/meetings", new
        {
            kindId = await TermAsync(Vocabularies.MeetingKind, "workshop"), titleEn = "Shared by default through the API (visibility test)",
        });
        Assert.Equal(HttpStatusCode.Created, fromApi.StatusCode);
        Assert.Equal("Partners", (await fromApi.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("visibility").GetString());

        // Not signed in, a shared record sends its reader to sign in (and back); a published one opens.
        var anonymous = factory.NewClient(redirects: false);
        var toSignIn = await anonymous.GetAsync($"/instruments/{shared}");
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", toSignIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/instruments/{published}")).StatusCode);
        Assert.Equal("Both sides", (await client.GetPageAsync($"/instruments/{shared}")).QuerySelector(".visibility")!.TextContent.Trim());
    }

    [Fact]
    public async Task EachRecordFormOffersTheChoiceWithOnlyMySideNamingTheEditorsSide()
    {
        var lao = await EnglishCoordinatorAsync(TestAccounts.LaoCooperation);
        var bankan = await BankanAsync();
        foreach (var url in new[] { "/instruments/new", "/meetings/new", "/commitments/new", "/activities/new" })
        {
            var page = await lao.GetPageAsync(url);
            var values = page.QuerySelectorAll("input[name='Input.Visibility']").Select(i => i.GetAttribute("value")).ToList();
            Assert.True(values.SequenceEqual(["Public", "Partners", "Restricted"]), $"{url}: {string.Join(",", values)}");
            Assert.Equal("Only my side (Laos)", page.QuerySelector("label[for='Input-Visibility-Restricted']")!.TextContent.Trim());
        }
        // A report is shared with both sides or kept to its own; it is not published on its own.
        var report = await lao.GetPageAsync($"/commitments/{bankan}/reports/new");
        Assert.Equal(["Partners", "Restricted"], report.QuerySelectorAll("input[name='Input.Visibility']").Select(i => i.GetAttribute("value")));
        var api = await lao.PostAsJsonAsync($"/api/commitments/{bankan}/reports", new
        {
            country = "LA", period = "2026", status = "InProgress", narrativeEn = "Published on its own?", reportedOn = "2026-01-02", visibility = "Public",
            organisationId = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == "la-bankan").Select(o => o.Id).SingleAsync()),
        });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal("A progress report is shared with both sides or kept to the side that reports.",
            (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("visibility")[0].GetString());
    }

    [Fact]
    public async Task AThirdPartysCoordinatorCannotKeepARecordToASide()
    {
        var organisation = await factory.WithDbAsync(async db =>
        {
            var o = new Organisation
            {
                Key = "jica-" + Guid.NewGuid().ToString("N")[..8], Country = "JP", KindId = await db.Terms.Where(t => t.Vocabulary == Vocabularies.OrganisationKind).Select(t => t.Id).FirstAsync(),
                Name = new LocalizedText(null, "Japan International Cooperation Agency (visibility test)"),
            };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Key;
        });
        var client = await EnglishCoordinatorAsync(organisation);
        var form = await client.GetPageAsync("/instruments/new");
        Assert.Null(form.QuerySelector("input[name='Input.Visibility'][value=Restricted]"));
        var response = await client.PostAsJsonAsync("/api/instruments", new
        {
            kindId = await TermAsync(Vocabularies.InstrumentKind, "memorandum"), titleEn = "Kept to whom?", status = "Signed", visibility = "Restricted",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Only officials of the Vietnamese or the Lao side can keep a record to their side.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("visibility")[0].GetString());
    }

    [Fact]
    public async Task AFocalPointKeepsAReportToLaosAndVietnamDoesNotSeeIt()
    {
        var bankan = await BankanAsync();
        var focal = await factory.ClientAsync(Role.FocalPoint, "la-bankan", redirects: false);
        var response = await focal.SubmitFormAsync($"/commitments/{bankan}/reports/new", new Dictionary<string, string?>
        {
            ["Input.NarrativeEn"] = "Kept to Laos for now (visibility test)",
            ["Input.Visibility"] = "Restricted",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Narrative.En == "Kept to Laos for now (visibility test)")
            .Select(r => new { r.Visibility, r.RestrictedTo, r.Country }).SingleAsync());
        Assert.Equal((Visibility.Restricted, "LA", "LA"), (saved.Visibility, saved.RestrictedTo, saved.Country));

        Assert.Contains("Kept to Laos for now (visibility test)", await (await factory.CoordinatorAsync(TestAccounts.LaoCooperation)).GetStringAsync($"/commitments/{bankan}"));
        Assert.DoesNotContain("Kept to Laos for now (visibility test)", await (await factory.CoordinatorAsync()).GetStringAsync($"/commitments/{bankan}"));
    }

    [Fact]
    public async Task PagesShowOnlyTheButtonsTheirReaderMayUse()
    {
        var bankan = await BankanAsync();
        var instrument = await factory.WithDbAsync(db => db.Commitments.Where(c => c.Id == bankan).Select(c => c.InstrumentId).SingleAsync());
        var ninth = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Id == instrument).Select(i => i.MeetingId!.Value).SingleAsync());
        var activity = await factory.WithDbAsync(db => db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var organisation = await factory.WithDbAsync(db => db.Organisations.Where(o => o.Key == "vn-molisa").Select(o => o.Id).SingleAsync());
        var editing = new[]
        {
            ($"/instruments/{instrument}", $"/instruments/{instrument}/edit"), ($"/instruments/{instrument}", $"/commitments/new?instrument={instrument}"),
            ($"/meetings/{ninth}", $"/meetings/{ninth}/edit"), ($"/meetings/{ninth}", $"/meetings/new?prepares={ninth}"),
            ($"/commitments/{bankan}", $"/commitments/{bankan}/edit"), ($"/commitments/{bankan}", $"/commitments/{bankan}/carry-over"),
            ($"/activities/{activity}", $"/activities/{activity}/edit"), ($"/organisations/{organisation}", $"/organisations/{organisation}/edit"),
            ("/instruments", "/instruments/new"), ("/meetings", "/meetings/new"), ("/commitments", "/commitments/new"),
            ("/activities", "/activities/new"), ("/organisations", "/organisations/new"),
        };
        async Task<List<string>> LinksAsync(HttpClient client, string page) =>
            (await client.GetPageAsync(page)).QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        var shown = new List<string>();
        var reader = await factory.ClientAsync(Role.Reader, "vn-moha");
        var focal = await factory.ClientAsync(Role.FocalPoint, "la-bankan");
        var coordinator = await factory.CoordinatorAsync();
        foreach (var (page, link) in editing)
        {
            if ((await LinksAsync(reader, page)).Contains(link)) shown.Add($"reader: {link} on {page}");
            if ((await LinksAsync(focal, page)).Contains(link)) shown.Add($"focal point: {link} on {page}");
            if (!(await LinksAsync(coordinator, page)).Contains(link)) shown.Add($"coordinator: {link} missing on {page}");
        }
        Assert.True(shown.Count == 0, string.Join("\n", shown));

        // Reports: each side's button for whoever may write that side's reports, edit links on that side's reports only.
        var reports = await factory.WithDbAsync(db => db.ProgressReports.Where(r => r.CommitmentId == bankan).Select(r => new { r.Id, r.Country }).ToListAsync());
        var newReport = $"/commitments/{bankan}/reports/new?side=";
        string EditReport(int id) => $"/commitments/{bankan}/reports/{id}/edit";
        var readerLinks = await LinksAsync(reader, $"/commitments/{bankan}");
        Assert.DoesNotContain(readerLinks, l => l.StartsWith(newReport) || l.EndsWith("/edit"));
        var focalLinks = await LinksAsync(focal, $"/commitments/{bankan}");
        Assert.Equal([newReport + "LA"], focalLinks.Where(l => l.StartsWith(newReport)));
        Assert.Equal(reports.Where(r => r.Country == "LA").Select(r => EditReport(r.Id)).Order(), focalLinks.Where(l => l.Contains("/reports/") && l.EndsWith("/edit")).Order());
        var coordinatorLinks = await LinksAsync(coordinator, $"/commitments/{bankan}");
        Assert.Equal([newReport + "VN"], coordinatorLinks.Where(l => l.StartsWith(newReport)));
        Assert.Equal(reports.Where(r => r.Country == "VN").Select(r => EditReport(r.Id)).Order(), coordinatorLinks.Where(l => l.Contains("/reports/") && l.EndsWith("/edit")).Order());
        // A focal point of another Lao department has no button on a clause it does not lead.
        var other = await factory.ClientAsync(Role.FocalPoint, TestAccounts.LaoCooperation);
        Assert.DoesNotContain(await LinksAsync(other, $"/commitments/{bankan}"), l => l.StartsWith(newReport));
    }

    Task<int> BankanAsync() => factory.WithDbAsync(async db =>
    {
        var centre = await db.Organisations.Where(o => o.Key == "la-bankan").Select(o => o.Id).SingleAsync();
        return await db.Commitments.Where(c => c.Instrument.Key == "min-conf-9" && c.Leads.Any(l => l.OrganisationId == centre)).Select(c => c.Id).FirstAsync();
    });
}

public sealed class VisibilityFormsOnSqlite(SqliteFactory factory) : VisibilityFormsTests(factory), IClassFixture<SqliteFactory>;
public sealed class VisibilityFormsOnPostgres(PostgresFactory factory) : VisibilityFormsTests(factory), IClassFixture<PostgresFactory>;
