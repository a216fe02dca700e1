using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Meetings;

public static class MeetingsApi
{
    public static IEndpointRouteBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/meetings").WithTags("Meetings").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", List).AllowAnonymous();
        api.MapGet("/{id:int}", Get).AllowAnonymous();
        api.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);
        return app;
    }

    static async Task<Ok<Page<MeetingRow>>> List([AsParameters] MeetingFilter filter, ConcordDb db, CancellationToken ct) =>
        TypedResults.Ok(await MeetingList.QueryAsync(db, filter, ct));

    static async Task<Results<Ok<MeetingDetails>, NotFound>> Get(int id, ConcordDb db, CancellationToken ct) =>
        await MeetingDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static Task<Results<Created<MeetingDetails>, ValidationProblem>> Create(MeetingInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Meeting, MeetingInput, MeetingDetails>(db, input, user, t, "/api/meetings", id => MeetingDetails.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<MeetingDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, MeetingInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Meeting, MeetingInput, MeetingDetails>(db, id, input, user, t, x => MeetingDetails.LoadAsync(db, x, ct), ct);
}
