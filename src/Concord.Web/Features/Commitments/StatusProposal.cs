using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Commitments;

public enum ProposalState
{
    Pending = 0,
    Confirmed = 1,
    Declined = 2,
    // The commitment's status changed another way before the other side answered (a carry-over).
    Superseded = 3,
}

// Closing a commitment (done or dropped) or reopening it, as one side's coordinator proposes it; it takes
// effect only when a coordinator of the other side confirms (CommitmentStatusRules.NeedsBothSides).
// Recorded on the commitment's history (Features/Audit/AuditTrail.cs lists it as a part of the commitment).
public class StatusProposal
{
    public int Id { get; set; }
    public int CommitmentId { get; set; }
    public Commitment Commitment { get; set; } = null!;
    public CommitmentStatus FromStatus { get; set; }
    public CommitmentStatus ToStatus { get; set; }
    public required string ProposedBySide { get; set; }
    public int? ProposedById { get; set; }
    public string? ProposedByName { get; set; }
    public DateTime ProposedAt { get; set; }
    public string? Reason { get; set; }
    public ProposalState State { get; set; }
    public int? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DeclineReason { get; set; }
}

sealed class StatusProposalMapping : IEntityTypeConfiguration<StatusProposal>
{
    public void Configure(EntityTypeBuilder<StatusProposal> e)
    {
        e.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ProposedBySide).HasMaxLength(2);
        e.Property(x => x.ProposedByName).HasMaxLength(256);
        e.Property(x => x.DecidedByName).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.DeclineReason).HasMaxLength(2000);
        e.HasOne(x => x.Commitment).WithMany().HasForeignKey(x => x.CommitmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.ProposedById).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.DecidedById).OnDelete(DeleteBehavior.SetNull);
        // The pending proposals a side must answer, oldest first; a commitment's pending one.
        e.HasIndex(x => new { x.State, x.ProposedBySide, x.Id });
        e.HasIndex(x => new { x.CommitmentId, x.State });
    }
}
