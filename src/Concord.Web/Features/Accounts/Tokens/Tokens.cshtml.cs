using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts.Tokens;

// My personal access tokens, for scripts that use the API: create one (shown once), see when each was
// last used, revoke one. Only the token's hash is kept, so a lost token is revoked and replaced, never shown again.
[Authorize(Policy = Access.SignedIn)]
public class TokensModel(ConcordDb db, SecurityLog log, TimeProvider clock, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public TokenInput Input { get; set; } = new();
    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];
    public IReadOnlyList<string> AllowedScopes { get; private set; } = [];
    // The new token, on the response to its creation only.
    public string? NewToken { get; private set; }
    public DateTime Now { get; private set; }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        public string? Name { get; set; }
        public List<string> Scopes { get; set; } = [];
        [Range(1, PersonalTokens.MaxDays, ErrorMessage = "Validation.Range")]
        public int ExpiresInDays { get; set; } = PersonalTokens.DefaultDays;
    }

    public sealed record TokenRow(int Id, string Name, string Prefix, string[] Scopes, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    CurrentUser Me => CurrentUser.From(User);

    // Tokens are managed from a signed-in session only: a token cannot make or revoke tokens (the token
    // handler already refuses tokens outside /api; this says it again where it matters most).
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (Me.TokenScopes is not null) context.Result = Forbid();
        // The page that shows a new token must not be kept by a browser or a proxy.
        Response.Headers.CacheControl = "no-store";
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var me = Me;
        var allowed = PersonalTokens.AllowedScopes(me.Role ?? Role.Reader);
        var refused = Input.Scopes.Where(s => !allowed.Contains(s)).Distinct().ToList();
        if (refused.Count > 0)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Scopes)}", string.Format(t["Tokens.ScopeRefused"], string.Join(", ", refused.Select(s => t[$"Tokens.Scope.{s}"].Value))));
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var (token, prefix) = PersonalTokens.Generate();
        // Reading comes with every token; the order is TokenScopes.All's, whatever the form sent.
        var scopes = TokenScopes.All.Where(s => s == TokenScopes.Read || Input.Scopes.Contains(s));
        var row = new ApiToken
        {
            AccountId = me.AccountId!.Value,
            Name = Input.Name!.Trim(),
            Prefix = prefix,
            Hash = TokenAuthenticationHandler.Hash(token),
            Scopes = string.Join(' ', scopes),
            CreatedAt = now,
            ExpiresAt = now.AddDays(Input.ExpiresInDays),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        await log.RecordAsync(SecurityEventKind.TokenCreated, me.AccountId, me.Name, $"token {prefix} ({row.Name}), {row.Scopes}, until {row.ExpiresAt:yyyy-MM-dd}");

        NewToken = token;
        Input = new TokenInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var me = Me;
        var now = clock.GetUtcNow().UtcDateTime;
        // Only one's own tokens: another account's id changes nothing and says nothing.
        var token = await db.ApiTokens.SingleOrDefaultAsync(x => x.Id == id && x.AccountId == me.AccountId, ct);
        if (token is null) return NotFound();
        if (token.RevokedAt is null)
        {
            token.RevokedAt = now;
            await db.SaveChangesAsync(ct);
            await log.RecordAsync(SecurityEventKind.TokenRevoked, me.AccountId, me.Name, $"token {token.Prefix} ({token.Name})");
        }
        TempData[Flash.Key] = Flash.Revoked;
        return RedirectToPage();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        AllowedScopes = PersonalTokens.AllowedScopes(Me.Role ?? Role.Reader);
        var id = Me.AccountId;
        var rows = await db.ApiTokens.AsNoTracking()
            .Where(x => x.AccountId == id)
            .OrderByDescending(x => x.CreatedAt).ThenByDescending(x => x.Id)
            .Select(x => new { x.Id, x.Name, x.Prefix, x.Scopes, x.CreatedAt, x.ExpiresAt, x.LastUsedAt, x.RevokedAt })
            .ToListAsync(ct);
        Tokens = rows.Select(x => new TokenRow(x.Id, x.Name, x.Prefix, x.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), x.CreatedAt, x.ExpiresAt, x.LastUsedAt, x.RevokedAt)).ToList();
    }
}
