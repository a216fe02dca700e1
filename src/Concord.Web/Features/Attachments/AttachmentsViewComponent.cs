using Concord.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Attachments;

// The "Attachments" section of a record's page: its files to download and, for whoever may edit the
// record, the way to the page that adds and withdraws them. Nothing for a record without files that the
// reader cannot add to.
public class AttachmentsViewComponent(ConcordDb db, IStringLocalizer t) : ViewComponent
{
    public sealed record Model(AttachmentOwners.Owner Owner, List<AttachmentRow> Rows, bool MayChange);

    public async Task<IViewComponentResult> InvokeAsync(AttachmentKind kind, int id)
    {
        var ct = HttpContext.RequestAborted;
        if (await AttachmentOwners.FindAsync(db, t, kind, id, ct) is not { } owner) return Content("");
        var rows = await AttachmentList.OfAsync(db, owner, forApi: false, ct);
        var mayChange = await AttachmentOwners.MayChangeAsync(db, db.Viewer, owner, ct);
        if (rows.Count == 0 && !mayChange) return Content("");
        return View("/Features/Attachments/_Attachments.cshtml", new Model(owner, rows, mayChange));
    }
}
