using System.Net;
using System.Net.Http.Json;
using System.Text;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Access;

// Who may open and change what, as a table: one row per page or endpoint, one column per kind of user,
// tried over HTTP. The rules it checks are Access.cs and ReportAccess.cs:
// coordinators edit the record; a side writes only its own progress reports, a focal point only on the
// commitments its department leads; readers read; administrators manage accounts, not the record.
public abstract class AccessMatrixTests(ConcordFactory factory)
{
    // What the user gets. Ok: the request reaches its handler (a page, a redirect to the record, created,
    // or, for a body left empty on purpose, the form or problem details naming the missing fields).
    // SignIn: sent to sign in (the API answers 401). Forbidden: 403. NotFound: 404.
    public enum Outcome { Ok, SignIn, Forbidden, NotFound }

    // The columns, in the order of each row's letters.
    public static readonly (string Name, Role? Role, string Organisation)[] Users =
    [
        ("anonymous", null, ""),
        ("reader VN", Role.Reader, "vn-moha"),
        ("focal point LA (la-bankan)", Role.FocalPoint, "la-bankan"),
        ("coordinator VN", Role.Coordinator, TestAccounts.VietnamCooperation),
        ("coordinator LA", Role.Coordinator, TestAccounts.LaoCooperation),
        ("administrator VN", Role.Administrator, TestAccounts.VietnamCooperation),
    ];

    // A row: method, route template as the app declares it (the coverage test below matches on it), the
    // page handler if any, the URL tried, the expected outcome per user as letters (O ok, S sign in,
    // F forbidden, N not found), and a body: form fields for pages, JSON for the API.
    public sealed record Row(string Method, string Route, string? Handler, Func<World, string> Url, string Expected,
        Func<World, Task<object>>? Body = null)
    {
        public bool IsApi => Route.StartsWith("api/");
        public Outcome ExpectedFor(int user) => Expected[user] switch
        {
            'O' => Outcome.Ok,
            'S' => Outcome.SignIn,
            'F' => Outcome.Forbidden,
            'N' => Outcome.NotFound,
            var c => throw new InvalidOperationException($"Unknown outcome letter {c}"),
        };
    }

    // The demo records the rows use. The history is public; the illustrative records (Bankan, Teachers and
    // their reports) are Partners, for signed-in users only. Bankan is the 9th conference's clause that la-bankan leads on the Lao
    // side; Teachers one that another Lao department (la-mlsw-dpic) leads.
    public sealed record World(int Instrument, int Meeting, int HistoricCommitment, int Bankan, int Teachers, int LaReportOnBankan, int VnReportOnBankan,
        int LaReportOnTeachers, int Activity, int Organisation, int LaoDepartment, int BankanCentre, int VnMinistry, int Person, int Term,
        Func<int, Task<int>> ReportVersion)
    {
        // A reader's account the administration rows act on (disabled, enabled again, sent a link).
        public int Account { get; init; }
        // The demo's open reporting round, shared by both sides (Partners).
        public int Round { get; init; }
    }

    const string Everyone = "OOOOOO";
    const string SignedIn = "NOOOOO";
    const string Editors = "SFFOOF";
    const string Nobody = "NNNNNN";
    const string Pending = "SSSSSS";
    const string Administrators = "SFFFFO";
    // An edit form's "save merged version" for a record that is not there yet: nothing to merge with.
    const string EditorsNothingToMerge = "SFFNNF";
    const string History = "{feature:regex(^organisations$|^people$|^instruments$|^meetings$|^commitments$|^activities$)}/{id:int}/history";

    static Row Get(string route, Func<World, string> url, string expected) => new("GET", route, null, url, expected);
    static Row Post(string route, Func<World, string> url, string expected, Func<World, Task<object>>? body = null, string? handler = null) =>
        new("POST", route, handler, url, expected, body);
    static Row Put(string route, Func<World, string> url, string expected, Func<World, Task<object>>? body = null) =>
        new("PUT", route, null, url, expected, body);

    static Task<object> Empty(World _) => Task.FromResult<object>(new { });

    // A record's attachments page (list, upload, withdraw) and its API, for one kind of record.
    static Row[] AttachmentRows(string feature, Func<World, int> record, string readers, string editors, string editorsFindNothing) =>
    [
        Get($"{feature}/{{id:int}}/attachments", w => $"/{feature}/{record(w)}/attachments", readers),
        Post($"{feature}/{{id:int}}/attachments", w => $"/{feature}/{record(w)}/attachments?handler=Upload", editors, NoFields, handler: "Upload"),
        Post($"{feature}/{{id:int}}/attachments", w => $"/{feature}/{record(w)}/attachments?handler=Withdraw", editorsFindNothing, NoFields, handler: "Withdraw"),
        Get($"api/{feature}/{{id:int}}/attachments", w => $"/api/{feature}/{record(w)}/attachments", readers),
        Post($"api/{feature}/{{id:int}}/attachments", w => $"/api/{feature}/{record(w)}/attachments", editors, Empty),
        Get($"api/{feature}/{{id:int}}/attachments/{{attachmentId:int}}", w => $"/api/{feature}/{record(w)}/attachments/999999", Nobody),
        Post($"api/{feature}/{{id:int}}/attachments/{{attachmentId:int}}/withdraw", w => $"/api/{feature}/{record(w)}/attachments/999999/withdraw", editorsFindNothing, Empty),
    ];
    static Task<object> Verify(string kind, int id) => Task.FromResult<object>(new Dictionary<string, string>
    {
        ["kind"] = kind, ["id"] = id.ToString(), ["language"] = "en", ["version"] = "0",
    });
    static Task<object> NoFields(World _) => Task.FromResult<object>(new Dictionary<string, string>());

