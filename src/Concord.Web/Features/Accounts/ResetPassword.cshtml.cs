using Concord.Data;
using Concord.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// The password reset link (from "forgot password" or from an administrator). A new password ends every
// session of the account, in case the old one was known to someone else, and lifts a lockout.
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class ResetPasswordModel(UserManager<Account> users, AccountLinks links, SecurityLog log, IStringLocalizer t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }
    [BindProperty(SupportsGet = true)]
    public bool Done { get; set; }
    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();
    public LinkState State { get; private set; }
    public string? Email { get; private set; }

    public async Task OnGetAsync()
    {
        if (!Done) await CheckLinkAsync();
    }

    // Open to anyone holding a reset link: the link, not a session, says who they are.
    [OpenHandler]
    public async Task<IActionResult> OnPostAsync([FromServices] ConcordDb db, [FromServices] TimeProvider clock)
    {
        var account = await CheckLinkAsync();
        if (account is null) return Page();
        await Input.CheckAsync(users, account, ModelState, t);
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(account, Token!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, t, "Input.NewPassword");
            return Page();
        }
        await users.ResetAccessFailedCountAsync(account);
        await users.SetLockoutEndDateAsync(account, null);
        await SignInService.EndSessionsAsync(db, account.Id, clock.GetUtcNow().UtcDateTime, "password reset");
        await log.RecordAsync(SecurityEventKind.PasswordChanged, account.Id, account.Email, "reset link");
        return RedirectToPage(new { done = true });
    }

    async Task<Account?> CheckLinkAsync()
    {
        var account = Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        State = await links.CheckPasswordResetAsync(account, Token);
        if (State != LinkState.Valid) return null;
        Email = account!.Email;
        return account;
    }
}
