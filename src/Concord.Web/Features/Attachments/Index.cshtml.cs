using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Attachments;

// A record's attachments (/meetings/5/attachments, /commitments/12/reports/34/attachments): the list for
// whoever may read the record, the upload and withdraw forms for whoever may edit it. Works as plain forms;
// js/upload.js adds a progress bar to the upload. The record's page lists the same files.
[AllowAnonymous]
[AttachmentUploadLimit]
public class IndexModel(ConcordDb db, AttachmentFiles files, IStringLocalizer t, SecurityLog securityLog) : PageModel
{
    public AttachmentOwners.Owner Owner { get; private set; } = null!;
    public List<AttachmentRow> Rows { get; private set; } = [];
    public int WithdrawnCount { get; private set; }
    public bool MayChange { get; private set; }
    public bool IsSignedIn => db.Viewer.IsSignedIn;
    public long MaxBytes => files.Options.MaxBytes;
    public string Accept => string.Join(',', AttachmentContent.Accepted.SelectMany(k => k.Extensions));

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public WithdrawalInput Withdrawal { get; set; } = new();

    public sealed class WithdrawalInput
    {
        public int AttachmentId { get; set; }
        [StringLength(AttachmentRules.MaxReasonLength, ErrorMessage = "Validation.TooLong")]
        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, int? commitmentId, string? refused, CancellationToken ct)
    {
        if (!await LoadAsync(id, commitmentId, ct)) return NotFound();
        if (refused == AttachmentUploadLimitAttribute.TooLarge)
            ModelState.AddModelError(nameof(Upload), t["Attachments.Error.TooLarge", AttachmentRules.Size(MaxBytes)]);
        return Page();
    }

    [HandlerAuthorize(Access.SignedIn)]
    public async Task<IActionResult> OnPostUploadAsync(int id, int? commitmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, commitmentId, ct)) return NotFound();
        if (!MayChange) return await DeniedAsync();
        await using var content = Upload?.OpenReadStream();
        var (saved, refusal) = await files.UploadAsync(db, Owner, Upload?.FileName, content, Upload?.Length ?? 0, ct);
        if (refusal is not null)
        {
            ModelState.AddModelError(nameof(Upload), t[refusal.Key, refusal.Args]);
            return Page();
        }
        TempData[Concord.Shared.Flash.Key] = Concord.Shared.Flash.Attached;
        return Redirect(Owner.AttachmentsUrl);
    }

    [HandlerAuthorize(Access.SignedIn)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, int? commitmentId, CancellationToken ct)
    {
        if (!await LoadAsync(id, commitmentId, ct)) return NotFound();
        if (!MayChange) return await DeniedAsync();
        var attachment = await AttachmentOwners.Of(db, Owner).SingleOrDefaultAsync(a => a.Id == Withdrawal.AttachmentId && a.WithdrawnAt == null, ct);
        if (attachment is null) return NotFound();
        // An over-long reason is refused by the attribute above, beside the field, like the rule's own refusals.
        if (ModelState.IsValid)
        {
            if (await AttachmentFiles.WithdrawAsync(db, attachment, Withdrawal.Reason, ct) is not { } refusal)
            {
                TempData[Concord.Shared.Flash.Key] = Concord.Shared.Flash.FileWithdrawn;
                return Redirect(Owner.AttachmentsUrl);
            }
            ModelState.AddModelError("Withdrawal.Reason", t[refusal.Key, refusal.Args]);
        }
        return Page();
    }

    // One page serves five addresses, so its forms post to their own record's address (Owner.AttachmentsUrl);
    // a post without a handler has nothing to do here.
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = NotFound();
            return Task.CompletedTask;
        }
        return next();
    }

    async Task<IActionResult> DeniedAsync()
    {
        await securityLog.RecordDeniedAsync(HttpContext);
        return Forbid();
    }

    async Task<bool> LoadAsync(int id, int? commitmentId, CancellationToken ct)
    {
        var kind = commitmentId is not null ? AttachmentKind.ProgressReport : AttachmentOwners.KindOf(Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault());
        if (kind is null) return false;
        var owner = await AttachmentOwners.FindAsync(db, t, kind.Value, id, ct);
        if (owner is null || (commitmentId is not null && owner.CommitmentId != commitmentId)) return false;
        Owner = owner;
        Rows = await AttachmentList.OfAsync(db, owner, forApi: false, ct);
        WithdrawnCount = await AttachmentOwners.Of(db, owner).CountAsync(a => a.WithdrawnAt != null, ct);
        MayChange = await AttachmentOwners.MayChangeAsync(db, db.Viewer, owner, ct);
        return true;
    }
}
