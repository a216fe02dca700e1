using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Jobs;

sealed class JobMapping : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> e)
    {
        e.Property(x => x.Kind).HasMaxLength(60);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.ClaimedBy).HasMaxLength(200);
        e.Property(x => x.Error).HasMaxLength(1000);
        e.Property(x => x.Key).HasMaxLength(100);
        // NULLs are distinct on both databases: only keyed jobs are unique.
        e.HasIndex(x => x.Key).IsUnique();
        // The claim reads queued and lease-expired jobs of its kinds, oldest first.
        e.HasIndex(x => new { x.State, x.Kind, x.Id });
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
