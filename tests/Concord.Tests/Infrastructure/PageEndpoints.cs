using Concord.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Infrastructure;

// Every Razor page the app serves, read from its own routing table, with a URL that reaches a real
// record: tests that must hold for every page (antiforgery, no inline script) find new pages by themselves.
public sealed record PageEndpoint(string Route, string Url, Type ModelType, IReadOnlyList<string?> PostHandlers);

public static class PageEndpoints
{
    public static async Task<IReadOnlyList<PageEndpoint>> AllAsync(ConcordFactory factory)
    {
        var values = await RouteValuesAsync(factory);
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new List<PageEndpoint>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor) continue;
            var page = descriptor as CompiledPageActionDescriptor ?? await loader.LoadAsync(descriptor, endpoint.Metadata);
            var posts = page.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)).Select(h => h.Name).Distinct().ToList();
            var route = endpoint.RoutePattern.RawText ?? "";
            pages.Add(new PageEndpoint(route, Fill(endpoint.RoutePattern, values), page.ModelTypeInfo?.AsType() ?? page.DeclaredModelTypeInfo!.AsType(), posts));
        }
        return pages.DistinctBy(p => p.Route).OrderBy(p => p.Route, StringComparer.Ordinal).ToList();
    }

    // "/commitments/{id:int}/reports/{reportId:int}/edit" -> "/commitments/12/reports/34/edit". A parameter
    // is taken by the first literal segment and its name ("commitments:id"); any other gets 1; an optional
    // one without a value is left out.
    static string Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> values)
    {
        var feature = pattern.PathSegments.FirstOrDefault()?.Parts.OfType<RoutePatternLiteralPart>().FirstOrDefault()?.Content ?? "";
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => values.GetValueOrDefault($"{feature}:{parameter.Name}") ?? (parameter.IsOptional ? "" : "1"),
            _ => "",
        }))).Where(s => s.Length > 0);
        return "/" + string.Join("/", segments);
    }

    // Records of the demo history, seen as the system sees them; a report of the Vietnamese side, so that
    // a Vietnamese coordinator may open its edit page.
    static Task<Dictionary<string, string>> RouteValuesAsync(ConcordFactory factory) => factory.WithDbAsync(async db =>
    {
        var report = await db.ProgressReports.Where(r => r.Country == "VN").OrderBy(r => r.Id).Select(r => new { r.Id, r.CommitmentId }).FirstAsync();
        return new Dictionary<string, string>
        {
            ["activities:id"] = (await db.Activities.MinAsync(a => a.Id)).ToString(),
            ["commitments:id"] = report.CommitmentId.ToString(),
            ["commitments:reportId"] = report.Id.ToString(),
            ["instruments:id"] = (await db.Instruments.MinAsync(i => i.Id)).ToString(),
            ["meetings:id"] = (await db.Meetings.MinAsync(m => m.Id)).ToString(),
            ["organisations:id"] = (await db.Organisations.MinAsync(o => o.Id)).ToString(),
            ["people:id"] = (await db.People.MinAsync(p => p.Id)).ToString(),
        };
    });
}
