using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Rounds;

public static class RoundsApi
{
    public sealed record RoundDetails(int Id, int Version, LocalizedText Name, string Period, DateOnly DueOn, string? Side, int? MeetingId, int? InstrumentId,
        int? AreaId, int? LeadOrganisationId, int RemindDaysBefore, RoundState State, DateTime? ClosedAt, Visibility Visibility, bool IsIllustrative,
        IReadOnlyList<RoundQueries.SideCount> Completeness) : IVersioned
    {
        public static async Task<RoundDetails?> LoadAsync(ConcordDb db, int id, CancellationToken ct)
        {
            var r = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (r is null) return null;
            return new RoundDetails(r.Id, r.Version, r.Name, r.Period.ToString(), r.DueOn, r.Side, r.MeetingId, r.InstrumentId, r.AreaId, r.LeadOrganisationId,
                r.RemindDaysBefore, r.State, r.ClosedAt, r.Visibility, r.IsIllustrative, await RoundQueries.BySideAsync(db, r, ct));
        }
    }

    public sealed record RoundRow(int Id, LocalizedText Name, string Period, DateOnly DueOn, string? Side, RoundState State);
    public sealed record CloseInput(int Version);

    public static IEndpointRouteBuilder MapRoundsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/rounds").WithTags("Reporting rounds").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", List).RequireAuthorization(Access.SignedIn);
        api.MapGet("/{id:int}", Get).RequireAuthorization(Access.SignedIn);
        api.MapGet("/{id:int}/missing", Missing).RequireAuthorization(Access.SignedIn);
        api.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);
        api.MapPost("/{id:int}/close", Close).RequireAuthorization(Access.EditRecord);
        return app;
    }

    // Newest first, a page at a time; `state` narrows to open or closed rounds.
    static async Task<Ok<Page<RoundRow>>> List(RoundState? state, string? after, int? size, ConcordDb db, CancellationToken ct)
    {
        var q = db.Rounds.AsNoTracking();
        if (state is { } s) q = q.Where(r => r.State == s);
        if (Cursor.TryDecode(after, out _, out var afterId)) q = q.Where(r => r.Id < afterId);
        var pageSize = Cursor.Size(size);
        var rows = await q.OrderByDescending(r => r.Id).Take(pageSize + 1)
            .Select(r => new { r.Id, r.Name.Vi, r.Name.En, r.Name.Lo, r.PeriodStart, r.PeriodEnd, r.DueOn, r.Side, r.State }).ToListAsync(ct);
        var items = rows.Take(pageSize).Select(r => new RoundRow(r.Id, new LocalizedText(r.Vi, r.En, r.Lo), new Period(r.PeriodStart, r.PeriodEnd).ToString(), r.DueOn, r.Side, r.State)).ToList();
        return TypedResults.Ok(new Page<RoundRow>(items, rows.Count > pageSize ? Cursor.Encode("", items[^1].Id) : null));
    }

    static async Task<Results<Ok<RoundDetails>, NotFound>> Get(int id, ConcordDb db, CancellationToken ct) =>
        await RoundDetails.LoadAsync(db, id, ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    // What a side has not yet reported in the round, a page at a time (`department`: one lead department).
    static async Task<Results<Ok<Page<RoundQueries.WorkRow>>, NotFound>> Missing(int id, string? side, int? department, string? after, int? size,
        ConcordDb db, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return TypedResults.NotFound();
        var chosen = side?.ToUpperInvariant() is { } s && round.Sides.Contains(s) ? s : round.Sides[0];
        return TypedResults.Ok(await RoundQueries.ListAsync(db, round, chosen, null, false, department, after, Cursor.Size(size), ct));
    }

    static Task<Results<Created<RoundDetails>, ValidationProblem>> Create(RoundInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Round, RoundInput, RoundDetails>(db, input, user, t, "/api/rounds", id => RoundDetails.LoadAsync(db, id, ct), ct);

    static Task<Results<Ok<RoundDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, RoundInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Round, RoundInput, RoundDetails>(db, id, input, user, t, x => RoundDetails.LoadAsync(db, x, ct), ct,
            allowed: round => Task.FromResult(RoundRules.MayManage(user, round)));

    static async Task<Results<Ok<RoundDetails>, NotFound, ForbidHttpResult, ProblemHttpResult>> Close(
        int id, CloseInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        var round = await db.Rounds.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return TypedResults.NotFound();
        if (!RoundRules.MayManage(user, round)) return TypedResults.Forbid();
        if (!await RoundClosing.CloseAsync(db, id, input.Version, ct))
        {
            var current = await RoundDetails.LoadAsync(db, id, ct);
            return ConflictMerge.Stale(t, current?.Version, current);
        }
        return TypedResults.Ok((await RoundDetails.LoadAsync(db, id, ct))!);
    }
}
