using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class SignInModel(SignInService signIn, ConcordDb db, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }
    // The embedded demo's accounts are listed on first start; the page says so while they exist.
    public bool DemoAccountsExist { get; private set; }

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        public string? Email { get; set; }
        [Required(ErrorMessage = "Validation.Required")]
        public string? Password { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) =>
        DemoAccountsExist = await db.Users.AnyAsync(a => a.IsDemo, ct);

    [OpenHandler]
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var back = ReturnUrls.Local(ReturnUrl);
        var step = await signIn.CheckPasswordAsync(Input.Email!, Input.Password!);
        switch (step)
        {
            case PasswordStep.SignedIn:
                return LocalRedirect(back);
            case PasswordStep.NeedsSecondFactor:
                return LocalRedirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(back)}");
            case PasswordStep.NeedsEnrolment:
                return LocalRedirect($"/account/enrol?returnUrl={Uri.EscapeDataString(back)}");
            default:
                ModelState.AddModelError("", t["Accounts.SignInRefused"]);
                Input.Password = null;
                await OnGetAsync(ct);
                return Page();
        }
    }
}
