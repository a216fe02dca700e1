using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts.Self;

// An official's own account: who Concord thinks they are, the language it speaks to them, their second
// factor, and where they are signed in.
[Authorize(Policy = Access.SignedIn)]
public class IndexModel(ConcordDb db, SignInService accounts, TimeProvider clock, IOptions<AccountOptions> options, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public string? Language { get; set; }
    // Each form asking for the password has its own field, so that an error shows beside the right one.
    [BindProperty]
    public string? RegeneratePassword { get; set; }
    [BindProperty]
    public string? DisablePassword { get; set; }

    public MeRow Me { get; private set; } = null!;
    public int RecoveryCodesLeft { get; private set; }
    public List<SessionRow> Sessions { get; private set; } = [];
    // Shown once, after "new recovery codes".
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];
    public int IdleMinutes => (int)options.Value.IdleTimeout.TotalMinutes;
    public int AbsoluteHours => (int)options.Value.AbsoluteTimeout.TotalHours;

    public sealed record MeRow(int Id, string DisplayName, string Email, LocalizedText Organisation, int OrganisationId,
        string Country, Role Role, string? Language, bool TwoFactorEnabled)
    {
        public bool TwoFactorRequired => Account.RequiresTwoFactor(Role);
    }

    public sealed record SessionRow(DateTime StartedAt, DateTime LastSeenAt, string? IpAddress, string? UserAgent, bool IsThis);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        return Page();
    }

    public async Task<IActionResult> OnPostLanguageAsync(CancellationToken ct)
    {
        var language = string.IsNullOrEmpty(Language) ? null : Language;
        if (language is not null && !Cultures.Supported.Contains(language))
        {
            ModelState.AddModelError(nameof(Language), t["Validation.UnknownChoice"]);
            return await PageAsync(ct);
        }
        await AccountLanguage.SaveAsync(HttpContext, db, AccountId, language);
        TempData[Flash.Key] = Flash.Saved;
        return LocalRedirect("/account");
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var account = await AccountAsync(ct);
        if (!account.TwoFactorEnabled) return LocalRedirect("/account");
        if (!await accounts.ConfirmPasswordAsync(account, RegeneratePassword))
        {
            ModelState.AddModelError(nameof(RegeneratePassword), t["AccountSelf.PasswordRefused"]);
            return await PageAsync(ct);
        }
        NewRecoveryCodes = await accounts.RegenerateRecoveryCodesAsync(account);
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        var account = await AccountAsync(ct);
        // The button is not shown to these roles; a request made without it is refused all the same.
        if (Account.RequiresTwoFactor(account.Role)) return Forbid();
        if (!account.TwoFactorEnabled) return LocalRedirect("/account");
        if (!await accounts.ConfirmPasswordAsync(account, DisablePassword))
        {
            ModelState.AddModelError(nameof(DisablePassword), t["AccountSelf.PasswordRefused"]);
            return await PageAsync(ct);
        }
        await accounts.DisableTwoFactorAsync(account);
        TempData[Flash.Key] = Flash.TwoFactorOff;
        return LocalRedirect("/account");
    }

    public async Task<IActionResult> OnPostEndOtherSessionsAsync()
    {
        await accounts.EndOtherSessionsAsync(AccountId);
        TempData[Flash.Key] = Flash.SessionsEnded;
        return LocalRedirect("/account#sessions");
    }

    int AccountId => CurrentUser.From(User).AccountId ?? throw new InvalidOperationException("The policy lets only signed-in users here.");

    // Tracked: Identity's UserManager changes it and saves.
    async Task<Account> AccountAsync(CancellationToken ct) => await db.Users.SingleAsync(a => a.Id == AccountId, ct);

    async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        return Page();
    }

    async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = AccountId;
        var me = await db.Users.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new MeRow(a.Id, a.DisplayName, a.Email ?? "", a.Organisation.Name, a.OrganisationId, a.Country, a.Role, a.Language, a.TwoFactorEnabled))
            .SingleOrDefaultAsync(ct);
        if (me is null) return false;
        Me = me;
        Language ??= me.Language;
        if (me.TwoFactorEnabled) RecoveryCodesLeft = await accounts.RecoveryCodesLeftAsync(await AccountAsync(ct));

        // The sessions the validator would still accept: not ended, not idle, not past their absolute limit.
        var now = clock.GetUtcNow().UtcDateTime;
        var idleSince = now - options.Value.IdleTimeout;
        var startedSince = now - options.Value.AbsoluteTimeout;
        var current = User.FindFirst(ConcordClaims.Session)?.Value;
        Sessions = [.. (await db.AccountSessions.AsNoTracking()
                .Where(s => s.AccountId == id && s.EndedAt == null && s.LastSeenAt >= idleSince && s.StartedAt >= startedSince)
                .OrderByDescending(s => s.LastSeenAt)
                .Select(s => new { s.Id, s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent })
                .ToListAsync(ct))
            .Select(s => new SessionRow(s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent, s.Id == current))
            .OrderByDescending(s => s.IsThis)];
        return true;
    }
}
