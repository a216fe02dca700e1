using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// Administrators and coordinators must use a second factor. Their first sign-in stops here: the key to
// add to an authenticator app (as text and as a QR code), a code to prove it works, then recovery codes.
[Authorize(Policy = AccountsSetup.PendingScheme)]
[EnableRateLimiting(RateLimits.SignIn)]
public class EnrolModel(SignInService signIn, UserManager<Account> users, IStringLocalizer t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    public string? Code { get; set; }
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }
    public AuthenticatorSetup? Setup { get; private set; }
    // Shown once, after a successful enrolment.
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await signIn.PendingAsync() is not { Purpose: "enrol" } pending) return LocalRedirect("/account/sign-in");
        await LoadKeyAsync(pending.Account);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.PendingAsync() is not { Purpose: "enrol" } pending) return LocalRedirect("/account/sign-in");
        if (ModelState.IsValid && !await signIn.VerifyAuthenticatorCodeAsync(pending.Account, Code!))
        {
            // The code that locked the account ended the pending sign-in: back to the password.
            if (await signIn.IsLockedOutAsync(pending.Account)) return LocalRedirect("/account/sign-in");
            ModelState.AddModelError(nameof(Code), t["Accounts.CodeRefused"]);
        }
        if (!ModelState.IsValid)
        {
            Code = null;
            await LoadKeyAsync(pending.Account);
            return Page();
        }
        RecoveryCodes = await signIn.EnableTwoFactorAsync(pending.Account);
        await signIn.StartSessionAsync(pending.Account);
        return Page();
    }

    async Task LoadKeyAsync(Account account) => Setup = await AuthenticatorSetup.ForAsync(users, account);
}

// The key to add to an authenticator app, as text and as a QR code; shared by the enrolment at first
// sign-in and by the account page (Self/TwoFactorSetup), through the partial _AuthenticatorKey.
public sealed record AuthenticatorSetup(string Key, string QrSvg)
{
    // The account's key, or a new one when it has none. Kept until the second factor is turned off, so
    // that reloading the page does not invalidate a key already scanned.
    public static async Task<AuthenticatorSetup> ForAsync(UserManager<Account> users, Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }
        return new(key!, AuthenticatorQr.Svg(AuthenticatorQr.Uri(account.Email ?? account.UserName ?? "", key!)));
    }
}

public static class AuthenticatorQr
{
    // otpauth://totp/Concord:user@example?secret=…&issuer=Concord, the form every authenticator app reads.
    public static string Uri(string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString("Concord:" + account)}?secret={key}&issuer=Concord&digits=6";

    // An SVG drawn on the server: no script, nothing fetched.
    public static string Svg(string text)
    {
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        return new QRCoder.SvgQRCode(data).GetGraphic(4);
    }

    // "abcd efgh ijkl …": easier to type into a phone than one long run of letters.
    public static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
}
