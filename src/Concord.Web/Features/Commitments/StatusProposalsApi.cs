using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Commitments;

// Closing and reopening through the API: the same two steps as /commitments/{id}/status (StatusProposals).
public static class StatusProposalsApi
{
    public sealed record ProposalInput(CommitmentStatus? ToStatus, string? Reason);
    public sealed record DeclineInput(string? Reason);
    public sealed record ProposalDetails(int Id, int CommitmentId, CommitmentStatus FromStatus, CommitmentStatus ToStatus, string ProposedBySide,
        DateTime ProposedAt, string? Reason, ProposalState State, DateTime? DecidedAt, string? DeclineReason)
    {
        public static ProposalDetails Of(StatusProposal p) => new(p.Id, p.CommitmentId, p.FromStatus, p.ToStatus, p.ProposedBySide, p.ProposedAt, p.Reason,
            p.State, p.DecidedAt, p.DeclineReason);
    }

    public static IEndpointRouteBuilder MapStatusProposalsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/commitments/{id:int}/status-proposals", Propose).WithTags("Commitments").RequireRateLimiting(RateLimits.Api).RequireAuthorization(Access.EditRecord);
        var api = app.MapGroup("/api/status-proposals").WithTags("Commitments").RequireRateLimiting(RateLimits.Api);
        api.MapGet("/", Awaiting).RequireAuthorization(Access.EditRecord);
        api.MapPost("/{id:int}/confirm", Confirm).RequireAuthorization(Access.EditRecord);
        api.MapPost("/{id:int}/decline", Decline).RequireAuthorization(Access.EditRecord);
        return app;
    }

    static async Task<Results<Created<ProposalDetails>, NotFound, ForbidHttpResult, ValidationProblem>> Propose(
        int id, ProposalInput input, ConcordDb db, CurrentUser user, IStringLocalizer t, CancellationToken ct)
    {
        var outcome = await StatusProposals.ProposeAsync(db, id, input.ToStatus, input.Reason, user, ct);
        if (outcome.NotFound) return TypedResults.NotFound();
        if (outcome.Forbidden) return TypedResults.Forbid();
        if (!outcome.Succeeded) return Problem(outcome, t);
        return TypedResults.Created($"/api/status-proposals/{outcome.Proposal!.Id}", ProposalDetails.Of(outcome.Proposal));
    }

    // The other side's pending proposals this coordinator's side must answer.
    static async Task<Ok<Page<StatusProposals.PendingRow>>> Awaiting(string? after, int? size, ConcordDb db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok(await StatusProposals.AwaitingAsync(db, user, after, Cursor.Size(size), ct));

    static async Task<Results<Ok<ProposalDetails>, NotFound, ForbidHttpResult, ValidationProblem>> Confirm(
        int id, ConcordDb db, CurrentUser user, IStringLocalizer t, CancellationToken ct) =>
        Answer(await StatusProposals.ConfirmAsync(db, id, user, ct), t);

    static async Task<Results<Ok<ProposalDetails>, NotFound, ForbidHttpResult, ValidationProblem>> Decline(
        int id, DeclineInput input, ConcordDb db, CurrentUser user, IStringLocalizer t, CancellationToken ct) =>
        Answer(await StatusProposals.DeclineAsync(db, id, input.Reason, user, ct), t);

    static Results<Ok<ProposalDetails>, NotFound, ForbidHttpResult, ValidationProblem> Answer(StatusProposals.Outcome outcome, IStringLocalizer t)
    {
        if (outcome.NotFound) return TypedResults.NotFound();
        if (outcome.Forbidden) return TypedResults.Forbid();
        if (!outcome.Succeeded) return Problem(outcome, t);
        return TypedResults.Ok(ProposalDetails.Of(outcome.Proposal!));
    }

    static ValidationProblem Problem(StatusProposals.Outcome outcome, IStringLocalizer t) =>
        TypedResults.ValidationProblem(RecordApi.Localize(new Dictionary<string, string> { [outcome.Field ?? ""] = outcome.Error! }, t, wholeRecord: "proposal"));
}
