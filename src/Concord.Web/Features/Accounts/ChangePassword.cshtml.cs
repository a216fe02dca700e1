using System.Security.Claims;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// A signed-in user changes their own password: the current one first, so that a browser left open
// is not enough. Wrong guesses count towards the lockout like wrong passwords at sign-in. The user's
// other sessions end; this one goes on.
[Authorize(Policy = Access.SignedIn)]
[EnableRateLimiting(RateLimits.SignIn)]
public class ChangePasswordModel(UserManager<Account> users, SecurityLog log, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public ChangePasswordInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }
    public string? Email { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await OwnAccountAsync() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync([FromServices] ConcordDb db, [FromServices] TimeProvider clock)
    {
        if (await OwnAccountAsync() is not { } account) return Forbid();
        await Input.CheckAsync(users, account, ModelState, t);
        if (Input.CurrentPassword is not null
            && (await users.IsLockedOutAsync(account) || !await users.CheckPasswordAsync(account, Input.CurrentPassword)))
        {
            if (!await users.IsLockedOutAsync(account)) await users.AccessFailedAsync(account);
            await log.RecordAsync(SecurityEventKind.SignInFailed, account.Id, account.Email, "wrong current password on the change password page");
            ModelState.AddModelError("Input.CurrentPassword", t["AccountAdmin.Error.CurrentPasswordWrong"]);
        }
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(account, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, t, "Input.NewPassword");
            return Page();
        }
        var thisSession = User.FindFirstValue(ConcordClaims.Session);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.AccountSessions.Where(s => s.AccountId == account.Id && s.EndedAt == null && s.Id != thisSession)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, "password changed"));
        await log.RecordAsync(SecurityEventKind.PasswordChanged, account.Id, account.Email, "changed by its owner");
        return RedirectToPage(new { done = true });
    }

    // A personal access token cannot change its owner's password: only the owner, signed in.
    async Task<Account?> OwnAccountAsync()
    {
        var user = CurrentUser.From(User);
        if (user.AccountId is not { } id || user.TokenScopes is not null) return null;
        var account = await users.FindByIdAsync(id.ToString());
        Email = account?.Email;
        return account;
    }
}
