using Concord.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// The invitation link: the invitee chooses a password, which confirms the address the link was sent to,
// then signs in like everyone else (administrators and coordinators then set up their second factor).
[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public class AcceptModel(UserManager<Account> users, AccountLinks links, SecurityLog log, IStringLocalizer t) : PageModel
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

    // Open to anyone holding an invitation link: the link, not a session, says who they are.
    [OpenHandler]
    public async Task<IActionResult> OnPostAsync()
    {
        var account = await CheckLinkAsync();
        if (account is null) return Page();
        await Input.CheckAsync(users, account, ModelState, t);
        if (!ModelState.IsValid) return Page();
        // Saved with the password, in one save, if the password is accepted.
        account.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(account, Input.NewPassword!);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(result, t, "Input.NewPassword");
            return Page();
        }
        await log.RecordAsync(SecurityEventKind.PasswordChanged, account.Id, account.Email, "invitation accepted");
        return RedirectToPage(new { done = true });
    }

    async Task<Account?> CheckLinkAsync()
    {
        var account = Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        State = await links.CheckInvitationAsync(account, Token);
        if (State != LinkState.Valid) return null;
        Email = account!.Email;
        return account;
    }
}
