using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    static async Task<Results<Created<MeetingDetails>, ValidationProblem>> Create(MeetingInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        if (await CheckAsync(input, null, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var meeting = new Meeting();
        input.ApplyTo(meeting, user);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/meetings/{meeting.Id}", await MeetingDetails.LoadAsync(db, meeting.Id, ct));
    }

    static async Task<Results<Ok<MeetingDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, MeetingInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        var meeting = await MeetingInput.ForEdit(db).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return TypedResults.NotFound();
        if (await CheckAsync(input, id, db, t, ct) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        Save(db, meeting, input, user);
        var saved = await db.TrySaveAsync(ct);
        var details = await MeetingDetails.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    internal static void Save(ConcordDb db, Meeting meeting, MeetingInput input, CurrentUser editor)
    {
        db.SaveAgainstVersion(meeting, input.Version);
        input.ApplyTo(meeting, editor);
    }

    static async Task<Dictionary<string, string[]>> CheckAsync(MeetingInput input, int? id, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge((await input.CheckAsync(db, id, ct)).ToDictionary(e => ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value }));
        return errors;
    }
}
