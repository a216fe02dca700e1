using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// The second step of signing in: a code from the authenticator app, or one of the recovery codes.
[Authorize(Policy = AccountsSetup.PendingScheme)]
[EnableRateLimiting(RateLimits.SignIn)]
public class TwoFactorModel(SignInService signIn, IStringLocalizer t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    public string? Code { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }
    // "Use a recovery code instead".
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.PendingAsync() is { Purpose: "mfa" } ? Page() : LocalRedirect("/account/sign-in");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.PendingAsync() is not { Purpose: "mfa" } pending) return LocalRedirect("/account/sign-in");
        if (!ModelState.IsValid) return Page();
        var accepted = Recovery
            ? await signIn.RedeemRecoveryCodeAsync(pending.Account, Code!)
            : await signIn.VerifyAuthenticatorCodeAsync(pending.Account, Code!);
        // The code that locked the account ended the pending sign-in: back to the password.
        if (!accepted && await signIn.IsLockedOutAsync(pending.Account)) return LocalRedirect("/account/sign-in");
        if (!accepted)
        {
            ModelState.AddModelError(nameof(Code), t[Recovery ? "Accounts.RecoveryCodeRefused" : "Accounts.CodeRefused"]);
            Code = null;
            return Page();
        }
        await signIn.StartSessionAsync(pending.Account);
        return LocalRedirect(Concord.Shared.ReturnUrls.Local(ReturnUrl));
    }
}
