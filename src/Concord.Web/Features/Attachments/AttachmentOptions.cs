namespace Concord.Features.Attachments;

public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    // "Folder" (the default) or "S3".
    public string Store { get; set; } = "Folder";
    // The folder store's folder. Default: beside the SQLite database ("concord-attachments" beside
    // concord.db), or the app's data folder on PostgreSQL. Never under wwwroot.
    public string? Folder { get; set; }
    // The largest file accepted, in bytes; also the upload requests' body limit (plus the form's own bytes).
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;
    public S3Options S3 { get; set; } = new();

    // What a multipart request carries besides the file: boundaries, headers, the antiforgery token.
    public const long FormOverhead = 64 * 1024;
    public long MaxRequestBytes => MaxBytes + FormOverhead;

    public bool UsesS3 => string.Equals(Store, "S3", StringComparison.OrdinalIgnoreCase);
}

// An S3-compatible object store (AWS S3, MinIO, Ceph's radosgw, Garage...), addressed path-style:
// {Endpoint}/{Bucket}/{Prefix}{key}.
public sealed class S3Options
{
    public string? Endpoint { get; set; }
    public string? Bucket { get; set; }
    public string Region { get; set; } = "us-east-1";
    public string? AccessKey { get; set; }
    public string? SecretKey { get; set; }
    public string Prefix { get; set; } = "attachments/";
}
