using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
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

    sealed record TokenAndOwner(ApiToken Token, Account Account);

    // Only the columns the check and the principal need: not the owner's password hash and security stamps, and not a
    // whole row of each table on every call a script makes. Compiled (CompiledPerModel): built on each call, its
    // expression tree was a tenth of what an API request allocated.
    static readonly CompiledPerModel<Func<ConcordDb, string, CancellationToken, Task<TokenAndOwner?>>> TokenWithOwner = new(() =>
        EF.CompileAsyncQuery((ConcordDb db, string hash, CancellationToken ct) => db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash)
            .Select(t => new TokenAndOwner(
                new ApiToken { Id = t.Id, Prefix = t.Prefix, Name = t.Name, Scopes = t.Scopes, ExpiresAt = t.ExpiresAt, RevokedAt = t.RevokedAt, LastUsedAt = t.LastUsedAt },
                new Account
                {
                    Id = t.Account.Id, Email = t.Account.Email, DisplayName = t.Account.DisplayName, Role = t.Account.Role,
                    Country = t.Account.Country, OrganisationId = t.Account.OrganisationId, Language = t.Account.Language, IsDisabled = t.Account.IsDisabled,
                }))
            .SingleOrDefault()));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return await RefuseAsync(null, "not a Concord token");

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var hash = Hash(token);
        var row = await TokenWithOwner.For(db)(db, hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null) return await RefuseAsync(null, "unknown token");
        if (row.Token.RevokedAt is not null) return await RefuseAsync(row.Account.Id, $"revoked token {row.Token.Prefix}");
        if (row.Token.ExpiresAt <= now) return await RefuseAsync(row.Account.Id, $"expired token {row.Token.Prefix}");
        if (row.Account.IsDisabled) return await RefuseAsync(row.Account.Id, $"disabled account, token {row.Token.Prefix}");
        // Tokens are for scripts that call the API. Pages, and the forms on them (the token page itself
        // among them), need a signed-in session with its second factor.
        if (!Request.Path.StartsWithSegments("/api")) return await RefuseAsync(row.Account.Id, $"token {row.Token.Prefix} outside the API: {Request.Path}");

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

public static class TokenRefusal
{
    // A script whose token is expired, revoked, unknown or its owner's account disabled learns it at once
    // (401), even on a read anyone may make: otherwise it would quietly get the public part of the record,
    // as if it had sent no token. Runs after authentication, which has already logged the refusal.
    public static IApplicationBuilder UseTokenRefusal(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.Identity?.IsAuthenticated != true
            && http.Request.Path.StartsWithSegments("/api")
            && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            var t = http.RequestServices.GetRequiredService<IStringLocalizer>();
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = StatusCodes.Status401Unauthorized, Title = t["Api.TokenRefused"] },
            });
            return;
        }
        await next(http);
    });
}
