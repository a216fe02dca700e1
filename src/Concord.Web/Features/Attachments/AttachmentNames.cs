using System.Globalization;
using System.Text;

namespace Concord.Features.Attachments;

// A file's name is kept for display and as the download's name, never used as a path. Names a file
// system or a reader could be fooled by are refused rather than cleaned, so what is shown is what was sent.
public static class AttachmentNames
{
    public const int MaxLength = 255;

    // The name as it will be kept (NFC, as Vietnamese typed on a Mac arrives decomposed), or the key of why it is refused.
    public static (string? Name, string? Error) Check(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return (null, "Attachments.Error.NameMissing");
        if (raw.Any(IsHidden)) return (null, "Attachments.Error.NameControl");
        string name;
        try
        {
            name = raw.Normalize(NormalizationForm.FormC).Trim();
        }
        catch (ArgumentException)
        {
            // Half a surrogate pair: not text.
            return (null, "Attachments.Error.NameControl");
        }
        if (name.Contains('/') || name.Contains('\\') || name is "." or "..") return (null, "Attachments.Error.NamePath");
        if (name.Length > MaxLength) return (null, "Attachments.Error.NameTooLong");
        return (name, null);
    }

    // Control characters, and the invisible marks that make "invoice‮fdp.exe" read as "invoiceexe.pdf".
    static bool IsHidden(char c) =>
        char.IsControl(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    public static string Extension(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[dot..].ToLowerInvariant();
    }
}
