using Concord.Data;
using Concord.Features.Audit;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts.Admin;

// An account is made by invitation: no password until the invitee chooses one through the link, which
// is e-mailed when Concord has an e-mail server and otherwise shown here for the administrator to pass on.
[Authorize(Policy = Access.Administer)]
public class InviteModel(ConcordDb db, UserManager<Account> users, AccountLinks links, SecurityLog log, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();
    public List<OrganisationOption> Organisations { get; private set; } = [];
    // After the invitation: the account, and the link when it was not e-mailed.
    public LinkDelivery? Delivered { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await OrganisationPicker.LoadAsync(db, ct);

    public async Task<IActionResult> OnPostAsync([FromServices] TimeProvider clock, CancellationToken ct)
    {
        var (country, errors) = await Input.CheckAsync(db, ct);
        ModelState.AddRuleErrors(errors, t);
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email!.Trim()) is not null)
            ModelState.AddModelError("Input.Email", t["AccountAdmin.Error.DuplicateEmail"]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync(ct);
            return Page();
        }
        var email = Input.Email!.Trim();
        var account = new Account
        {
            UserName = email,
            Email = email,
            EmailConfirmed = false,
            DisplayName = Input.DisplayName!.Trim(),
            OrganisationId = Input.OrganisationId!.Value,
            Country = country!,
            Role = Input.Role!.Value,
            Language = Input.Language is { Length: > 0 } l ? l : null,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            ModelState.AddIdentityErrors(created, t, "Input.Email", "Input.Email");
            await OnGetAsync(ct);
            return Page();
        }
        var admin = CurrentUser.From(User);
        var organisation = (await AccountInput.OrganisationLabelsAsync(db, ct, account.OrganisationId)).GetValueOrDefault(account.OrganisationId);
        await log.RecordAsync(SecurityEventKind.AccountInvited, account.Id, account.Email,
            $"Role: {account.Role}; Organisation: {organisation}; Side: {(account.Country.Length > 0 ? account.Country : "third party")}; by {admin.Name} (#{admin.AccountId})");
        Delivered = await links.SendInvitationAsync(account, admin.Name);
        return Page();
    }
}