    static Dictionary<string, string> ReportForm(string side, int organisation, int version = 0) => new()
    {
        ["Input.Country"] = side,
        ["Input.OrganisationId"] = organisation.ToString(),
        ["Input.Period"] = "2026",
        ["Input.Status"] = "InProgress",
        ["Input.NarrativeEn"] = $"Matrix test report of {side}",
        ["Input.ReportedOn"] = "01/01/2026",
        ["Input.Version"] = version.ToString(),
    };

    static object ReportJson(string side, int organisation, int version = 0) => new
    {
        country = side, organisationId = organisation, period = "2026", status = "InProgress",
        narrativeEn = $"Matrix test report of {side}", reportedOn = "2026-01-01", version,
    };

    // Columns: anonymous, reader VN, focal point LA, coordinator VN, coordinator LA, administrator VN.
    public static readonly Row[] Rows =
    [
        // Reading: the demo history is public, so everyone reads it.
        Get("", _ => "/", Everyone),
        Get("search", _ => "/search?q=Lao", Everyone),
        Get("instruments", _ => "/instruments", Everyone),
        Get("instruments/{id:int}", w => $"/instruments/{w.Instrument}", Everyone),
        Get("meetings", _ => "/meetings", Everyone),
        Get("meetings/{id:int}", w => $"/meetings/{w.Meeting}", Everyone),
        // The bilingual views read what the details pages read.
        Get("instruments/{id:int}/bilingual", w => $"/instruments/{w.Instrument}/bilingual", Everyone),
        Get("meetings/{id:int}/bilingual", w => $"/meetings/{w.Meeting}/bilingual", Everyone),
        Get("commitments", _ => "/commitments", Everyone),
        // The yearly review reads what each reader may see, like the lists; making its document needs an account (documents/new).
        Get("review", _ => "/review?year=2018", Everyone),
        Get("commitments/{id:int}", w => $"/commitments/{w.HistoricCommitment}", Everyone),
        // The illustrative working records are shared by the signed-in officials of both sides, not published.
        // Not signed in: to sign in and back (an e-mailed link to a shared record must not look dead).
        Get("commitments/{id:int}", w => $"/commitments/{w.Bankan}", "SOOOOO"),
        Get("activities", _ => "/activities", Everyone),
        Get("activities/{id:int}", w => $"/activities/{w.Activity}", Everyone),
        Get("organisations", _ => "/organisations", Everyone),
        Get("organisations/{id:int}", w => $"/organisations/{w.Organisation}", Everyone),
        Get("api/search", _ => "/api/search?q=Lao", Everyone),
        // The IATI file holds only what the ministries published, the same for everyone.
        Get("iati/activities.xml", _ => "/iati/activities.xml", Everyone),
        Get("api/instruments", _ => "/api/instruments", Everyone),
        Get("api/instruments/{id:int}", w => $"/api/instruments/{w.Instrument}", Everyone),
        Get("api/meetings", _ => "/api/meetings", Everyone),
        Get("api/meetings/{id:int}", w => $"/api/meetings/{w.Meeting}", Everyone),
        Get("api/commitments", _ => "/api/commitments", Everyone),
        Get("api/commitments/{id:int}", w => $"/api/commitments/{w.HistoricCommitment}", Everyone),
        Get("api/commitments/{id:int}", w => $"/api/commitments/{w.Bankan}", SignedIn),
        Get("api/commitments/{id:int}/reports", w => $"/api/commitments/{w.HistoricCommitment}/reports", Everyone),
        Get("api/commitments/{id:int}/reports", w => $"/api/commitments/{w.Bankan}/reports", SignedIn),
        Get("api/reports/{id:int}", w => $"/api/reports/{w.LaReportOnBankan}", SignedIn),
        Get("api/activities", _ => "/api/activities", Everyone),
        Get("api/activities/{id:int}", w => $"/api/activities/{w.Activity}", Everyone),
        Get("api/organisations", _ => "/api/organisations", Everyone),
        Get("api/organisations/{id:int}", w => $"/api/organisations/{w.Organisation}", Everyone),
        Get("api/people", _ => "/api/people", Everyone),
        Get("api/people/{id:int}", w => $"/api/people/{w.Person}", Everyone),
        Get("openapi/{documentName}.json", _ => "/openapi/v1.json", Everyone),
        Get("api/reference/{documentName?}", _ => "/api/reference", Everyone),
        // The language picker: a form on every page (a POST, so that a link or an image elsewhere changes nothing).
        Post("culture/{culture}", _ => "/culture/vi", Everyone, _ => Task.FromResult<object>(new Dictionary<string, string> { ["returnUrl"] = "/commitments" })),
        // Probes for a load balancer: open to all, one word back (HealthTests).
        Get("health/live", _ => "/health/live", Everyone),
        Get("health/ready", _ => "/health/ready", Everyone),
        Get("error/{code:int?}", _ => "/error/404", Nobody),
        Post("error/{code:int?}", _ => "/error/404", Nobody, NoFields),

        // The record: coordinators of either side, nobody else; a record that does not exist is not found.
        Get("instruments/new", _ => "/instruments/new", Editors),
        Post("instruments/new", _ => "/instruments/new", Editors, NoFields),
        Get("instruments/{id:int}/edit", w => $"/instruments/{w.Instrument}/edit", Editors),
        Post("instruments/{id:int}/edit", w => $"/instruments/{w.Instrument}/edit", Editors, NoFields),
        Post("instruments/{id:int}/edit", w => $"/instruments/{w.Instrument}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("instruments/new", _ => "/instruments/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/instruments/{w.Instrument}/history", "SOOOOO"),
        Post("api/instruments", _ => "/api/instruments", Editors, Empty),
        Put("api/instruments/{id:int}", w => $"/api/instruments/{w.Instrument}", Editors, Empty),
        Get("meetings/new", _ => "/meetings/new", Editors),
        Post("meetings/new", _ => "/meetings/new", Editors, NoFields),
        Get("meetings/{id:int}/edit", w => $"/meetings/{w.Meeting}/edit", Editors),
        Post("meetings/{id:int}/edit", w => $"/meetings/{w.Meeting}/edit", Editors, NoFields),
        Post("meetings/{id:int}/edit", w => $"/meetings/{w.Meeting}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("meetings/new", _ => "/meetings/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/meetings/{w.Meeting}/history", "SOOOOO"),
        Post("api/meetings", _ => "/api/meetings", Editors, Empty),
        Put("api/meetings/{id:int}", w => $"/api/meetings/{w.Meeting}", Editors, Empty),
        Get("commitments/new", _ => "/commitments/new", Editors),
        Post("commitments/new", _ => "/commitments/new", Editors, NoFields),
        Get("commitments/{id:int}/edit", w => $"/commitments/{w.Bankan}/edit", Editors),
        Get("commitments/{id:int}/edit", w => $"/commitments/{w.Teachers}/edit", Editors),
        Get("commitments/{id:int}/edit", _ => "/commitments/999999/edit", "SFFNNF"),
        Post("commitments/{id:int}/edit", w => $"/commitments/{w.Teachers}/edit", Editors, NoFields),
        Post("commitments/{id:int}/edit", w => $"/commitments/{w.Teachers}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("commitments/new", _ => "/commitments/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/commitments/{w.Teachers}/history", "SOOOOO"),
        Post("commitments/{id:int}", w => $"/commitments/{w.Bankan}?handler=Status", Editors, NoFields, handler: "Status"),
        Post("commitments/{id:int}", w => $"/commitments/{w.Bankan}?handler=Merge", Editors, NoFields, handler: "Merge"),
        Get("commitments/{id:int}/carry-over", w => $"/commitments/{w.Bankan}/carry-over", Editors),
        // Withdrawing a record made by mistake, and the coordinators' list of withdrawn records.
        Get("withdraw/{kind}/{id:int}", w => $"/withdraw/instruments/{w.Instrument}", Editors),
        Get("withdraw/{kind}/{id:int}", w => $"/withdraw/reports/{w.LaReportOnBankan}", "SFFFOF"),
        Post("withdraw/{kind}/{id:int}", w => $"/withdraw/commitments/{w.Bankan}", Editors, NoFields),
        Get("withdrawn", w => "/withdrawn", Editors),
        Post("withdrawn", w => $"/withdrawn?handler=Restore&kind=instruments&id={w.Instrument}", EditorsNothingToMerge, NoFields, handler: "Restore"),
        Post("commitments/{id:int}/carry-over", w => $"/commitments/{w.Bankan}/carry-over", Editors, NoFields),
        Post("api/commitments", _ => "/api/commitments", Editors, Empty),
        Put("api/commitments/{id:int}", w => $"/api/commitments/{w.Teachers}", Editors, Empty),
        Post("api/commitments/{id:int}/carry-over", w => $"/api/commitments/{w.Bankan}/carry-over", Editors, Empty),
        Get("activities/new", _ => "/activities/new", Editors),
        Post("activities/new", _ => "/activities/new", Editors, NoFields),
        Get("activities/{id:int}/edit", w => $"/activities/{w.Activity}/edit", Editors),
        Post("activities/{id:int}/edit", w => $"/activities/{w.Activity}/edit", Editors, NoFields),
        Post("activities/{id:int}/edit", w => $"/activities/{w.Activity}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("activities/new", _ => "/activities/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/activities/{w.Activity}/history", "SOOOOO"),
        Post("activities/{id:int}/edit", w => $"/activities/{w.Activity}/edit?handler=Pick", Editors, NoFields, handler: "Pick"),
        Post("activities/new", _ => "/activities/new?handler=Pick", Editors, NoFields, handler: "Pick"),
        Post("api/activities", _ => "/api/activities", Editors, Empty),
        Put("api/activities/{id:int}", w => $"/api/activities/{w.Activity}", Editors, Empty),
        Get("organisations/new", _ => "/organisations/new", Editors),
        Post("organisations/new", _ => "/organisations/new", Editors, NoFields),
        Get("organisations/{id:int}/edit", w => $"/organisations/{w.Organisation}/edit", Editors),
        Post("organisations/{id:int}/edit", w => $"/organisations/{w.Organisation}/edit", Editors, NoFields),
        Post("organisations/{id:int}/edit", w => $"/organisations/{w.Organisation}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("organisations/new", _ => "/organisations/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/organisations/{w.Organisation}/history", "SOOOOO"),
        Post("api/organisations", _ => "/api/organisations", Editors, Empty),
        Put("api/organisations/{id:int}", w => $"/api/organisations/{w.Organisation}", Editors, Empty),
        Get("people/new", _ => "/people/new", Editors),
        Post("people/new", _ => "/people/new", Editors, NoFields),
        Get("people/{id:int}/edit", w => $"/people/{w.Person}/edit", Editors),
        Post("people/{id:int}/edit", w => $"/people/{w.Person}/edit", Editors, NoFields),
        Post("people/{id:int}/edit", w => $"/people/{w.Person}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Post("people/new", _ => "/people/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get(History, w => $"/people/{w.Person}/history", "SOOOOO"),
        Post("api/people", _ => "/api/people", Editors, Empty),
        Put("api/people/{id:int}", w => $"/api/people/{w.Person}", Editors, Empty),

        // Progress reports: each side its own; la-bankan's focal point only on the clause la-bankan leads.
        Get("commitments/{id:int}/reports/new", w => $"/commitments/{w.Bankan}/reports/new?side=LA", "SFOOOF"),
        Get("commitments/{id:int}/reports/new", w => $"/commitments/{w.Teachers}/reports/new?side=LA", "SFFOOF"),
        Post("commitments/{id:int}/reports/new", w => $"/commitments/{w.Bankan}/reports/new", "SFOFOF",
            w => Task.FromResult<object>(ReportForm("LA", w.BankanCentre))),
        Post("commitments/{id:int}/reports/new", w => $"/commitments/{w.Bankan}/reports/new", "SFFOFF",
            w => Task.FromResult<object>(ReportForm("VN", w.VnMinistry))),
        Post("commitments/{id:int}/reports/new", w => $"/commitments/{w.Teachers}/reports/new", "SFFFOF",
            w => Task.FromResult<object>(ReportForm("LA", w.LaoDepartment))),
        Get("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/edit", "SFOFOF"),
        Get("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Bankan}/reports/{w.VnReportOnBankan}/edit", "SFFOFF"),
        Get("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Teachers}/reports/{w.LaReportOnTeachers}/edit", "SFFFOF"),
        Post("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/edit", "SFOFOF",
            async w => ReportForm("LA", w.BankanCentre, await w.ReportVersion(w.LaReportOnBankan))),
        Post("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Teachers}/reports/{w.LaReportOnTeachers}/edit", "SFFFOF",
            async w => ReportForm("LA", w.LaoDepartment, await w.ReportVersion(w.LaReportOnTeachers))),
        Post("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/edit?handler=Merge", "SFOFOF",
            NoFields, handler: "Merge"),
        Post("commitments/{id:int}/reports/new", w => $"/commitments/{w.Bankan}/reports/new?handler=Merge", "SFNNNF", NoFields, handler: "Merge"),
        Get("commitments/{commitmentId:int}/reports/{id:int}/history", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/history", "SOOOOO"),
        // Moving a Lao report to the Vietnamese side is writing a Vietnamese report: the Lao side may not.
        Post("commitments/{id:int}/reports/{reportId:int}/edit", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/edit", "SFFFFF",
            async w => ReportForm("VN", w.VnMinistry, await w.ReportVersion(w.LaReportOnBankan))),
        Post("api/commitments/{id:int}/reports", w => $"/api/commitments/{w.Bankan}/reports", "SFOFOF",
            w => Task.FromResult(ReportJson("LA", w.BankanCentre))),
        Post("api/commitments/{id:int}/reports", w => $"/api/commitments/{w.Bankan}/reports", "SFFOFF",
            w => Task.FromResult(ReportJson("VN", w.VnMinistry))),
        Post("api/commitments/{id:int}/reports", w => $"/api/commitments/{w.Teachers}/reports", "SFFFOF",
            w => Task.FromResult(ReportJson("LA", w.LaoDepartment))),
        Put("api/reports/{id:int}", w => $"/api/reports/{w.LaReportOnBankan}", "SFOFOF",
            async w => ReportJson("LA", w.BankanCentre, await w.ReportVersion(w.LaReportOnBankan))),
        Put("api/reports/{id:int}", w => $"/api/reports/{w.LaReportOnTeachers}", "SFFFOF",
            async w => ReportJson("LA", w.LaoDepartment, await w.ReportVersion(w.LaReportOnTeachers))),
        Put("api/reports/{id:int}", w => $"/api/reports/{w.VnReportOnBankan}", "SFFOFF",
            async w => ReportJson("VN", w.VnMinistry, await w.ReportVersion(w.VnReportOnBankan))),

        // Reporting rounds: opened and closed by coordinators, read by everyone signed in; "my work" for those who
        // report; the reminders' log for administrators. Closing with a stale version (0) changes nothing.
        Get("rounds", _ => "/rounds", "SOOOOO"),
        Get("rounds/{id:int}", w => $"/rounds/{w.Round}", "SOOOOO"),
        Post("rounds/{id:int}", w => $"/rounds/{w.Round}?handler=Close", Editors, NoFields, handler: "Close"),
        // "Send a reminder now" for a Lao department of the shared demo round: either side's coordinators.
        Post("rounds/{id:int}", w => $"/rounds/{w.Round}?handler=Remind", Editors,
            w => Task.FromResult<object>(new Dictionary<string, string> { ["department"] = w.LaoDepartment.ToString() }), handler: "Remind"),
        Get("rounds/new", _ => "/rounds/new", Editors),
        Post("rounds/new", _ => "/rounds/new", Editors, NoFields),
        Post("rounds/new", _ => "/rounds/new?handler=Merge", EditorsNothingToMerge, NoFields, handler: "Merge"),
        Get("rounds/{id:int}/edit", w => $"/rounds/{w.Round}/edit", Editors),
        Post("rounds/{id:int}/edit", w => $"/rounds/{w.Round}/edit", Editors, NoFields),
        Post("rounds/{id:int}/edit", w => $"/rounds/{w.Round}/edit?handler=Merge", Editors, NoFields, handler: "Merge"),
        Get("my-work", _ => "/my-work", "SFOOOF"),
        Get("admin/reminders", _ => "/admin/reminders", Administrators),
        Get("api/rounds", _ => "/api/rounds", "SOOOOO"),
        Get("api/rounds/{id:int}", w => $"/api/rounds/{w.Round}", "SOOOOO"),
        Get("api/rounds/{id:int}/missing", w => $"/api/rounds/{w.Round}/missing?side=LA", "SOOOOO"),
        Post("api/rounds", _ => "/api/rounds", Editors, Empty),
        Put("api/rounds/{id:int}", w => $"/api/rounds/{w.Round}", Editors, Empty),
        Post("api/rounds/{id:int}/close", w => $"/api/rounds/{w.Round}/close", Editors, Empty),
        // Closing or reopening a commitment: one side's coordinator proposes, the other's answers; a proposal
        // that is not there is not found.
        Get("commitments/{id:int}/status", w => $"/commitments/{w.Bankan}/status", Editors),
        Post("commitments/{id:int}/status", w => $"/commitments/{w.Bankan}/status", Editors, NoFields),
        Post("commitments/{id:int}/status", w => $"/commitments/{w.Bankan}/status?handler=Confirm&proposal=999999", "SFFNNF", NoFields, handler: "Confirm"),
        Post("commitments/{id:int}/status", w => $"/commitments/{w.Bankan}/status?handler=Decline&proposal=999999", "SFFNNF", NoFields, handler: "Decline"),
        Get("status-proposals", _ => "/status-proposals", Editors),
        Post("api/commitments/{id:int}/status-proposals", w => $"/api/commitments/{w.Bankan}/status-proposals", Editors, Empty),
        Get("api/status-proposals", _ => "/api/status-proposals", Editors),
        Post("api/status-proposals/{id:int}/confirm", _ => "/api/status-proposals/999999/confirm", "SFFNNF", Empty),
        Post("api/status-proposals/{id:int}/decline", _ => "/api/status-proposals/999999/decline", "SFFNNF", Empty),

        // Documents: every signed-in account asks for its own and sees only its own (another's is not there).
        Get("documents", _ => "/documents", "SOOOOO"),
        Get("documents/new", w => $"/documents/new?meeting={w.Meeting}", "SOOOOO"),
        Post("documents/new", w => $"/documents/new", "SOOOOO", w => Task.FromResult<object>(new Dictionary<string, string>
        {
            ["Input.Kind"] = "ImplementationReport", ["Input.Meeting"] = w.Meeting.ToString(), ["Input.Format"] = "Xlsx",
            ["Input.Left"] = "vi", ["Input.Right"] = "", ["Input.Side"] = "VN",
        })),
        Get("documents/new", w => $"/documents/new?commitments=true&filter.side=LA", "SOOOOO"),
        Get("documents/new", _ => "/documents/new?year=2018", "SOOOOO"),
        Get("documents/{id:int}", _ => "/documents/999999", "SNNNNN"),
        Get("documents/{id:int}/file", _ => "/documents/999999/file", "SNNNNN"),

        // Reports from a spreadsheet: whoever writes reports (coordinators, focal points); an import is its uploader's only.
        Get("import", w => $"/import?instrument={w.Instrument}", "SFOOOF"),
        Get("import", w => $"/import?handler=Template&format=xlsx&meeting={w.Meeting}", "SFOOOF"),
        Post("import", _ => "/import", "SFOOOF", NoFields),
        Get("import/{id:int}", _ => "/import/999999", "SFNNNF"),
        Post("import/{id:int}", _ => "/import/999999", "SFNNNF", NoFields),
        // Calendars: the public feed for everyone; a personal feed opens only with its secret address.
        Get("calendar/public.ics", _ => "/calendar/public.ics", Everyone),
        Get("calendar/feed/{token}.ics", _ => "/calendar/feed/not-a-feed.ics", Nobody),
        Get("account/calendar", _ => "/account/calendar", "SOOOOO"),
        Post("account/calendar", _ => "/account/calendar", "SOOOOO", NoFields),
        Post("account/calendar", _ => "/account/calendar?handler=Revoke", "SOOOOO", NoFields, handler: "Revoke"),
        // Attachments: read with their record; added and withdrawn by whoever may edit it (a report's: whoever may
        // write it). A withdrawal of a file that is not there finds nothing.
        .. AttachmentRows("instruments", w => w.Instrument, Everyone, Editors, EditorsNothingToMerge),
        .. AttachmentRows("meetings", w => w.Meeting, Everyone, Editors, EditorsNothingToMerge),
        .. AttachmentRows("commitments", w => w.Bankan, SignedIn, Editors, EditorsNothingToMerge),
        .. AttachmentRows("activities", w => w.Activity, Everyone, Editors, EditorsNothingToMerge),
        Get("commitments/{commitmentId:int}/reports/{id:int}/attachments", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/attachments", SignedIn),
        Post("commitments/{commitmentId:int}/reports/{id:int}/attachments", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/attachments?handler=Upload",
            "SFOFOF", NoFields, handler: "Upload"),
        Post("commitments/{commitmentId:int}/reports/{id:int}/attachments", w => $"/commitments/{w.Bankan}/reports/{w.VnReportOnBankan}/attachments?handler=Upload",
            "SFFOFF", NoFields, handler: "Upload"),
        Post("commitments/{commitmentId:int}/reports/{id:int}/attachments", w => $"/commitments/{w.Bankan}/reports/{w.LaReportOnBankan}/attachments?handler=Withdraw",
            "SFNFNF", NoFields, handler: "Withdraw"),
        Get("api/reports/{id:int}/attachments", w => $"/api/reports/{w.LaReportOnBankan}/attachments", SignedIn),
        Post("api/reports/{id:int}/attachments", w => $"/api/reports/{w.LaReportOnBankan}/attachments", "SFOFOF", Empty),
        Post("api/reports/{id:int}/attachments", w => $"/api/reports/{w.VnReportOnBankan}/attachments", "SFFOFF", Empty),
        Get("api/reports/{id:int}/attachments/{attachmentId:int}", w => $"/api/reports/{w.LaReportOnBankan}/attachments/999999", Nobody),
        Post("api/reports/{id:int}/attachments/{attachmentId:int}/withdraw", w => $"/api/reports/{w.LaReportOnBankan}/attachments/999999/withdraw", "SFNFNF", Empty),
        Get("attachments/{id:int}", _ => "/attachments/999999", Nobody),

        // Administration: accounts' own pages for everyone signed in; logs, reference data and translations
        // for administrators only (not the record: see above).
        Get("account", _ => "/account", "SOOOOO"),
        Post("account", _ => "/account?handler=Language", "SOOOOO", NoFields, handler: "Language"),
        Post("account", _ => "/account?handler=RecoveryCodes", "SOOOOO", NoFields, handler: "RecoveryCodes"),
        // Coordinators and administrators must keep their second factor.
        Post("account", _ => "/account?handler=DisableTwoFactor", "SOOFFF", NoFields, handler: "DisableTwoFactor"),
        Post("account", _ => "/account?handler=EndOtherSessions", "SOOOOO", NoFields, handler: "EndOtherSessions"),
        Get("account/two-factor/setup", _ => "/account/two-factor/setup", "SOOOOO"),
        Post("account/two-factor/setup", _ => "/account/two-factor/setup", "SOOOOO", NoFields),
        Get("admin/changes/{handler:regex(^export$)?}", _ => "/admin/changes", Administrators),
        Get("admin/changes/{handler:regex(^export$)?}", _ => "/admin/changes/export", Administrators),
        Get("admin/security/{handler:regex(^export$)?}", _ => "/admin/security", Administrators),
        Get("admin/security/{handler:regex(^export$)?}", _ => "/admin/security/export", Administrators),
        Get("admin/reference", _ => "/admin/reference", Administrators),
        Post("admin/reference", w => $"/admin/reference?handler=Active&id={w.Term}&active=true", Administrators, NoFields, handler: "Active"),
        Get("admin/reference/new", _ => "/admin/reference/new", Administrators),
        Post("admin/reference/new", _ => "/admin/reference/new", Administrators, NoFields),
        Get("admin/reference/{id:int}/edit", w => $"/admin/reference/{w.Term}/edit", Administrators),
        Post("admin/reference/{id:int}/edit", w => $"/admin/reference/{w.Term}/edit", Administrators, NoFields),
        Get("admin/translations", _ => "/admin/translations", Administrators),
        // Translation work: everyone signed in sees the queue; a translation is verified by whoever may edit the
        // record (coordinators), a report's by those who may write it (its side's coordinator, the lead's focal point).
        Get("translations", _ => "/translations?language=lo", "SOOOOO"),
        Post("translations", w => "/translations?handler=Verify", Editors, w => Verify("Commitment", w.Teachers), handler: "Verify"),
        Post("translations", w => "/translations?handler=Verify", "SFOFOF", w => Verify("Report", w.LaReportOnBankan), handler: "Verify"),
        Get("admin/accounts", _ => "/admin/accounts", Administrators),
        Get("admin/accounts/invite", _ => "/admin/accounts/invite", Administrators),
        Post("admin/accounts/invite", _ => "/admin/accounts/invite", Administrators, NoFields),
        Get("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}", Administrators),
        Post("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}", Administrators, NoFields),
        Post("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}?handler=Disable", Administrators, NoFields, handler: "Disable"),
        Post("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}?handler=Enable", Administrators, NoFields, handler: "Enable"),
        Post("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}?handler=EndSessions", Administrators, NoFields, handler: "EndSessions"),
        Post("admin/accounts/{id:int}", w => $"/admin/accounts/{w.Account}?handler=SendLink", Administrators, NoFields, handler: "SendLink"),
        // Each account's own password and tokens; revoking a token that is not one's own says nothing.
        Get("account/password", _ => "/account/password", "SOOOOO"),
        Post("account/password", _ => "/account/password", "SOOOOO", NoFields),
        Get("account/tokens", _ => "/account/tokens", "SOOOOO"),
        Post("account/tokens", _ => "/account/tokens", "SOOOOO", NoFields),
        Post("account/tokens", _ => "/account/tokens?handler=Revoke&id=999999", "SNNNNN", NoFields, handler: "Revoke"),
        // Invitations and password resets are opened from a link, signed in or not; without a valid link
        // the page says so and changes nothing.
        Get("account/accept", _ => "/account/accept", Everyone),
        Post("account/accept", _ => "/account/accept", Everyone, NoFields),
        Get("account/forgot-password", _ => "/account/forgot-password", Everyone),
        Post("account/forgot-password", _ => "/account/forgot-password", Everyone, NoFields),
        Get("account/reset-password", _ => "/account/reset-password", Everyone),
        Post("account/reset-password", _ => "/account/reset-password", Everyone, NoFields),

        // Signing in and out. The second-factor pages need the short-lived cookie a correct password gives.
        Get("account/sign-in", _ => "/account/sign-in", Everyone),
        Post("account/sign-in", _ => "/account/sign-in", Everyone, NoFields),
        Get("account/two-factor", _ => "/account/two-factor", Pending),
        Post("account/two-factor", _ => "/account/two-factor", Pending, NoFields),
        Get("account/enrol", _ => "/account/enrol", Pending),
        Post("account/enrol", _ => "/account/enrol", Pending, NoFields),
        Get("account/sign-out", _ => "/account/sign-out", "SOOOOO"),
        // Last: it ends each user's session.
        Post("account/sign-out", _ => "/account/sign-out", "SOOOOO", NoFields),
    ];

    [Fact]
    public async Task EachKindOfUserGetsWhatTheAccessRulesSayOnEveryPageAndEndpoint()
    {
        var world = await LoadWorldAsync() with
        {
            Account = (await factory.CreateAccountAsync(Role.Reader, "vn-moha")).Id,
            Round = await factory.WithDbAsync(db => db.Rounds.Where(r => r.Key == "round-conf-10").Select(r => r.Id).SingleAsync()),
        };
        var clients = new List<HttpClient>();
        foreach (var user in Users)
            clients.Add(user.Role is { } role ? await factory.ClientAsync(role, user.Organisation, redirects: false) : factory.NoRedirects());

        var mismatches = new List<string>();
        foreach (var row in Rows)
        {
            for (var u = 0; u < Users.Length; u++)
            {
                var (outcome, detail) = await TryAsync(clients[u], row, world);
                if (outcome != row.ExpectedFor(u))
                    mismatches.Add($"{row.Method} {row.Url(world)} as {Users[u].Name}: expected {row.ExpectedFor(u)}, got {outcome} ({detail})");
            }
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} mismatches:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public async Task EveryEndpointThatChangesDataOrNeedsAPolicyHasARowInTheMatrix()
    {
        var missing = new List<string>();
        foreach (var endpoint in await AppEndpoints.AllAsync(factory))
        {
            if (endpoint.PageModel is { } model)
            {
                var wanted = AppEndpoints.WriteHandlers(model).Select(AppEndpoints.Describe).ToList();
                if (endpoint.HasPolicy) wanted.Add(("GET", null));
                foreach (var (method, handler) in wanted.Where(w => !Rows.Any(r => r.Route == endpoint.Route && r.Method == w.Method && r.Handler == w.Handler)))
                    missing.Add($"{method} /{endpoint.Route}{(handler is null ? "" : $"?handler={handler}")} ({model.Name})");
            }
            else
            {
                foreach (var method in endpoint.Methods.Where(m => (m != "GET" && m != "HEAD") || endpoint.HasPolicy)
                    .Where(m => !Rows.Any(r => r.Route == endpoint.Route && r.Method == m)))
                    missing.Add($"{method} /{endpoint.Route}");
            }
        }
        Assert.True(missing.Count == 0, "Endpoints without a row in AccessMatrixTests.Rows:\n" + string.Join("\n", missing.Distinct()));
    }

    static async Task<(Outcome Outcome, string Detail)> TryAsync(HttpClient client, Row row, World world)
    {
        var url = row.Url(world);
        HttpResponseMessage response;
        if (row.Method == "GET")
        {
            response = await client.GetAsync(url);
        }
        else
        {
            var body = row.Body is null ? null : await row.Body(world);
            HttpContent content = row.IsApi
                ? JsonContent.Create(body ?? new { })
                : new FormUrlEncodedContent(await WithTokenAsync(client, (Dictionary<string, string>?)body ?? []));
            response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(row.Method), url) { Content = content });
        }
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var text = await response.Content.ReadAsStringAsync();
        var detail = $"{status}{(location.Length > 0 ? " to " + location : "")}";
        var outcome = status switch
        {
            401 => Outcome.SignIn,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            >= 300 and < 400 when location.Contains("/account/sign-in") => Outcome.SignIn,
            >= 300 and < 400 when location.Contains("/error/403") => Outcome.Forbidden,
            >= 200 and < 400 => Outcome.Ok,
            // Problem details naming the fields: the API judged the body, so access was granted.
            400 or 409 when row.IsApi && text.Contains("\"errors\"") || status == 409 => Outcome.Ok,
            _ => (Outcome)(-1),
        };
        return (outcome, detail);
    }

    // A form post carries the antiforgery token of its user, as a browser's would; any page's token will do.
    static async Task<List<KeyValuePair<string, string>>> WithTokenAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync("/account/sign-in"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("No antiforgery token on the sign-in page");
        return [.. fields, new("__RequestVerificationToken", token)];
    }

    async Task<World> LoadWorldAsync() => await factory.WithDbAsync(async db =>
    {
        async Task<int> Org(string key) => await db.Organisations.Where(o => o.Key == key).Select(o => o.Id).SingleAsync();
        var bankanOrg = await Org("la-bankan");
        var dpic = await Org("la-mlsw-dpic");
        var ninth = await db.Instruments.Where(i => i.Key == "min-conf-9").Select(i => new { i.Id, i.MeetingId }).SingleAsync();
        async Task<int> LedBy(int organisation) => await db.Commitments
            .Where(c => c.InstrumentId == ninth.Id && c.Leads.Any(l => l.OrganisationId == organisation)).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var bankan = await LedBy(bankanOrg);
        var teachers = await LedBy(dpic);
        async Task<int> Report(int commitment, string side) => await db.ProgressReports
            .Where(r => r.CommitmentId == commitment && r.Country == side).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        return new World(
            ninth.Id, ninth.MeetingId!.Value,
            await db.Commitments.Where(c => !c.IsIllustrative).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            bankan, teachers,
            await Report(bankan, Sides.Laos), await Report(bankan, Sides.Vietnam), await Report(teachers, Sides.Laos),
            await db.Activities.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            await Org("vn-molisa"), dpic, bankanOrg, await Org("vn-moha"),
            await db.People.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.Terms.Where(t => t.Vocabulary == Concord.Features.ReferenceData.Vocabularies.Area).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            id => factory.WithDbAsync(d => d.ProgressReports.Where(r => r.Id == id).Select(r => r.Version).SingleAsync()));
    });
}

public sealed class AccessMatrixOnSqlite(SqliteFactory factory) : AccessMatrixTests(factory), IClassFixture<SqliteFactory>;
public sealed class AccessMatrixOnPostgres(PostgresFactory factory) : AccessMatrixTests(factory), IClassFixture<PostgresFactory>;
