using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Accounts;

// Identity maps the account's own columns (ConcordDb derives from IdentityUserContext); these are Concord's.
sealed class AccountMapping : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<AccountSession>, IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<Account> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.Country).HasMaxLength(2);
        e.Property(x => x.Language).HasMaxLength(8);
        e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.Country, x.Role });
    }

    public void Configure(EntityTypeBuilder<AccountSession> e)
    {
        e.Property(x => x.Id).HasMaxLength(64);
        e.Property(x => x.EndReason).HasMaxLength(40);
        e.Property(x => x.IpAddress).HasMaxLength(64);
        e.Property(x => x.UserAgent).HasMaxLength(300);
        e.HasOne(x => x.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.AccountId, x.EndedAt });
    }

    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Scopes).HasMaxLength(100);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.AccountId);
        e.HasOne(x => x.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
