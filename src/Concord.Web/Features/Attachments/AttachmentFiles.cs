using System.Globalization;
using System.Security.Cryptography;
using Concord.Data;
using Concord.Shared;
using Microsoft.Extensions.Options;

namespace Concord.Features.Attachments;

// An attachment as pages and the API show it. Url: where the file is downloaded from.
public sealed record AttachmentRow(int Id, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy, string Url);

// Why an upload or a withdrawal was refused: a strings key and its arguments, shown beside the field.
public sealed record AttachmentRefusal(string Key, params object[] Args);

// The one write path of attachments, used by the pages and the API: an upload is read into a temporary
// file while its SHA-256 is computed, judged there (name, size, sniffed type), and only then put in the
// store and its row saved (audited, as every change). A refused file leaves nothing behind.
public sealed class AttachmentFiles(IAttachmentStore store, IOptions<AttachmentOptions> options, ILogger<AttachmentFiles> log)
{
    // The refusal that is not the file's fault: the API answers it 503, not 400.
    public const string StoreFailed = "Attachments.Error.StoreFailed";

    public AttachmentOptions Options => options.Value;

    public async Task<(Attachment? Saved, AttachmentRefusal? Refused)> UploadAsync(
        ConcordDb db, AttachmentOwners.Owner owner, string? fileName, Stream? content, long declaredLength, CancellationToken ct)
    {
        if (content is null) return (null, new("Attachments.Error.NoFile"));
        var (name, nameError) = AttachmentNames.Check(fileName);
        if (nameError is not null) return (null, new(nameError));
        if (declaredLength > Options.MaxBytes) return (null, TooLarge());

        await using var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"concord-upload-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long length = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            length += read;
            // Counted as it arrives: a declared length is not trusted either.
            if (length > Options.MaxBytes) return (null, TooLarge());
            hash.AppendData(buffer, 0, read);
            await spool.WriteAsync(buffer.AsMemory(0, read), ct);
        }
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());

        var verdict = await AttachmentContent.SniffAsync(spool, ct);
        if (verdict.Kind is not { } kind) return (null, new(verdict.Error!));
        var extension = AttachmentNames.Extension(name!);
        if (!kind.Extensions.Contains(extension))
            return (null, new("Attachments.Error.WrongExtension", extension.Length == 0 ? "—" : extension, kind.Label, string.Join(", ", kind.Extensions)));

        var key = AttachmentRules.NewKey();
        spool.Position = 0;
        try
        {
            await store.PutAsync(key, spool, length, sha256, ct);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            // The store refused the file (a wrong key, a full disk) or could not be reached: no row is saved,
            // the user is told the file was not stored, and what the store said goes to the log only.
            log.LogError(e, "Attachment {Key} ({Length} bytes) could not be put in the store; nothing was saved", key, length);
            return (null, new(StoreFailed));
        }
        var user = db.Viewer;
        var attachment = new Attachment
        {
            RecordType = owner.Kind, RecordId = owner.Id, FileName = name!, ContentType = kind.ContentType, Size = length, Sha256 = sha256,
            StorageKey = key, UploadedAt = db.Clock.GetUtcNow().UtcDateTime, UploadedById = user.AccountId, UploadedByName = user.Name,
        };
        db.Attachments.Add(attachment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            // No row, no file.
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return (attachment, null);
    }

    // The row stays, with who withdrew it, when and why; the file is no longer listed or served.
    public static async Task<AttachmentRefusal?> WithdrawAsync(ConcordDb db, Attachment attachment, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new("Attachments.Error.ReasonRequired");
        if (reason.Length > AttachmentRules.MaxReasonLength) return new("Attachments.Error.ReasonTooLong", AttachmentRules.MaxReasonLength);
        attachment.WithdrawnAt = db.Clock.GetUtcNow().UtcDateTime;
        attachment.WithdrawnById = db.Viewer.AccountId;
        attachment.WithdrawnByName = db.Viewer.Name;
        attachment.WithdrawalReason = reason;
        await db.SaveChangesAsync(ct);
        return null;
    }

    public enum Read
    {
        Served,
        // Missing from the store, or no longer matching its SHA-256: an error for an administrator, never served.
        Damaged,
        // The store refused Concord or could not be reached: worth trying again later.
        StoreFailed,
    }

    // The stored bytes, read back only when their SHA-256 is still the one saved with the row: a file changed
    // or swapped in the store is an error, never served. The stream is positioned at the start.
    public async Task<(Stream? Stream, Read Outcome)> OpenVerifiedAsync(Attachment attachment, CancellationToken ct)
    {
        Stream? stream;
        try
        {
            stream = await store.OpenAsync(attachment.StorageKey, ct);
            if (stream is not null && !stream.CanSeek)
            {
                var copy = new FileStream(Path.Combine(Path.GetTempPath(), $"concord-download-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
                    FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                try
                {
                    await using (stream) await stream.CopyToAsync(copy, ct);
                }
                catch
                {
                    await copy.DisposeAsync();
                    throw;
                }
                stream = copy;
            }
        }
        catch (Exception e) when (e is IOException or HttpRequestException or UnauthorizedAccessException || e is TaskCanceledException && !ct.IsCancellationRequested)
        {
            // As for an upload (SaveAsync): what the store said goes to the log, the reader is told to try again.
            log.LogError(e, "Attachment {Id} ({Key}) could not be read from the store", attachment.Id, attachment.StorageKey);
            return (null, Read.StoreFailed);
        }
        if (stream is null)
        {
            log.LogError("Attachment {Id} ({Key}) is missing from the store", attachment.Id, attachment.StorageKey);
            return (null, Read.Damaged);
        }
        stream.Position = 0;
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        if (actual != attachment.Sha256)
        {
            await stream.DisposeAsync();
            log.LogError("Attachment {Id} ({Key}) does not match its SHA-256: {Actual} stored, {Expected} recorded; not served",
                attachment.Id, attachment.StorageKey, actual, attachment.Sha256);
            return (null, Read.Damaged);
        }
        stream.Position = 0;
        return (stream, Read.Served);
    }

    AttachmentRefusal TooLarge() => new("Attachments.Error.TooLarge", AttachmentRules.Size(Options.MaxBytes));
}

public static class AttachmentRules
{
    public const int MaxReasonLength = 500;

    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // Keys are Concord's own (NewKey); anything else is a bug, never a path to follow.
    public static void CheckKey(string key)
    {
        if (key.Length != 32 || !key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new ArgumentException("Not an attachment key.", nameof(key));
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => bytes.ToString("N0", CultureInfo.CurrentCulture) + " B",
        < 1024 * 1024 => (bytes / 1024d).ToString("N0", CultureInfo.CurrentCulture) + " KB",
        _ => (bytes / (1024d * 1024d)).ToString("N1", CultureInfo.CurrentCulture) + " MB",
    };
}
