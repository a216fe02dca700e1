using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Attachments;

// /api/{instruments|meetings|commitments|activities|reports}/{id}/attachments: list, upload (multipart/form-data,
// one part named "file"), download, withdraw. Reading follows the record's visibility; uploading and withdrawing
// need the token scope and role that editing the record needs (a report's: writing it).
public static class AttachmentsApi
{
    // The multipart part that holds the file, and the field its errors are named for.
    const string FilePart = "file";

    public sealed record WithdrawalInput(string? Reason);

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        foreach (var kind in Enum.GetValues<AttachmentKind>())
        {
            var policy = kind == AttachmentKind.ProgressReport ? Access.Report : Access.EditRecord;
            var api = app.MapGroup($"/api/{AttachmentOwners.Segment(kind)}/{{id:int}}/attachments").WithTags("Attachments").RequireRateLimiting(RateLimits.Api);
            api.MapGet("/", (int id, ConcordDb db, IStringLocalizer t, CancellationToken ct) => List(kind, id, db, t, ct)).AllowAnonymous();
            api.MapPost("/", (int id, HttpContext http, ConcordDb db, AttachmentFiles files, IStringLocalizer t, SecurityLog securityLog, CancellationToken ct) =>
                Upload(kind, id, http, db, files, t, securityLog, ct)).RequireAuthorization(policy);
            api.MapGet("/{attachmentId:int}", (int id, int attachmentId, ConcordDb db, AttachmentFiles files, IStringLocalizer t, HttpContext http, CancellationToken ct) =>
                Download(kind, id, attachmentId, db, files, t, http, ct)).AllowAnonymous();
            api.MapPost("/{attachmentId:int}/withdraw", (int id, int attachmentId, WithdrawalInput input, ConcordDb db, IStringLocalizer t, SecurityLog securityLog, HttpContext http, CancellationToken ct) =>
                Withdraw(kind, id, attachmentId, input, db, t, securityLog, http, ct)).RequireAuthorization(policy);
        }
        // The pages' download link: the attachment by its id, through its record's visibility.
        app.MapGet("/attachments/{id:int}", DownloadById).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    static async Task<Results<Ok<List<AttachmentRow>>, NotFound>> List(AttachmentKind kind, int id, ConcordDb db, IStringLocalizer t, CancellationToken ct) =>
        await AttachmentOwners.FindAsync(db, t, kind, id, ct) is { } owner
            ? TypedResults.Ok(await AttachmentList.OfAsync(db, owner, forApi: true, ct))
            : TypedResults.NotFound();

