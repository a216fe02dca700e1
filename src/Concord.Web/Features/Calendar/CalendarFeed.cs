using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Concord.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Features.Calendar;

// A person's secret calendar address (/calendar/feed/{token}.ics). Only the token's hash is kept, as for personal
// access tokens: the address is shown once, and a lost one is revoked and replaced. An account has at most one
// live address; making a new one revokes the old.
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public string Hash { get; set; } = "";
    // The first characters of the token, to tell addresses apart on the page.
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    // 32 random bytes, base64url: a calendar application keeps it in the address, so it carries no prefix a
    // scanner would need, but it is as hard to guess as an access token.
    public static (string Token, string Prefix) Generate()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, token[..6]);
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

sealed class CalendarFeedMapping : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Property(x => x.Prefix).HasMaxLength(10);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => new { x.AccountId, x.Id });
        e.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
