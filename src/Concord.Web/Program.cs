using System.Text.Encodings.Web;
using System.Text.Unicode;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Attachments;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Documents;
using Concord.Features.Iati;
using Concord.Features.Import;
using Concord.Features.Calendar;
using Concord.Features.Health;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.Rounds;
using Concord.Features.Search;
using Concord.Shared;

// A published Concord finds its wwwroot and settings beside its own files, whatever folder it is started from.
// (A build has no wwwroot in its output: run from the project, it keeps the working directory as content root.)
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null,
});
// A build (not a publish) keeps the compressed copies of wwwroot under obj/, named by a manifest beside the
// binaries; Development reads it by itself, other environments (the tests' "Testing") need it asked for, or the
// static asset endpoints answer a browser's "Accept-Encoding: br" with an empty file. A published app has no
// such manifest (its copies are in wwwroot) and this does nothing there.
builder.WebHost.UseStaticWebAssets();
if (AccountLinksSetup.PublicUrlProblem(builder) is { } missing)
{
    await Console.Error.WriteLineAsync(missing);
    return 1;
}

builder.AddConcordObservability();
builder.AddConcordDatabase();
builder.Services.AddConcordWeb();
builder.Services.AddConcordApi();
builder.Services.AddConcordAccounts(builder.Configuration);
builder.Services.AddConcordAccountLinks();
builder.Services.AddConcordRateLimits(builder.Configuration);
builder.Services.AddConcordAudit();
builder.Services.AddConcordDocuments();
builder.Services.AddConcordImport();
builder.Services.AddConcordCalendar();
builder.Services.AddConcordRounds();
builder.Services.AddConcordAttachments();
builder.Services.AddConcordHealth();

var app = builder.Build();

if (args.Length > 0 && args[0] == "generate")
{
    return await SyntheticData.RunAsync(app.Services, args[1..]);
}
if (args is ["backup" or "restore", ..])
{
    return await Backup.RunAsync(app.Services, args[0], args[1..]);
}

// The database is prepared (pending migrations, the start-up checks, the demo) on another thread while this one sets up
// the web pipeline, which does not touch the database: building EF's model is most of the preparation, and the two
// used to take turns on one core. Nothing is served and no background job runs until both are done (RunAsync, below).
var preparing = Task.Run(() => app.Services.PrepareDatabaseAsync());
if (args is ["delete-demo-accounts" or "recount-translations"])
{
    if (!await PreparedAsync(app, preparing)) return 1;
    return args[0] == "delete-demo-accounts"
        ? await DemoAccounts.DeleteAsync(app.Services)
        : await Concord.Features.Translations.TranslationCounts.RunAsync(app.Services, Console.Out);
}

try
{
    app.UseConcordWeb();
    app.UseImportUploadLimit();
    app.MapConcordApi();
    app.MapOrganisationsApi();
    app.MapInstrumentsApi();
    app.MapMeetingsApi();
    app.MapCommitmentsApi();
    app.MapActivitiesApi();
    app.MapRoundsApi();
    app.MapSearchApi();
    app.MapIatiExport();
    app.MapDocuments();
    app.MapCalendarFeeds();
    app.MapAttachmentsApi();
    app.MapConcordHealth();
}
catch
{
    // A setting refused here (an address among the proxies that is none) ends the start, but not during a migration.
    await Task.WhenAny(preparing);
    throw;
}
// The endpoints (every Razor page's route, model and filters; the API's request delegates) are otherwise built by
// the first request, after the database is prepared: built here, beside the preparation, they take the other core.
var endpoints = Task.Run(() => ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count));
if (!await PreparedAsync(app, preparing)) return 1;
await endpoints;
await DemoAccounts.RefuseInProductionAsync(app.Services);

await app.RunAsync();
return 0;

// A missing folder or a read-only file is the operator's to fix: the path and the cause, not a stack trace.
static async Task<bool> PreparedAsync(WebApplication app, Task preparing)
{
    try
    {
        await preparing;
        return true;
    }
    catch (Exception e) when (DatabaseSetup.ExplainOpenFailure(app.Services, e) is { } problem)
    {
        await Console.Error.WriteLineAsync(problem);
        return false;
    }
}

public partial class Program;
