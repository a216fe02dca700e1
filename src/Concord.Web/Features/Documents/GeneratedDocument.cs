namespace Concord.Features.Documents;

public enum DocumentKind
{
    // The implementation report of a set of minutes (a meeting's instruments) or of one instrument.
    ImplementationReport = 0,
    // The yearly review of international cooperation.
    YearlyReview = 1,
}

public enum DocumentFileFormat
{
    Docx = 0,
    Xlsx = 1,
    Pdf = 2,
}

// A document someone asked Concord to make: what they asked for, the job that makes it, and, once made,
// the file. Only its owner sees it ("my documents"), until it expires. The file is kept in the database so
// that every app instance sharing it can serve it.
public class GeneratedDocument
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public DocumentKind Kind { get; set; }
    public DocumentFileFormat Format { get; set; }
    // What was asked for (DocumentRequest as JSON), read again by the job.
    public string Request { get; set; } = "";
    // The subject as the owner read it when asking ("9th Ministerial Conference"), for the list.
    public string Subject { get; set; } = "";
    public int? JobId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }
    public byte[]? Content { get; set; }
    public long? Size { get; set; }
}
