using Concord.Data;
using Concord.Features.Accounts;
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
        return app;
    }

    static async Task<Results<Ok<Page<CommitmentRow>>, ValidationProblem>> List(
        [AsParameters] CommitmentFilter filter, ConcordDb db, TimeProvider clock, IStringLocalizer t, CancellationToken ct)
    {
        if (Localize(filter.Check(), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await CommitmentList.QueryAsync(db, filter, clock.Today(), ct));
    }

    static async Task<Results<Ok<CommitmentDetails>, NotFound>> Get(int id, ConcordDb db, TimeProvider clock, CancellationToken ct) =>
        await CommitmentDetails.LoadAsync(db, id, clock.Today(), ct) is { } details ? TypedResults.Ok(details) : TypedResults.NotFound();

    static async Task<Results<Created<CommitmentDetails>, ValidationProblem>> Create(
        CommitmentInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        if (Errors(input, await input.CheckAsync(db, null, ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var commitment = await input.ApplyAsync(db, null, user, ct);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/commitments/{commitment.Id}", await CommitmentDetails.LoadAsync(db, commitment.Id, clock.Today(), ct));
    }

    static async Task<Results<Ok<CommitmentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        int id, CommitmentInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, CancellationToken ct)
    {
        var commitment = await db.Commitments.Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (commitment is null) return TypedResults.NotFound();
        if (Errors(input, await input.CheckAsync(db, commitment, ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        await input.ApplyAsync(db, commitment, user, ct);
        var saved = await db.TrySaveAsync(ct);
        var details = await CommitmentDetails.LoadAsync(db, id, clock.Today(), ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    // 201 with the new clause; the original, now CarriedOver, is at its own address.
    static async Task<Results<Created<CommitmentDetails>, NotFound, ValidationProblem, ProblemHttpResult>> CarryOverInto(
        int id, CarryOverInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CancellationToken ct)
    {
        var original = await db.Commitments.Include(c => c.Leads).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (original is null) return TypedResults.NotFound();
        if (Errors(input, await CarryOver.CheckAsync(db, original, input, ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
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
        if (Localize(filter.Check(), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await ReportList.QueryAsync(db, id, filter, ct));
    }

    // Recording a report never changes the commitment's status: that is the joint record, changed by an edit.
    static async Task<Results<Created<ReportDetails>, NotFound, ValidationProblem, ForbidHttpResult>> CreateReport(
        int id, ProgressReportInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        if (!await db.Commitments.AnyAsync(c => c.Id == id, ct)) return TypedResults.NotFound();
        var side = input.Country?.Trim().ToUpperInvariant();
        if (Sides.IsKnown(side) && !await ReportAccess.AllowsAsync(db, user, id, side, ct))
        {
            await http.RequestServices.GetRequiredService<Concord.Features.Audit.SecurityLog>().RecordDeniedAsync(http);
            return TypedResults.Forbid();
        }
        if (Errors(input, await input.CheckAsync(db, null, clock.Today(), ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        var report = new ProgressReport { CommitmentId = id, Country = "" };
        input.ApplyTo(report);
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/reports/{report.Id}", await ReportDetails.LoadAsync(db, report.Id, ct));
    }

    static async Task<Results<Ok<ReportDetails>, NotFound>> GetReport(int id, ConcordDb db, CancellationToken ct) =>
        await ReportDetails.LoadAsync(db, id, ct) is { } report ? TypedResults.Ok(report) : TypedResults.NotFound();

    static async Task<Results<Ok<ReportDetails>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> UpdateReport(
        int id, ProgressReportInput input, ConcordDb db, TimeProvider clock, IStringLocalizer t, CurrentUser user, HttpContext http, CancellationToken ct)
    {
        var report = await db.ProgressReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return TypedResults.NotFound();
        var side = input.Country?.Trim().ToUpperInvariant();
        if (!await ReportAccess.AllowsAsync(db, user, report.CommitmentId, report.Country, ct)
            || (Sides.IsKnown(side) && !await ReportAccess.AllowsAsync(db, user, report.CommitmentId, side, ct)))
        {
            await http.RequestServices.GetRequiredService<Concord.Features.Audit.SecurityLog>().RecordDeniedAsync(http);
            return TypedResults.Forbid();
        }
        if (Errors(input, await input.CheckAsync(db, report, clock.Today(), ct), t) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors);
        db.SaveAgainstVersion(report, input.Version);
        input.ApplyTo(report);
        var saved = await db.TrySaveAsync(ct);
        var details = await ReportDetails.LoadAsync(db, id, ct);
        return saved ? TypedResults.Ok(details!) : ConflictMerge.Stale(t, details?.Version, details);
    }

    static Dictionary<string, string[]> Errors(object input, Dictionary<string, string> rules, IStringLocalizer t)
    {
        var errors = ApiSetup.Validate(input, t);
        errors.Merge(Localize(rules, t));
        return errors;
    }

    // Rule errors about the commitment as a whole (key "") are reported under "commitment".
    static Dictionary<string, string[]> Localize(Dictionary<string, string> rules, IStringLocalizer t) =>
        rules.ToDictionary(e => e.Key.Length == 0 ? "commitment" : ApiSetup.JsonName(e.Key), e => new[] { t[e.Value].Value });
}
