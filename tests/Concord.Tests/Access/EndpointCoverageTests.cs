using System.Reflection;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Concord.Tests.Access;

// Every door says who may pass. The fallback policy already refuses an unmarked endpoint to anonymous
// users, but an endpoint nobody marked is one nobody decided about: these tests name each one.
public class EndpointCoverageTests(SqliteFactory factory) : IClassFixture<SqliteFactory>
{
    [Fact]
    public async Task EveryEndpointNamesAPolicyOrIsMarkedAnonymous()
    {
        var unmarked = (await AppEndpoints.AllAsync(factory))
            .Where(e => !e.IsAnonymous && !e.HasPolicy)
            // MapStaticAssets adds this one in Development only (a file of wwwroot not yet in the build's manifest),
            // after the conventions run; a published Concord has no such endpoint, and the fallback policy guards it.
            .Where(e => e.Route != "{**path:file}")
            .Select(e => e.Name)
            .ToList();
        Assert.True(unmarked.Count == 0, "Endpoints with neither a policy nor [AllowAnonymous]:\n" + string.Join("\n", unmarked));
    }

    [Fact]
    public async Task EveryHandlerThatChangesDataOnAnAnonymousPageNamesAPolicy()
    {
        var unguarded = (await AppEndpoints.AllAsync(factory))
            .Where(e => e.IsAnonymous && e.PageModel is not null)
            .SelectMany(e => AppEndpoints.WriteHandlers(e.PageModel!)
                .Where(m => m.GetCustomAttribute<HandlerAuthorizeAttribute>() is null && m.GetCustomAttribute<OpenHandlerAttribute>() is null)
                .Select(m => $"{e.Route} {e.PageModel!.Name}.{m.Name}"))
            .Distinct()
            .ToList();
        Assert.True(unguarded.Count == 0, "Handlers that change data on anonymous pages with neither [HandlerAuthorize] nor [OpenHandler]:\n" + string.Join("\n", unguarded));
    }

    [Fact]
    public async Task TheCoverageCheckSeesPagesApiEndpointsAndTheApiReference()
    {
        // Guards the two tests above against passing on an empty or partial list.
        var endpoints = await AppEndpoints.AllAsync(factory);
        Assert.Contains(endpoints, e => e.Route == "commitments/{id:int}/edit" && e.PageModel is not null && e.HasPolicy);
        Assert.Contains(endpoints, e => e.Route == "commitments/{id:int}" && e.IsAnonymous);
        Assert.Contains(endpoints, e => e.Route == "api/reports/{id:int}" && e.Methods.Contains("PUT") && e.HasPolicy);
        Assert.Contains(endpoints, e => e.Route.StartsWith("openapi/") && e.IsAnonymous);
        Assert.Contains(endpoints, e => e.Route.StartsWith("api/reference") && e.IsAnonymous);
        Assert.Contains(endpoints, e => e.Route == "culture/{culture}" && e.Methods.Contains("POST") && e.IsAnonymous);
        Assert.Contains(endpoints, e => e.Route == "health/live" && e.IsAnonymous);
        Assert.Contains(endpoints, e => e.Route == "health/ready" && e.IsAnonymous);
        Assert.Contains(AppEndpoints.WriteHandlers(typeof(Concord.Features.Commitments.DetailsModel)), m => m.Name == "OnPostStatusAsync");
    }
}

// The app's endpoints as routing sees them, with what the authorization middleware reads from them.
public sealed record AppEndpoint(string Route, IReadOnlyList<string> Methods, bool IsAnonymous, bool HasPolicy, Type? PageModel)
{
    public string Name => $"{(Methods.Count == 0 ? "ANY" : string.Join(",", Methods))} /{Route}{(PageModel is null ? "" : $" ({PageModel.Name})")}";
}

public static class AppEndpoints
{
    public static async Task<List<AppEndpoint>> AllAsync(ConcordFactory factory)
    {
        var services = factory.Services;
        var loader = services.GetRequiredService<PageLoader>();
        var result = new List<AppEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var metadata = endpoint.Metadata;
            Type? model = null;
            // A page's endpoint gets its model's attributes only once the page is loaded, as the first request would.
            if (metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, metadata);
                metadata = compiled.Endpoint?.Metadata ?? new EndpointMetadataCollection(metadata.Concat(compiled.EndpointMetadata));
                model = compiled.ModelTypeInfo?.AsType() ?? compiled.HandlerTypeInfo.AsType();
            }
            var methods = metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.ToList() ?? [];
            var anonymous = metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policy = metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles))
                || metadata.GetMetadata<AuthorizationPolicy>() is not null;
            result.Add(new AppEndpoint(endpoint.RoutePattern.RawText?.Trim('/') ?? "", methods, anonymous, policy, model));
        }
        return result;
    }

    // Page handlers that change data: OnPost*, OnPut*, OnDelete*, OnPatch*.
    public static IEnumerable<MethodInfo> WriteHandlers(Type model) =>
        model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => new[] { "OnPost", "OnPut", "OnDelete", "OnPatch" }.Any(p => m.Name.StartsWith(p, StringComparison.Ordinal)));

    // "OnPostStatusAsync" is the handler "Status"; "OnPostAsync" has none.
    public static (string Method, string? Handler) Describe(MethodInfo handler)
    {
        var name = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^5] : handler.Name;
        var verb = new[] { "Post", "Put", "Delete", "Patch" }.First(v => name.StartsWith("On" + v, StringComparison.Ordinal));
        var rest = name[(2 + verb.Length)..];
        return (verb.ToUpperInvariant(), rest.Length == 0 ? null : rest);
    }
}
