using Concord.Data;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Concord.Features.Attachments;

public static class AttachmentsSetup
{
    public static IServiceCollection AddConcordAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.Folder = Path.GetFullPath(string.IsNullOrWhiteSpace(o.Folder) ? DefaultFolder(configuration) : o.Folder))
            .Validate<IWebHostEnvironment>((o, env) => Problem(o, env) is null, "Attachments: see the log for the setting to fix.")
            .ValidateOnStart();
        services.AddSingleton<IAttachmentStore>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<AttachmentOptions>>().Value;
            if (Problem(o, sp.GetRequiredService<IWebHostEnvironment>()) is { } problem) throw new InvalidOperationException(problem);
            // A long-lived client whose connections are renewed, so a changed address of the store is followed.
            return o.UsesS3
                ? new S3AttachmentStore(new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }), o.S3, sp.GetRequiredService<TimeProvider>())
                : new FolderAttachmentStore(o.Folder!);
        });
        services.AddSingleton<AttachmentFiles>();
        // The attachments page of each kind of record (the page's own route is the instruments').
        services.Configure<RazorPagesOptions>(o =>
        {
            foreach (var segment in new[] { "meetings", "commitments", "activities" })
                o.Conventions.AddPageRoute("/Attachments/Index", segment + "/{id:int}/attachments");
            o.Conventions.AddPageRoute("/Attachments/Index", "commitments/{commitmentId:int}/reports/{id:int}/attachments");
        });
        return services;
    }

    // Beside the SQLite database (concord.db -> concord-attachments), so the two are found, moved and
    // backed up together; on PostgreSQL, the app's data folder of the account it runs as.
    public static string DefaultFolder(IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"];
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Concord", "attachments");
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(configuration.GetConnectionString("Concord") ?? "Data Source=concord.db").DataSource;
        var database = Path.GetFullPath(source);
        return Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-attachments");
    }

    // A setting that cannot work, in one sentence an operator can act on.
    static string? Problem(AttachmentOptions o, IWebHostEnvironment env)
    {
        if (o.MaxBytes <= 0) return "Attachments:MaxBytes must be a positive number of bytes.";
        if (o.UsesS3)
        {
            var s3 = o.S3;
            if (string.IsNullOrWhiteSpace(s3.Endpoint) || !Uri.TryCreate(s3.Endpoint, UriKind.Absolute, out _)) return "Attachments:S3:Endpoint must be the object store's address (https://...).";
            if (string.IsNullOrWhiteSpace(s3.Bucket) || string.IsNullOrWhiteSpace(s3.AccessKey) || string.IsNullOrWhiteSpace(s3.SecretKey))
                return "Attachments:S3 needs Bucket, AccessKey and SecretKey.";
            return null;
        }
        if (!string.Equals(o.Store, "Folder", StringComparison.OrdinalIgnoreCase)) return $"Attachments:Store is \"{o.Store}\"; use Folder or S3.";
        // Files under wwwroot would be served by the static file handler to anyone, unchecked.
        var web = env.WebRootPath is { Length: > 0 } root ? Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar : null;
        if (web is not null && (o.Folder! + Path.DirectorySeparatorChar).StartsWith(web, StringComparison.Ordinal))
            return $"Attachments:Folder {o.Folder} is under wwwroot, where anyone could download the files unchecked; choose a folder outside it.";
        return null;
    }
}

// The upload's size limit, applied to the request body before anything reads it (the antiforgery check
// reads the form first): a body over the limit is not read past it, and the page says why beside the field.
public sealed class AttachmentUploadLimitAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // Before the antiforgery filter (1000) and ASP.NET's own request size filters (-2000).
    public int Order => -3000;
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider services) => new Filter(services.GetRequiredService<IOptions<AttachmentOptions>>());

    public const string TooLarge = "TooLarge";

    sealed class Filter(IOptions<AttachmentOptions> options) : IAsyncAuthorizationFilter
    {
        public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
        {
            var http = context.HttpContext;
            if (!HttpMethods.IsPost(http.Request.Method)) return;
            var limit = options.Value.MaxRequestBytes;
            var refused = new RedirectResult($"{http.Request.Path}?refused={TooLarge}");
            if (http.Request.ContentLength > limit)
            {
                context.Result = refused;
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            if (!http.Request.HasFormContentType) return;
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                context.Result = refused;
            }
        }
    }
}
