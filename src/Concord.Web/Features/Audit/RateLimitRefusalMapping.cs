using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Audit;

sealed class RateLimitRefusalMapping : IEntityTypeConfiguration<RateLimitRefusal>
{
    public void Configure(EntityTypeBuilder<RateLimitRefusal> e)
    {
        e.Property(x => x.Client).HasMaxLength(100);
        e.Property(x => x.FirstRequest).HasMaxLength(300);
        e.HasIndex(x => new { x.Client, x.Minute }).IsUnique();
        e.HasIndex(x => x.LastAt);
    }
}
