using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Attachments;

// The record an attachment belongs to. An attachment is read only through its record's query, so the
// visibility filter (Shared/Visibility.cs) that hides the record hides its attachments too: a file of
// minutes restricted to one side is not found by the other, by list, by download or by a guessed id.
public static class AttachmentOwners
{
    // The record as the attachment pages name and link it. CommitmentId and Country: a progress report's.
    public sealed record Owner(AttachmentKind Kind, int Id, string Name, string PageUrl, int? CommitmentId = null, string? Country = null)
    {
        public string AttachmentsUrl => Kind == AttachmentKind.ProgressReport
            ? $"/commitments/{CommitmentId}/reports/{Id}/attachments"
            : $"/{Segment(Kind)}/{Id}/attachments";
    }

    // The address segment of each kind: /meetings/5/attachments, /api/reports/7/attachments.
    public static string Segment(AttachmentKind kind) => kind switch
    {
        AttachmentKind.Instrument => "instruments",
        AttachmentKind.Meeting => "meetings",
        AttachmentKind.Commitment => "commitments",
        AttachmentKind.ProgressReport => "reports",
        _ => "activities",
    };

    public static AttachmentKind? KindOf(string? segment) =>
        Enum.GetValues<AttachmentKind>().Cast<AttachmentKind?>().FirstOrDefault(k => Segment(k!.Value) == segment);

    // The record, if this reader may see it (the query filter decides); null otherwise.
    public static async Task<Owner?> FindAsync(ConcordDb db, IStringLocalizer t, AttachmentKind kind, int id, CancellationToken ct)
    {
        var language = Cultures.Language;
        string Text(string? vi, string? en, string? lo) => new LocalizedText(vi, en, lo).Best(language).Text;
        switch (kind)
        {
            case AttachmentKind.Instrument:
                var i = await db.Instruments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Title.Vi, x.Title.En, x.Title.Lo }).SingleOrDefaultAsync(ct);
                return i is null ? null : new Owner(kind, id, Text(i.Vi, i.En, i.Lo), $"/instruments/{id}");
            case AttachmentKind.Meeting:
                var m = await db.Meetings.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Title.Vi, x.Title.En, x.Title.Lo }).SingleOrDefaultAsync(ct);
                return m is null ? null : new Owner(kind, id, Text(m.Vi, m.En, m.Lo), $"/meetings/{id}");
            case AttachmentKind.Commitment:
                var c = await db.Commitments.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Number, x.Text.Vi, x.Text.En, x.Text.Lo }).SingleOrDefaultAsync(ct);
                return c is null ? null : new Owner(kind, id, Short((c.Number is null ? "" : c.Number + " · ") + Text(c.Vi, c.En, c.Lo)), $"/commitments/{id}");
            case AttachmentKind.ProgressReport:
                var r = await db.ProgressReports.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.CommitmentId, x.Country, x.PeriodStart, x.PeriodEnd }).SingleOrDefaultAsync(ct);
                return r is null ? null : new Owner(kind, id, t["Audit.ReportName", t[$"Common.Country.{r.Country}"].Value, new Period(r.PeriodStart, r.PeriodEnd).ToString()],
                    $"/commitments/{r.CommitmentId}", r.CommitmentId, r.Country);
            default:
                var a = await db.Activities.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Title.Vi, x.Title.En, x.Title.Lo }).SingleOrDefaultAsync(ct);
                return a is null ? null : new Owner(kind, id, Text(a.Vi, a.En, a.Lo), $"/activities/{id}");
        }
    }

    // Whoever may edit the record may attach to it and withdraw its attachments; a progress report's are
    // whoever may write the report (its side's coordinators, the lead department's focal point).
    public static async Task<bool> MayChangeAsync(ConcordDb db, CurrentUser user, Owner owner, CancellationToken ct) =>
        owner.Kind == AttachmentKind.ProgressReport
            ? await ReportAccess.AllowsWriteAsync(db, user, owner.CommitmentId!.Value, owner.Country, null, ct)
            : Access.CanEditRecord(user);

    // Every attachment whose record this reader may see, withdrawn ones included: each kind's record is
    // looked up through its own DbSet, so the record's query filter applies.
    public static IQueryable<Attachment> Visible(ConcordDb db) =>
        db.Attachments.Where(a =>
            (a.RecordType == AttachmentKind.Instrument && db.Instruments.Any(x => x.Id == a.RecordId))
            || (a.RecordType == AttachmentKind.Meeting && db.Meetings.Any(x => x.Id == a.RecordId))
            || (a.RecordType == AttachmentKind.Commitment && db.Commitments.Any(x => x.Id == a.RecordId))
            || (a.RecordType == AttachmentKind.ProgressReport && db.ProgressReports.Any(x => x.Id == a.RecordId))
            || (a.RecordType == AttachmentKind.Activity && db.Activities.Any(x => x.Id == a.RecordId)));

    // The attachments of one record the caller has found (FindAsync), listed, newest first.
    public static IQueryable<Attachment> Of(ConcordDb db, Owner owner) =>
        db.Attachments.Where(a => a.RecordType == owner.Kind && a.RecordId == owner.Id);

    static string Short(string text) => text.Length <= 140 ? text : text[..139].TrimEnd() + "…";
}
