using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

public static class CommitmentsApi
{
    public static IEndpointRouteBuilder MapCommitmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/commitments").WithTags("Commitments").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", List).AllowAnonymous();
        api.MapGet("/{id:int}", Get).AllowAnonymous();
        api.MapPost("/", Create).RequireAuthorization(Access.EditRecord);
        api.MapPut("/{id:int}", Update).RequireAuthorization(Access.EditRecord);
        api.MapPost("/{id:int}/carry-over", CarryOverInto).RequireAuthorization(Access.EditRecord);
        api.MapGet("/{id:int}/reports", ListReports).AllowAnonymous();
        api.MapPost("/{id:int}/reports", CreateReport).RequireAuthorization(Access.Report);

        var reports = app.MapGroup("/api/reports").WithTags("Progress reports").RequireRateLimiting(RateLimits.Api);
        reports.MapGet("/{id:int}", GetReport).AllowAnonymous();
        reports.MapPut("/{id:int}", UpdateReport).RequireAuthorization(Access.Report);
        app.MapStatusProposalsApi();
        return app;
    }

    static async Task<Results<Ok<Page<CommitmentRow>>, ValidationProblem>> List(
        [AsParameters] CommitmentFilter filter, ConcordDb db, TimeProvider clock, IStringLocalizer t, CancellationToken ct)
    {
        if (RecordApi.Localize(filter.Check(), t, wholeRecord: "commitment") is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await CommitmentList.QueryAsync(db, filter, clock.Today(), ct));
    }

    static async Task<Results<Ok<CommitmentDetails>, NotFound>> Get(int id, ConcordDb db, TimeProvider clock, CancellationToken ct) =>
        await CommitmentDetails.LoadAsync(db, id, clock.Today(), ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static Task<Results<Created<CommitmentDetails>, ValidationProblem>> Create(
        CommitmentInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.CreateAsync<Commitment, CommitmentInput, CommitmentDetails>(db, input, user, t, "/api/commitments",
            id => CommitmentDetails.LoadAsync(db, id, clock.Today(), ct), ct);

    static Task<Results<Ok<CommitmentDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> Update(
        int id, CommitmentInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, CancellationToken ct) =>
        RecordApi.UpdateAsync<Commitment, CommitmentInput, CommitmentDetails>(db, id, input, user, t,
            x => CommitmentDetails.LoadAsync(db, x, clock.Today(), ct), ct);

    // 201 with the new clause; the original, now CarriedOver, is at its own address.
    static async Task<Results<Created<CommitmentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> CarryOverInto(
        int id, CarryOverInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CancellationToken ct)
    {
        var original = await db.Commitments.Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (original is null) return TypedResults.NotFound();
        if (RecordApi.Errors(input, await CarryOver.CheckAsync(db, original, input, ct), t, wholeRecord: "commitment") is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var copy = await CarryOver.ApplyAsync(db, original, input, ct);
        if (!await db.TrySaveAsync(ct))
        {
            var current = await CommitmentDetails.LoadAsync(db, id, clock.Today(), ct);
            return ConflictMerge.Stale(t, current?.Version, current);
        }
        return TypedResults.Created($"/api/commitments/{copy.Id}", await CommitmentDetails.LoadAsync(db, copy.Id, clock.Today(), ct));
    }

    static async Task<Results<Ok<Page<ReportDetails>>, NotFound, ValidationProblem>> ListReports(
        int id, [AsParameters] ReportFilter filter, ConcordDb db, IStringLocalizer t, CancellationToken ct)
    {
        if (!await db.Commitments.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        if (RecordApi.Localize(filter.Check(), t, wholeRecord: "commitment") is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await ReportList.QueryAsync(db, id, filter, ct));
    }

    // Recording a report never changes the commitment's status: that is the joint record, changed by an edit.
    static async Task<Results<Created<ReportDetails>, NotFound, ValidationProblem, ForbidHttpResult>> CreateReport(
        int id, ProgressReportInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, SecurityLog securityLog, HttpContext http, CancellationToken ct)
    {
        if (!await db.Commitments.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        if (!await ReportAccess.AllowsWriteAsync(db, user, id, null, input.Country, ct))
        {
            await securityLog.RecordDeniedAsync(http);
            return TypedResults.Forbid();
        }
        input.CommitmentId = id;
        var result = await RecordApi.CreateAsync<ProgressReport, ProgressReportInput, ReportDetails>(db, input, user, t, "/api/reports",
            x => ReportDetails.LoadAsync(db, x, ct), ct);
        // The same two answers, widened to this endpoint's, which also has 404 and 403.
        return result.Result is Created<ReportDetails> created ? created : (ValidationProblem)result.Result;
    }

    static async Task<Results<Ok<ReportDetails>, NotFound>> GetReport(int id, ConcordDb db, CancellationToken ct) =>
        await ReportDetails.LoadAsync(db, id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    static Task<Results<Ok<ReportDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdateReport(
        int id, ProgressReportInput input, ConcordDb db, IStringLocalizer t, CurrentUser user, SecurityLog securityLog, HttpContext http, CancellationToken ct) =>
        RecordApi.UpdateAsync<ProgressReport, ProgressReportInput, ReportDetails>(db, id, input, user, t, x => ReportDetails.LoadAsync(db, x, ct), ct,
            allowed: async report =>
            {
                if (await ReportAccess.AllowsWriteAsync(db, user, report.CommitmentId, report.Country, input.Country, ct)) return true;
                await securityLog.RecordDeniedAsync(http);
                return false;
            });
}
