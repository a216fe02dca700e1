using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    static async Task<Results<Created<ActivityDetails>, ValidationProblem>> Create(ActivityInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        if (await CheckAsync(input, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var activity = new Activity();
        input.ApplyTo(activity, user);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/activities/{activity.Id}", await ActivityDetails.LoadAsync(db, activity.Id, ct));
    }

    static async Task<Results<Ok<ActivityDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, ActivityInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        var activity = await ActivityInput.ForEdit(db)
            .SingleOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null) return TypedResults.NotFound();
        if (await CheckAsync(input, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        db.SaveAgainstVersion(activity, input.Version);
        input.ApplyTo(activity, user);
        var saved = await db.TrySaveAsync(ct);
        var details = await ActivityDetails.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    static async Task<Dictionary<string, string[]>> CheckAsync(ActivityInput input, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge((await input.CheckAsync(db, ct)).ToDictionary(e => ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value }));
        return errors;
    }
}
