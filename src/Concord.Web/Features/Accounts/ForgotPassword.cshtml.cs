using System.ComponentModel.DataAnnotations;
using Concord.Features.Accounts.Mail;
using Concord.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Concord.Features.Accounts;

// Always the same answer, whether or not the address has an account, so that the page tells nobody
// who has one. With an e-mail server the link is sent (after the answer, see Mailer.Queue); without one
// only an administrator can give it, from the account's page.
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class ForgotPasswordModel(UserManager<Account> users, AccountLinks links, Mailer mailer, SecurityLog log) : PageModel
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }
    public bool MailConfigured => mailer.IsConfigured;

    public sealed class ForgotInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [MaxLength(256, ErrorMessage = "Validation.TooLong")]
        public string? Email { get; set; }
    }

    public void OnGet()
    {
    }

    // Open to anyone: one who forgot their password cannot sign in; the answer is the same whether the address exists or not.
    [OpenHandler]
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email!.Trim();
        var account = await users.FindByEmailAsync(email);
        if (account is { IsDisabled: false })
        {
            if (mailer.IsConfigured) await links.QueuePasswordResetAsync(account);
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, account.Id, account.Email,
                mailer.IsConfigured ? "link sent by e-mail" : "no e-mail server: an administrator gives the link");
        }
        else
        {
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, account?.Id, email, account is null ? "unknown address" : "disabled account");
        }
        return RedirectToPage(new { sent = true });
    }
}
