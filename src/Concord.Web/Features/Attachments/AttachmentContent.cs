using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Concord.Features.Attachments;

// What a file is, read from its bytes: the name and the type the browser sent are not trusted. Only the
// kinds a ministry exchanges are accepted (PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, ODT, ODS, UTF-8 text),
// and a file that is also something else is refused: an executable whatever its name, a PDF or an image
// with a ZIP archive inside it (a polyglot: each program opens the part it knows), an image or a text
// carrying HTML or script, a ZIP that is not an office document or holds macros.
public static class AttachmentContent
{
    public sealed record Kind(string Label, string ContentType, string[] Extensions);

    public static readonly Kind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly Kind Png = new("PNG", "image/png", [".png"]);
    public static readonly Kind Jpeg = new("JPEG", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly Kind Gif = new("GIF", "image/gif", [".gif"]);
    public static readonly Kind WebP = new("WebP", "image/webp", [".webp"]);
    public static readonly Kind Docx = new("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly Kind Xlsx = new("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly Kind Odt = new("ODT", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly Kind Ods = new("ODS", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);
    public static readonly Kind Text = new("UTF-8", "text/plain; charset=utf-8", [".txt", ".text", ".csv", ".md"]);

    public static readonly Kind[] Accepted = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Odt, Ods, Text];

    // Either the kind or the key of the refusal (with its arguments).
    public sealed record Verdict(Kind? Kind, string? Error = null)
    {
        public static Verdict Refused(string key) => new(null, key);
    }

    const int HeadLength = 1024;
    // A ZIP's end-of-central-directory record: 22 bytes plus a comment of up to 65,535.
    const int TailLength = 22 + 65535;
    const int MaxZipEntries = 10_000;
    const int MaxContentTypesBytes = 1024 * 1024;

    // Markers of HTML or script, looked for (ignoring case) in images and text. Long enough that a
    // photo's compressed bytes do not hold one by chance.
    static readonly byte[][] Markup = [.. new[]
    {
        "<script", "<html", "<body", "<iframe", "<object", "<embed", "<!doctype", "<svg", "<?php",
        "javascript:", "vbscript:", "onerror=", "onload=",
    }.Select(Encoding.ASCII.GetBytes)];

    public static async Task<Verdict> SniffAsync(Stream content, CancellationToken ct)
    {
        var length = content.Length;
        if (length == 0) return Verdict.Refused("Attachments.Error.Empty");
        var head = await ReadAtAsync(content, 0, (int)Math.Min(HeadLength, length), ct);
        var tailStart = Math.Max(0, length - TailLength);
        var tail = await ReadAtAsync(content, tailStart, (int)(length - tailStart), ct);

        if (IsExecutable(head)) return Verdict.Refused("Attachments.Error.Executable");
        var startsAsZip = StartsWith(head, "PK\x03\x04"u8);
        var startsAsPdf = StartsWith(head, "%PDF-"u8);
        // A PDF reader takes a file whose first kilobyte holds "%PDF-": anything else that does is two things.
        if (!startsAsPdf && IndexOf(head, "%PDF-"u8) >= 0) return Verdict.Refused("Attachments.Error.Polyglot");
        // A ZIP reader reads from the end: any file but a ZIP that ends as one is two things.
        if (!startsAsZip && EndsAsZip(tail)) return Verdict.Refused("Attachments.Error.Polyglot");
        if (FindMarkup(head)) return Verdict.Refused("Attachments.Error.Markup");

        if (startsAsPdf) return new Verdict(Pdf);
        if (startsAsZip) return await ZipDocumentAsync(content, head, ct);
        if (ImageKind(head) is { } image)
            return await ContainsMarkupAsync(content, ct) ? Verdict.Refused("Attachments.Error.Markup") : new Verdict(image);
        return await TextAsync(content, ct);
    }

    static bool IsExecutable(byte[] head) =>
        StartsWith(head, "MZ"u8)                      // DOS and Windows programs
        || StartsWith(head, [0x7F, (byte)'E', (byte)'L', (byte)'F'])  // Linux and Unix programs
        || StartsWith(head, "#!"u8)                   // scripts
        || StartsWith(head, [0xFE, 0xED, 0xFA, 0xCE]) || StartsWith(head, [0xFE, 0xED, 0xFA, 0xCF]) // Mach-O
        || StartsWith(head, [0xCE, 0xFA, 0xED, 0xFE]) || StartsWith(head, [0xCF, 0xFA, 0xED, 0xFE])
        || StartsWith(head, [0xCA, 0xFE, 0xBA, 0xBE]);  // Mach-O universal, Java classes

    static Kind? ImageKind(byte[] head)
    {
        if (StartsWith(head, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (StartsWith(head, [0xFF, 0xD8, 0xFF])) return Jpeg;
        if (StartsWith(head, "GIF87a"u8) || StartsWith(head, "GIF89a"u8)) return Gif;
        if (head.Length >= 12 && StartsWith(head, "RIFF"u8) && head.AsSpan(8, 4).SequenceEqual("WEBP"u8)) return WebP;
        return null;
    }

    // The end-of-central-directory record, and the central directory where it says (counted back from it,
    // as ZIP readers do, so a ZIP glued after something else is found too).
    static bool EndsAsZip(byte[] tail)
    {
        for (var i = tail.Length - 22; i >= 0; i--)
        {
            if (!tail.AsSpan(i, 4).SequenceEqual("PK\x05\x06"u8)) continue;
            var directorySize = BitConverter.ToUInt32(tail, i + 12);
            var start = i - (long)directorySize;
            if (start >= 0 && start + 4 <= tail.Length && tail.AsSpan((int)start, 4).SequenceEqual("PK\x01\x02"u8)) return true;
            // A directory longer than the tail read: a large archive; its record alone is enough to refuse.
            if (start < 0 && directorySize > 0) return true;
        }
        return false;
    }

    static async Task<Verdict> ZipDocumentAsync(Stream content, byte[] head, CancellationToken ct)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries) return Verdict.Refused("Attachments.Error.NotDocumentArchive");
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return Verdict.Refused("Attachments.Error.Macros");

            // OpenDocument: a first entry "mimetype", stored uncompressed, naming the type (ODF 1.2, part 3, 3.3).
            if (OdfMimeType(head) is { } odf)
            {
                if (!names.Contains("META-INF/manifest.xml")) return Verdict.Refused("Attachments.Error.NotDocumentArchive");
                return odf switch
                {
                    "application/vnd.oasis.opendocument.text" => new Verdict(Odt),
                    "application/vnd.oasis.opendocument.spreadsheet" => new Verdict(Ods),
                    _ => Verdict.Refused("Attachments.Error.NotDocumentArchive"),
                };
            }

            // Office Open XML: [Content_Types].xml names the main part's type (ECMA-376, part 2).
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes) return Verdict.Refused("Attachments.Error.NotDocumentArchive");
            var parts = await ReadContentTypesAsync(types, ct);
            if (parts is null) return Verdict.Refused("Attachments.Error.NotDocumentArchive");
            if (parts.Values.Any(t => t.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || t.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
                return Verdict.Refused("Attachments.Error.Macros");
            bool Has(string mainType) => parts.Any(p => p.Value == mainType && names.Contains(p.Key.TrimStart('/')));
            if (Has("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) return new Verdict(Docx);
            if (Has("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) return new Verdict(Xlsx);
            return Verdict.Refused("Attachments.Error.NotDocumentArchive");
        }
        catch (InvalidDataException)
        {
            return Verdict.Refused("Attachments.Error.NotDocumentArchive");
        }
    }

    static string? OdfMimeType(byte[] head)
    {
        if (head.Length < 38) return null;
        var method = BitConverter.ToUInt16(head, 8);
        var size = BitConverter.ToUInt32(head, 18);
        var nameLength = BitConverter.ToUInt16(head, 26);
        var extraLength = BitConverter.ToUInt16(head, 28);
        if (method != 0 || nameLength != 8 || !head.AsSpan(30, 8).SequenceEqual("mimetype"u8)) return null;
        var start = 30 + nameLength + extraLength;
        if (size > 100 || start + size > head.Length) return null;
        return Encoding.ASCII.GetString(head, start, (int)size);
    }

    // Override PartName -> ContentType; null when the file is not the XML it should be.
    static async Task<Dictionary<string, string>?> ReadContentTypesAsync(ZipArchiveEntry entry, CancellationToken ct)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true, MaxCharactersInDocument = MaxContentTypesBytes };
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            await using var stream = entry.Open();
            using var reader = XmlReader.Create(stream, settings);
            while (await reader.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                if (reader.NodeType != XmlNodeType.Element) continue;
                var type = reader.GetAttribute("ContentType");
                if (type is null) continue;
                if (reader.LocalName == "Override" && reader.GetAttribute("PartName") is { } part) parts[part] = type;
                else if (reader.LocalName == "Default" && reader.GetAttribute("Extension") is { } extension) parts["*." + extension] = type;
            }
            return parts;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    // Plain text: UTF-8 (a BOM allowed), no NUL nor other control characters than tab, line and page breaks,
    // and no HTML or script in it.
    static async Task<Verdict> TextAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        using var reader = new StreamReader(content, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, 81920, leaveOpen: true);
        var buffer = new char[81920];
        var carry = "";
        var first = true;
        try
        {
            int read;
            while ((read = await reader.ReadAsync(buffer, ct)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    var c = buffer[i];
                    if (c == '\uFEFF' && first && i == 0) continue;
                    if (c is '\t' or '\n' or '\r' or '\f') continue;
                    if (char.IsControl(c) || c == '\uFEFF') return Verdict.Refused("Attachments.Error.NotText");
                }
                first = false;
                // The end of the previous chunk is looked at again, so a marker cut in two is found.
                var window = carry + new string(buffer, 0, read);
                if (FindMarkup(Encoding.UTF8.GetBytes(window.ToLowerInvariant()))) return Verdict.Refused("Attachments.Error.Markup");
                carry = window.Length > 32 ? window[^32..] : window;
            }
        }
        catch (DecoderFallbackException)
        {
            return Verdict.Refused("Attachments.Error.NotText");
        }
        return new Verdict(Text);
    }

    static async Task<bool> ContainsMarkupAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        var buffer = new byte[81920 + 32];
        var kept = 0;
        int read;
        while ((read = await content.ReadAsync(buffer.AsMemory(kept, buffer.Length - kept), ct)) > 0)
        {
            var filled = kept + read;
            if (FindMarkup(buffer.AsSpan(0, filled))) return true;
            kept = Math.Min(32, filled);
            Array.Copy(buffer, filled - kept, buffer, 0, kept);
        }
        return false;
    }

    static bool FindMarkup(ReadOnlySpan<byte> bytes)
    {
        foreach (var marker in Markup)
            if (IndexOfIgnoringCase(bytes, marker) >= 0) return true;
        return false;
    }

    static int IndexOfIgnoringCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerMarker)
    {
        var firstLower = lowerMarker[0];
        var firstUpper = (byte)char.ToUpperInvariant((char)firstLower);
        for (var i = 0; i <= bytes.Length - lowerMarker.Length; i++)
        {
            var b = bytes[i];
            if (b != firstLower && b != firstUpper) continue;
            var j = 1;
            for (; j < lowerMarker.Length; j++)
            {
                var c = bytes[i + j];
                if (c is >= (byte)'A' and <= (byte)'Z') c = (byte)(c + 32);
                if (c != lowerMarker[j]) break;
            }
            if (j == lowerMarker.Length) return i;
        }
        return -1;
    }

    static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);

    static int IndexOf(byte[] bytes, ReadOnlySpan<byte> value) => bytes.AsSpan().IndexOf(value);

    static async Task<byte[]> ReadAtAsync(Stream content, long position, int count, CancellationToken ct)
    {
        content.Position = position;
        var bytes = new byte[count];
        await content.ReadExactlyAsync(bytes, ct);
        return bytes;
    }
}
