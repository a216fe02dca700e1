using Concord.Features.Accounts;
using Concord.Features.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Documents;

sealed class DocumentMapping : IEntityTypeConfiguration<GeneratedDocument>
{
    public void Configure(EntityTypeBuilder<GeneratedDocument> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
        e.Property(x => x.Subject).HasMaxLength(500);
        e.Property(x => x.FileName).HasMaxLength(300);
        e.Property(x => x.ContentType).HasMaxLength(120);
        e.HasIndex(x => new { x.AccountId, x.Id });
        e.HasIndex(x => x.ExpiresAt);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Job>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.SetNull);
    }
}
