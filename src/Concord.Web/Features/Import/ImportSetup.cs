using Concord.Features.Jobs;
using Microsoft.AspNetCore.Http.Features;

namespace Concord.Features.Import;

public static class ImportSetup
{
    public static IServiceCollection AddConcordImport(this IServiceCollection services)
    {
        services.AddOptions<ImportOptions>().BindConfiguration("Import");
        services.AddDailyJob<ExpiredPreviews>(ExpiredPreviews.Kind, _ => ExpiredPreviews.At);
        return services;
    }

    // An upload larger than Import:MaxFileBytes (plus room for the form around the file) is refused before its body
    // is read: the server stops reading at the limit, and a request that declares a larger length is sent back to
    // the upload page, which says why.
    public static IApplicationBuilder UseImportUploadLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/import", StringComparison.OrdinalIgnoreCase))
        {
            var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportOptions>>().Value;
            var limit = options.MaxFileBytes + 64 * 1024;
            if (http.Request.ContentLength > limit)
            {
                http.Response.Redirect("/import?refused=too-large");
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        }
        await next(http);
    });
}