    static async Task<Results<Created<AttachmentRow>, NotFound, ForbidHttpResult, ValidationProblem, ProblemHttpResult>> Upload(
        AttachmentKind kind, int id, HttpContext http, ConcordDb db, AttachmentFiles files, IStringLocalizer t, SecurityLog securityLog, CancellationToken ct)
    {
        if (await AttachmentOwners.FindAsync(db, t, kind, id, ct) is not { } owner) return TypedResults.NotFound();
        if (!await AttachmentOwners.MayChangeAsync(db, db.Viewer, owner, ct))
        {
            await securityLog.RecordDeniedAsync(http);
            return TypedResults.Forbid();
        }
        var limit = files.Options.MaxRequestBytes;
        var tooLarge = TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            [FilePart] = [t["Attachments.Error.TooLarge", AttachmentRules.Size(files.Options.MaxBytes)].Value],
        }) { Status = StatusCodes.Status413PayloadTooLarge, Title = t["Attachments.Error.TooLargeTitle"] });
        if (http.Request.ContentLength > limit) return tooLarge;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        IFormFile? file = null;
        if (http.Request.HasFormContentType)
        {
            try
            {
                var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
                file = form.Files.GetFile(FilePart);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return tooLarge;
            }
        }
        await using var content = file?.OpenReadStream();
        var (saved, refused) = await files.UploadAsync(db, owner, file?.FileName, content, file?.Length ?? 0, ct);
        if (refused?.Key == AttachmentFiles.StoreFailed)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t[refused.Key]);
        if (refused is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FilePart] = [t[refused.Key, refused.Args].Value] });
        var row = Row(saved!, AttachmentList.ApiUrl(owner, saved!.Id));
        return TypedResults.Created(row.Url, row);
    }

    static async Task<Results<FileStreamHttpResult, NotFound, ProblemHttpResult>> Download(
        AttachmentKind kind, int id, int attachmentId, ConcordDb db, AttachmentFiles files, IStringLocalizer t, HttpContext http, CancellationToken ct)
    {
        if (await AttachmentOwners.FindAsync(db, t, kind, id, ct) is not { } owner) return TypedResults.NotFound();
        var attachment = await AttachmentOwners.Of(db, owner).AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.WithdrawnAt == null, ct);
        if (attachment is null) return TypedResults.NotFound();
        var (stream, read) = await files.OpenVerifiedAsync(attachment, ct);
        if (read == AttachmentFiles.Read.StoreFailed)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: t["Attachments.Error.ReadFailed"]);
        }
        if (stream is null) return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: t["Attachments.Error.Damaged"]);
        return Serve(http, attachment, stream);
    }

    const string RetryAfterSeconds = "60";

    // 404 for an attachment that is not there, withdrawn, or whose record this reader may not see; 500 (the
    // error page) when the stored file no longer matches its hash; 503 (the error page, "try again") when the
    // store could not be read.
    static async Task<Results<FileStreamHttpResult, NotFound, StatusCodeHttpResult>> DownloadById(int id, ConcordDb db, AttachmentFiles files, HttpContext http, CancellationToken ct)
    {
        var attachment = await AttachmentOwners.Visible(db).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.WithdrawnAt == null, ct);
        if (attachment is null) return TypedResults.NotFound();
        var (stream, read) = await files.OpenVerifiedAsync(attachment, ct);
        if (read == AttachmentFiles.Read.StoreFailed)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (stream is null) return TypedResults.StatusCode(StatusCodes.Status500InternalServerError);
        return Serve(http, attachment, stream);
    }

    // Always a download, never shown in the browser's window, images included (they are not re-encoded):
    // the type is the sniffed one, nosniff keeps the browser to it, and the name goes out as RFC 6266
    // filename* (UTF-8, for Vietnamese and Lao) beside an ASCII fallback, as Documents' downloads do.
    static FileStreamHttpResult Serve(HttpContext http, Attachment attachment, Stream stream)
    {
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(stream, attachment.ContentType, attachment.FileName);
    }

    static async Task<Results<Ok<AttachmentRow>, NotFound, ForbidHttpResult, ValidationProblem>> Withdraw(
        AttachmentKind kind, int id, int attachmentId, WithdrawalInput input, ConcordDb db, IStringLocalizer t, SecurityLog securityLog, HttpContext http, CancellationToken ct)
    {
        if (await AttachmentOwners.FindAsync(db, t, kind, id, ct) is not { } owner) return TypedResults.NotFound();
        if (!await AttachmentOwners.MayChangeAsync(db, db.Viewer, owner, ct))
        {
            await securityLog.RecordDeniedAsync(http);
            return TypedResults.Forbid();
        }
        var attachment = await AttachmentOwners.Of(db, owner).SingleOrDefaultAsync(a => a.Id == attachmentId && a.WithdrawnAt == null, ct);
        if (attachment is null) return TypedResults.NotFound();
        if (await AttachmentFiles.WithdrawAsync(db, attachment, input.Reason, ct) is { } refused)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [t[refused.Key, refused.Args].Value] });
        return TypedResults.Ok(Row(attachment, AttachmentList.ApiUrl(owner, attachment.Id)));
    }

    static AttachmentRow Row(Attachment a, string url) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedByName, url);
}
