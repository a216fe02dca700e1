using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Audit;

sealed class AuditMapping : IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.ActorName).HasMaxLength(200);
        e.Property(x => x.RecordType).HasMaxLength(40);
        e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        e.HasIndex(x => new { x.RecordType, x.RecordId, x.Id });
        e.HasIndex(x => new { x.At, x.Id });
        e.HasIndex(x => new { x.AccountId, x.Id });
    }

    public void Configure(EntityTypeBuilder<SecurityEvent> e)
    {
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(1000);
        e.HasIndex(x => new { x.At, x.Id });
        e.HasIndex(x => new { x.Kind, x.At });
        e.HasIndex(x => new { x.AccountId, x.At });
    }
}
