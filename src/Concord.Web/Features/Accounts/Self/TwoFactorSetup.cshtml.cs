using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts.Self;

// A signed-in official whose role does not require a second factor (focal point, reader) turns it on:
// the same key, QR code and first code as the enrolment at first sign-in, then the recovery codes, once.
[Authorize(Policy = Access.SignedIn)]
[EnableRateLimiting(RateLimits.SignIn)]
public class TwoFactorSetupModel(SignInService signIn, UserManager<Account> users, IStringLocalizer t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    public string? Password { get; set; }
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    public string? Code { get; set; }
    public AuthenticatorSetup? Setup { get; private set; }
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } account) return Challenge();
        if (account.TwoFactorEnabled) return LocalRedirect("/account#two-factor");
        Setup = await AuthenticatorSetup.ForAsync(users, account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } account) return Challenge();
        if (account.TwoFactorEnabled) return LocalRedirect("/account#two-factor");
        // The password first: someone at an unlocked computer must not tie the account to their own phone.
        if (ModelState.IsValid && !await signIn.ConfirmPasswordAsync(account, Password))
            ModelState.AddModelError(nameof(Password), t["AccountSelf.PasswordRefused"]);
        else if (ModelState.IsValid && !await signIn.VerifyAuthenticatorCodeAsync(account, Code!))
            ModelState.AddModelError(nameof(Code), t["Accounts.CodeRefused"]);
        if (!ModelState.IsValid)
        {
            Password = null;
            Code = null;
            Setup = await AuthenticatorSetup.ForAsync(users, account);
            return Page();
        }
        RecoveryCodes = await signIn.EnableTwoFactorAsync(account);
        return Page();
    }
}
