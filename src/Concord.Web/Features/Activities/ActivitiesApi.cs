using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Activities;

public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/activities").WithTags("Activities").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", List).AllowAnonymous();
        api.MapGet("/{id:int}", Get).AllowAnonymous();
        api.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);
        return app;
    }

    static async Task<Ok<Page<ActivityRow>>> List([AsParameters] ActivityFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await ActivityList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<ActivityDetails>, NotFound>> Get(int id, ConcordDb db, CancellationToken ct) =>
        await ActivityDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static Task<Results<Created<ActivityDetails>, ValidationProblem>> Create(ActivityInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Activity, ActivityInput, ActivityDetails>(db, input, user, t, "/api/activities", id => ActivityDetails.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<ActivityDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, ActivityInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Activity, ActivityInput, ActivityDetails>(db, id, input, user, t, x => ActivityDetails.LoadAsync(db, x, ct), ct);
}
