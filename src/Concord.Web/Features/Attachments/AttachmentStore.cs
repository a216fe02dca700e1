namespace Concord.Features.Attachments;

// Where the bytes of attachments live, outside the rows that describe them. Keys are made by Concord
// (AttachmentRules.NewKey: 32 hex digits), never taken from a file's name.
public interface IAttachmentStore
{
    // Stores the content under the key; the SHA-256 is the content's, already computed by the caller.
    Task PutAsync(string key, Stream content, long length, string sha256, CancellationToken ct);

    // The stored content, or null when the store has nothing under the key.
    Task<Stream?> OpenAsync(string key, CancellationToken ct);

    // Only to take back a file whose row could not be saved: attachments are withdrawn, not deleted.
    Task DeleteAsync(string key, CancellationToken ct);
}

// The default: a folder on the server's disk, one file per attachment in a sub-folder named by the key's
// first two digits (so no folder holds more than a few thousand files).
public sealed class FolderAttachmentStore(string root) : IAttachmentStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string key)
    {
        AttachmentRules.CheckKey(key);
        return Path.Combine(Root, key[..2], key);
    }

    public async Task PutAsync(string key, Stream content, long length, string sha256, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written beside its place and moved there whole: a reader never sees half a file.
        var partial = path + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                await content.CopyToAsync(file, ct);
            File.Move(partial, path);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        // FileShare.Read: nothing can rewrite the file between its hash check and the download.
        return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        var path = PathOf(key);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }
}
