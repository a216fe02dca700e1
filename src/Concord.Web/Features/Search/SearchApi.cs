using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Search;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/search").WithTags("Search").RequireRateLimiting(RateLimits.Api).MapGet("/", Search).AllowAnonymous();
        return app;
    }

    // Without type: the first hits of every type; with type: one type, keyset-paged by after.
    static async Task<Results<Ok<SearchResults>, ValidationProblem>> Search(
        string? q, string? type, string? after, int? size, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (SearchTerms.Parse(q).IsTooShort) errors["q"] = [t["Search.TooShort"].Value];
        SearchType? only = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (SearchTypes.TryParse(type, out var parsed)) only = parsed;
            else errors["type"] = [t["Validation.UnknownChoice"].Value];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await SiteSearch.RunAsync(db, q, only, after, size, ct));
    }
}
