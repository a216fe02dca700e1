using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Attachments;

sealed class AttachmentMapping : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> e)
    {
        e.Property(x => x.RecordType).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(AttachmentNames.MaxLength);
        e.Property(x => x.ContentType).HasMaxLength(120);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.StorageKey).HasMaxLength(64);
        e.Property(x => x.UploadedByName).HasMaxLength(256);
        e.Property(x => x.WithdrawnByName).HasMaxLength(256);
        e.Property(x => x.WithdrawalReason).HasMaxLength(AttachmentRules.MaxReasonLength);
        e.Ignore(x => x.IsWithdrawn);
        e.HasIndex(x => new { x.RecordType, x.RecordId });
        e.HasIndex(x => x.StorageKey).IsUnique();
        // The uploader's name is kept on the row, so a deleted account leaves its attachments and their history.
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.UploadedById).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.WithdrawnById).OnDelete(DeleteBehavior.SetNull);
    }
}
