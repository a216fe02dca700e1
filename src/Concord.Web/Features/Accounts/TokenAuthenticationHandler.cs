using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts;

// "Authorization: Bearer cnc_…": a personal access token. The principal is the owner's, as the owner is
// now (role, side, organisation), plus the token's scopes, which can only narrow what the owner may do.
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IServiceScopeFactory scopes, SecurityLog log, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string Prefix = "cnc_";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return await RefuseAsync(null, "not a Concord token");

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var hash = Hash(token);
        var row = await db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash).Select(t => new { Token = t, t.Account }).SingleOrDefaultAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null) return await RefuseAsync(null, "unknown token");
        if (row.Token.RevokedAt is not null) return await RefuseAsync(row.Account.Id, $"revoked token {row.Token.Prefix}");
        if (row.Token.ExpiresAt <= now) return await RefuseAsync(row.Account.Id, $"expired token {row.Token.Prefix}");
        if (row.Account.IsDisabled) return await RefuseAsync(row.Account.Id, $"disabled account, token {row.Token.Prefix}");

        var identity = SignInService.Identity(row.Account, Scheme.Name);
        identity.AddClaim(new Claim(ConcordClaims.Token, row.Token.Id.ToString()));
        identity.AddClaim(new Claim(ConcordClaims.TokenScopes, row.Token.Scopes));
        // Use is recorded at most once an hour per token: enough to see that a token is alive,
        // not a row for every call a script makes.
        if (row.Token.LastUsedAt is null || now - row.Token.LastUsedAt > TimeSpan.FromHours(1))
        {
            await db.ApiTokens.Where(t => t.Id == row.Token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now));
            await log.RecordAsync(SecurityEventKind.TokenUsed, row.Account.Id, row.Account.Email, $"token {row.Token.Prefix} ({row.Token.Name})");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    async Task<AuthenticateResult> RefuseAsync(int? accountId, string why)
    {
        await log.RecordAsync(SecurityEventKind.TokenRefused, accountId, null, why);
        return AuthenticateResult.Fail(why);
    }
}
