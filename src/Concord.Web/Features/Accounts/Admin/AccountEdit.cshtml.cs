using Concord.Data;
using Concord.Features.Audit;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts.Admin;

// One account: its name, organisation (and so its side) and role; disabling it; a password reset or a new
// invitation link; its open sessions. A change of role or organisation, and disabling, end the account's
// sessions at once, so that nobody keeps powers they no longer have. An administrator cannot demote or
// disable themselves, so Concord always keeps one administrator who can undo a mistake.
[Authorize(Policy = Access.Administer)]
public class AccountEditModel(ConcordDb db, SecurityLog log, TimeProvider clock, IOptions<AccountOptions> options, IStringLocalizer t) : PageModel
{
    [BindProperty]
    public EditInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }
    public Summary Account { get; private set; } = null!;
    public List<SessionRow> Sessions { get; private set; } = [];
    public List<OrganisationOption> Organisations { get; private set; } = [];
    public LinkDelivery? Delivered { get; private set; }
    public bool IsSelf { get; private set; }
    public bool IsLocked => Account.LockoutEnd is { } end && end.UtcDateTime > Now;

    public sealed record Summary(int Id, string? Email, string DisplayName, string Country, Role Role, bool IsDisabled, bool HasPassword,
        bool TwoFactor, DateTimeOffset? LockoutEnd, DateTime CreatedAt, DateTime? LastSignInAt);
    public sealed record SessionRow(DateTime StartedAt, DateTime LastSeenAt, string? IpAddress, string? UserAgent);

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => PageAsync(id, ct, reloadInput: true);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return NotFound();
        var (country, errors) = await Input.CheckAsync(db, ct);
        ModelState.AddRuleErrors(errors, t);
        if (IsMe(id) && Input.Role is not null and not Role.Administrator)
            ModelState.AddModelError("Input.Role", t["AccountAdmin.Error.CannotDemoteSelf"]);
        if (!ModelState.IsValid) return await PageAsync(id, ct);

        var before = (account.DisplayName, account.OrganisationId, account.Country, account.Role, account.Language);
        // Saved against the version the form showed: another administrator's save in between is not overwritten.
        db.Entry(account).Property(a => a.ConcurrencyStamp).OriginalValue = Input.ConcurrencyStamp;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        account.DisplayName = Input.DisplayName!.Trim();
        account.OrganisationId = Input.OrganisationId!.Value;
        account.Country = country!;
        account.Role = Input.Role!.Value;
        account.Language = Input.Language is { Length: > 0 } l ? l : null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", t["Common.Conflict"]);
            return await PageAsync(id, ct);
        }

        var by = By();
        if (before.Role != account.Role)
            await log.RecordAsync(SecurityEventKind.RoleChanged, account.Id, account.Email, $"Role: {before.Role} → {account.Role}; {by}");
        var changed = new List<string>();
        if (before.OrganisationId != account.OrganisationId)
        {
            var names = await AccountInput.OrganisationLabelsAsync(db, ct, before.OrganisationId, account.OrganisationId);
            changed.Add($"Organisation: {names.GetValueOrDefault(before.OrganisationId)} → {names.GetValueOrDefault(account.OrganisationId)}");
        }
        if (before.Country != account.Country) changed.Add($"Side: {Side(before.Country)} → {Side(account.Country)}");
        if (before.DisplayName != account.DisplayName) changed.Add($"Name: {before.DisplayName} → {account.DisplayName}");
        if (before.Language != account.Language) changed.Add($"Language: {before.Language ?? "-"} → {account.Language ?? "-"}");
        if (changed.Count > 0)
            await log.RecordAsync(SecurityEventKind.AccountChanged, account.Id, account.Email, $"{string.Join("; ", changed)}; {by}");
        if (before.Role != account.Role || before.OrganisationId != account.OrganisationId)
            await SignInService.EndSessionsAsync(db, account.Id, Now, "role or organisation changed");
        return Redirect($"/admin/accounts/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostDisableAsync(int id, CancellationToken ct)
    {
        if (IsMe(id))
        {
            return await PageAsync(id, ct, reloadInput: true, error: "AccountAdmin.Error.CannotDisableSelf");
        }
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return NotFound();
        if (!account.IsDisabled)
        {
            account.IsDisabled = true;
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(ct);
            await SignInService.EndSessionsAsync(db, id, Now, "disabled");
            await log.RecordAsync(SecurityEventKind.AccountDisabled, id, account.Email, By());
        }
        return Redirect($"/admin/accounts/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostEnableAsync(int id, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (account is null) return NotFound();
        if (account.IsDisabled)
        {
            account.IsDisabled = false;
            account.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync(ct);
            await log.RecordAsync(SecurityEventKind.AccountEnabled, id, account.Email, By());
        }
        return Redirect($"/admin/accounts/{id}?saved=true");
    }

    public async Task<IActionResult> OnPostEndSessionsAsync(int id, CancellationToken ct)
    {
        var email = await db.Users.Where(a => a.Id == id).Select(a => a.Email).SingleOrDefaultAsync(ct);
        if (email is null) return NotFound();
        await SignInService.EndSessionsAsync(db, id, Now, "ended by an administrator");
        await log.RecordAsync(SecurityEventKind.SessionEnded, id, email, $"every session; {By()}");
        return Redirect($"/admin/accounts/{id}?saved=true");
    }

    // A password reset link; for an account whose invitee has not yet chosen a password, a new invitation
    // instead (the earlier one stops working).
    public async Task<IActionResult> OnPostSendLinkAsync(int id, [FromServices] AccountLinks links, [FromServices] Microsoft.AspNetCore.Identity.UserManager<Account> users, CancellationToken ct)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null) return NotFound();
        if (account.IsDisabled)
        {
            return await PageAsync(id, ct, reloadInput: true, error: "AccountAdmin.Error.DisabledNoLink");
        }
        if (account.PasswordHash is null)
        {
            await users.UpdateSecurityStampAsync(account);
            Delivered = await links.SendInvitationAsync(account, CurrentUser.From(User).Name);
            await log.RecordAsync(SecurityEventKind.AccountInvited, id, account.Email, $"new invitation link; {By()}");
        }
        else
        {
            Delivered = await links.SendPasswordResetAsync(account);
            await log.RecordAsync(SecurityEventKind.PasswordResetRequested, id, account.Email, $"{(Delivered.Emailed ? "link sent by e-mail" : "link shown to the administrator")}; {By()}");
        }
        return await PageAsync(id, ct, reloadInput: true);
    }

    DateTime Now => clock.GetUtcNow().UtcDateTime;

    bool IsMe(int id) => CurrentUser.From(User).AccountId == id;

    string By()
    {
        var admin = CurrentUser.From(User);
        return $"by {admin.Name} (#{admin.AccountId})";
    }

    static string Side(string country) => country.Length > 0 ? country : "third party";

    // reloadInput: the form shows the account as saved. The buttons' forms (disable, send a link) carry no
    // account fields, and what binding made of their absence is not an error; `error` is the button's own.
    async Task<IActionResult> PageAsync(int id, CancellationToken ct, bool reloadInput = false, string? error = null)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (reloadInput)
        {
            ModelState.Clear();
            if (error is not null) ModelState.AddModelError("", t[error]);
            var account = await db.Users.AsNoTracking().SingleAsync(a => a.Id == id, ct);
            Input = new EditInput
            {
                DisplayName = account.DisplayName,
                OrganisationId = account.OrganisationId,
                Role = account.Role,
                Language = account.Language,
                ConcurrencyStamp = account.ConcurrencyStamp,
            };
        }
        return Page();
    }

    async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var summary = await db.Users.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new Summary(a.Id, a.Email, a.DisplayName, a.Country, a.Role, a.IsDisabled, a.PasswordHash != null, a.TwoFactorEnabled, a.LockoutEnd, a.CreatedAt, a.LastSignInAt))
            .SingleOrDefaultAsync(ct);
        if (summary is null) return false;
        Account = summary;
        IsSelf = IsMe(id);
        // Open sessions: not ended, and within the idle and absolute limits (a session whose browser
        // never came back is not ended in the database until its cookie is next presented).
        var idleSince = Now - options.Value.IdleTimeout;
        var startedSince = Now - options.Value.AbsoluteTimeout;
        Sessions = await db.AccountSessions.AsNoTracking()
            .Where(s => s.AccountId == id && s.EndedAt == null && s.LastSeenAt > idleSince && s.StartedAt > startedSince)
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.StartedAt, s.LastSeenAt, s.IpAddress, s.UserAgent))
            .ToListAsync(ct);
        Organisations = await OrganisationPicker.LoadAsync(db, ct);
        return true;
    }
}
