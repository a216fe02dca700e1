using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// The two steps of a status both sides agree on, for the page and the API alike: one side's coordinator
// proposes closing (Done, Dropped) or reopening a commitment; a coordinator of the other side confirms,
// which changes the status, or declines with a reason, which leaves it as it was. Both steps are saved with
// the audit (the proposal is a part of the commitment's history).
public static class StatusProposals
{
    // Error: a string key for the field named by Field ("" for the request as a whole).
    public sealed record Outcome(StatusProposal? Proposal, string? Field = null, string? Error = null, bool NotFound = false, bool Forbidden = false)
    {
        public bool Succeeded => Error is null && !NotFound && !Forbidden;
    }

    public const int MaxReason = 2000;

    // Only a coordinator of one of the two sides takes part.
    public static bool MayTakePart(CurrentUser user) => Access.CanEditRecord(user) && Sides.IsKnown(user.Country);

    public static async Task<Outcome> ProposeAsync(ConcordDb db, int commitmentId, CommitmentStatus? to, string? reason, CurrentUser user, CancellationToken ct)
    {
        var commitment = await db.Commitments.SingleOrDefaultAsync(c => c.Id == commitmentId, ct);
        if (commitment is null) return new(null, NotFound: true);
        if (!MayTakePart(user)) return new(null, Forbidden: true);
        if (to is not { } target) return new(null, "ToStatus", "Validation.Required");
        if (!Enum.IsDefined(target)) return new(null, "ToStatus", "Validation.UnknownChoice");
        if (!CommitmentStatusRules.CanPropose(commitment.Status, target)) return new(null, "ToStatus", "Commitments.ProposalNotNeeded");
        if ((reason?.Length ?? 0) > MaxReason) return new(null, "Reason", "Validation.TooLong");
        if (await db.StatusProposals.AnyAsync(p => p.CommitmentId == commitmentId && p.State == ProposalState.Pending, ct))
            return new(null, "", "Commitments.ProposalPending");
        var proposal = new StatusProposal
        {
            CommitmentId = commitmentId, FromStatus = commitment.Status, ToStatus = target, ProposedBySide = user.Country!,
            ProposedById = user.AccountId, ProposedByName = user.Name, ProposedAt = db.Clock.GetUtcNow().UtcDateTime,
            Reason = InputText.Clean(reason), State = ProposalState.Pending,
        };
        db.StatusProposals.Add(proposal);
        await db.SaveChangesAsync(ct);
        return new(proposal);
    }

    public static Task<Outcome> ConfirmAsync(ConcordDb db, int proposalId, CurrentUser user, CancellationToken ct) =>
        DecideAsync(db, proposalId, user, confirm: true, reason: null, ct);

    public static Task<Outcome> DeclineAsync(ConcordDb db, int proposalId, string? reason, CurrentUser user, CancellationToken ct) =>
        DecideAsync(db, proposalId, user, confirm: false, reason, ct);

    static async Task<Outcome> DecideAsync(ConcordDb db, int proposalId, CurrentUser user, bool confirm, string? reason, CancellationToken ct)
    {
        // Through the commitment, so a proposal on a commitment this user may not see does not exist for them.
        var proposal = await db.StatusProposals.Include(p => p.Commitment).SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null || proposal.Commitment is null) return new(null, NotFound: true);
        if (!MayTakePart(user)) return new(proposal, Forbidden: true);
        // The side that proposed cannot also agree for the other side.
        if (user.Country == proposal.ProposedBySide) return new(proposal, "", "Commitments.ProposalOtherSide");
        if (proposal.State != ProposalState.Pending) return new(proposal, "", "Commitments.ProposalAlreadyDecided");
        if (!confirm && string.IsNullOrWhiteSpace(reason)) return new(proposal, "Reason", "Commitments.DeclineNeedsReason");
        if ((reason?.Length ?? 0) > MaxReason) return new(proposal, "Reason", "Validation.TooLong");

        proposal.DecidedById = user.AccountId;
        proposal.DecidedByName = user.Name;
        proposal.DecidedAt = db.Clock.GetUtcNow().UtcDateTime;
        if (!confirm)
        {
            proposal.State = ProposalState.Declined;
            proposal.DeclineReason = InputText.Clean(reason);
        }
        else if (proposal.Commitment.Status != proposal.FromStatus)
        {
            // The status moved another way meanwhile (a carry-over): the proposal no longer says what it would change.
            proposal.State = ProposalState.Superseded;
            await db.SaveChangesAsync(ct);
            return new(proposal, "", "Commitments.ProposalStale");
        }
        else
        {
            proposal.State = ProposalState.Confirmed;
            proposal.Commitment.Status = proposal.ToStatus;
        }
        // Saved against the commitment's version as loaded: a concurrent edit of the commitment refuses this.
        if (!await db.TrySaveAsync(ct)) return new(proposal, "", "Commitments.ProposalStale");
        return new(proposal);
    }

    public sealed record PendingRow(int Id, int CommitmentId, string? Number, LocalizedText Text, CommitmentStatus FromStatus, CommitmentStatus ToStatus,
        string ProposedBySide, DateTime ProposedAt, string? Reason);

    // The proposals of the other side that this coordinator's side must answer, oldest first, a page at a time.
    public static async Task<Page<PendingRow>> AwaitingAsync(ConcordDb db, CurrentUser user, string? after, int size, CancellationToken ct)
    {
        if (!MayTakePart(user)) return new Page<PendingRow>([], null);
        var other = user.Country == Sides.Vietnam ? Sides.Laos : Sides.Vietnam;
        var q = db.StatusProposals.AsNoTracking().Where(p => p.State == ProposalState.Pending && p.ProposedBySide == other);
        if (Cursor.TryDecode(after, out _, out var afterId)) q = q.Where(p => p.Id > afterId);
        var rows = await q.OrderBy(p => p.Id).Take(size + 1)
            .Select(p => new PendingRow(p.Id, p.CommitmentId, p.Commitment.Number, new LocalizedText(p.Commitment.Text.Vi, p.Commitment.Text.En, p.Commitment.Text.Lo),
                p.FromStatus, p.ToStatus, p.ProposedBySide, p.ProposedAt, p.Reason))
            .ToListAsync(ct);
        var items = rows.Take(size).ToList();
        return new Page<PendingRow>(items, rows.Count > size ? Cursor.Encode("", items[^1].Id) : null);
    }
}
