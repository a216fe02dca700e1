using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Attachments;

// The attachments still in force (not withdrawn), newest first.
public static class AttachmentList
{
    public static string DownloadUrl(int attachmentId) => $"/attachments/{attachmentId}";

    public static string ApiUrl(AttachmentOwners.Owner owner, int attachmentId) => $"/api/{AttachmentOwners.Segment(owner.Kind)}/{owner.Id}/attachments/{attachmentId}";

    // One record's, for a caller that found the record (AttachmentOwners.FindAsync: the reader may see it).
    public static async Task<List<AttachmentRow>> OfAsync(ConcordDb db, AttachmentOwners.Owner owner, bool forApi, CancellationToken ct)
    {
        var rows = await Rows(AttachmentOwners.Of(db, owner)).ToListAsync(ct);
        return [.. rows.Select(r => r with { Url = forApi ? ApiUrl(owner, r.Id) : DownloadUrl(r.Id) })];
    }

    // Several records' of one kind in one query (a commitment's reports), through the visibility of each record.
    public static async Task<Dictionary<int, List<AttachmentRow>>> ForRecordsAsync(ConcordDb db, AttachmentKind kind, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var rows = await AttachmentOwners.Visible(db).Where(a => a.RecordType == kind && ids.Contains(a.RecordId) && a.WithdrawnAt == null)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.RecordId, Row = new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName, "") })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RecordId).ToDictionary(g => g.Key, g => g.Select(r => r.Row with { Url = DownloadUrl(r.Row.Id) }).ToList());
    }

    static IQueryable<AttachmentRow> Rows(IQueryable<Attachment> attachments) =>
        attachments.Where(a => a.WithdrawnAt == null)
            .OrderByDescending(a => a.UploadedAt).ThenByDescending(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName, ""));
}
