using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Features.Import;

public sealed class ImportOptions
{
    // The largest file accepted, in bytes; the request body is limited to this plus the form around it.
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    // What an XLSX may hold once unpacked, all parts together, and how many parts: checked on the zip's
    // central directory before anything is unpacked, and again while unpacking (a directory can lie).
    public long MaxUnpackedBytes { get; set; } = 200 * 1024 * 1024;
    public int MaxZipEntries { get; set; } = 1000;
    public int MaxRows { get; set; } = 100_000;
    // A preview not confirmed within this is cleared by the daily clean-up (ExpiredPreviews): its rows are the whole
    // file as JSON, tens of megabytes at 100,000 rows, and every upload of a file being corrected leaves one.
    public TimeSpan KeepPreviewsFor { get; set; } = TimeSpan.FromDays(7);
}

// A file refused before any row is read: a string key and its arguments, for the user's language.
public sealed class FileRefused(string key, params object[] args) : Exception(key)
{
    public string Key { get; } = key;
    public object[] Args { get; } = args;
}

// The cells of one row of the sheet, by column number (0 = A), as text; Line is the spreadsheet's row number.
// A cell that holds a formula is not read: its reference is kept and the row is refused.
public sealed record SheetLine(int Line, string?[] Cells, string? FormulaCell);

// Reads a filled template, XLSX or CSV, refusing what is not one before reading rows. XLSX is read as a stream of
// XML events (OpenXmlReader), never as a document tree, so memory follows the rows kept, not the file's XML.
public static class SheetReader
{
    static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";

    public static bool LooksLikeCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static List<SheetLine> Read(byte[] content, string fileName, int columns, ImportOptions options)
    {
        if (content.Length == 0) throw new FileRefused("Import.Refused.Empty");
        if (content.Length > options.MaxFileBytes) throw new FileRefused("Import.Refused.TooLarge", options.MaxFileBytes / (1024 * 1024));
        if (LooksLikeCsv(fileName)) return ReadCsv(content, columns, options);
        if (!fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) throw new FileRefused("Import.Refused.Extension");
        return ReadXlsx(content, columns, options);
    }

    // ---- XLSX ----

    static List<SheetLine> ReadXlsx(byte[] content, int columns, ImportOptions options)
    {
        // A zip begins with a local file header. A PDF, a web page or an executable renamed .xlsx does not, and neither
        // does a polyglot that puts a zip after some other file's header (zip readers would find it from the end).
        if (content.Length < 4 || !content.AsSpan(0, 4).SequenceEqual(ZipSignature)) throw new FileRefused("Import.Refused.NotSpreadsheet");
        CheckZip(content, options);

        var budget = new Budget(options.MaxUnpackedBytes);
        try
        {
            using var package = SpreadsheetDocument.Open(new MemoryStream(content, writable: false), false,
                new OpenSettings { MaxCharactersInPart = options.MaxUnpackedBytes });
            var workbook = package.WorkbookPart ?? throw new FileRefused("Import.Refused.NotSpreadsheet");
            var shared = ReadSharedStrings(workbook.SharedStringTablePart, budget);
            var first = FirstSheet(workbook, budget) ?? throw new FileRefused("Import.Refused.NoSheet");
            return ReadSheet(first, shared, columns, options, budget);
        }
        catch (FileRefused) { throw; }
        catch (UnpackedTooLarge) { throw new FileRefused("Import.Refused.ZipBomb"); }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or XmlException or IOException or InvalidOperationException or FormatException)
        {
            throw new FileRefused("Import.Refused.NotSpreadsheet");
        }
    }

    // The zip's central directory, before anything is unpacked: how many parts, how big once unpacked, and that it
    // declares itself a workbook in its OPC content types (a Word document renamed .xlsx is a zip too).
    static void CheckZip(byte[] content, ImportOptions options)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            if (zip.Entries.Count > options.MaxZipEntries) throw new FileRefused("Import.Refused.ZipBomb");
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                if (entry.Length < 0 || total > options.MaxUnpackedBytes) throw new FileRefused("Import.Refused.ZipBomb");
            }
            var types = zip.GetEntry("[Content_Types].xml") ?? throw new FileRefused("Import.Refused.NotSpreadsheet");
            if (types.Length > 1024 * 1024) throw new FileRefused("Import.Refused.NotSpreadsheet");
            using var stream = new LimitedStream(types.Open(), new Budget(1024 * 1024));
            using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            var isWorkbook = false;
            while (xml.Read())
                // A part's type is an Override, or the Default of its extension (System.IO.Packaging gives the first
                // part of an extension the Default, as it does to the workbook of the files Concord writes).
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName is "Override" or "Default" && xml.GetAttribute("ContentType") == WorkbookType) isWorkbook = true;
            if (!isWorkbook) throw new FileRefused("Import.Refused.NotSpreadsheet");
        }
        catch (FileRefused) { throw; }
        catch (UnpackedTooLarge) { throw new FileRefused("Import.Refused.ZipBomb"); }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            throw new FileRefused("Import.Refused.NotSpreadsheet");
        }
    }

    // A part read as XML events from a stream that counts what is unpacked.
    static OpenXmlReader Reader(OpenXmlPart part, Budget budget) =>
        new OpenXmlPartReader(new LimitedStream(part.GetStream(FileMode.Open, FileAccess.Read), budget), part.Features, default);

    // A large part (the sheet, the shared strings) as plain XML events: the SDK's reader, with an object per element,
    // took 4 s for a sheet of 100,000 rows. No DTD, no external entity; the stream disposes with the reader.
    static XmlReader Xml(OpenXmlPart part, Budget budget) =>
        XmlReader.Create(new LimitedStream(part.GetStream(FileMode.Open, FileAccess.Read), budget),
            new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = true });

    // The shared strings, a part as large as the sheet in a file saved by Excel: read like the sheet, with an XmlReader.
    static List<string> ReadSharedStrings(SharedStringTablePart? part, Budget budget)
    {
        var strings = new List<string>();
        if (part is null) return strings;
        using var xml = Xml(part, budget);
        var text = new StringBuilder();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType == XmlNodeType.Element)
                switch (xml.LocalName)
                {
                    case "si" when xml.IsEmptyElement: strings.Add(""); xml.Read(); continue;
                    case "si": text.Clear(); break;
                    // Phonetic runs (rPh) are a reading aid, not the text.
                    case "rPh": xml.Skip(); continue;
                    case "t": text.Append(xml.ReadElementContentAsString()); continue;
                }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si") strings.Add(text.ToString());
            xml.Read();
        }
        return strings;
    }

    static WorksheetPart? FirstSheet(WorkbookPart workbook, Budget budget)
    {
        // The workbook part is small (a list of sheets); its first sheet in the order the tabs show is the template's.
        using var reader = Reader(workbook, budget);
        while (reader.Read())
            if (reader.ElementType == typeof(Sheet) && reader.IsStartElement)
            {
                var id = reader.Attributes.FirstOrDefault(a => a.LocalName == "id").Value;
                return id is not null && workbook.TryGetPartById(id, out var part) ? part as WorksheetPart : null;
            }
        return null;
    }

    // The sheet's rows: row, c, and in a cell f, v and is/t.
    static List<SheetLine> ReadSheet(WorksheetPart part, List<string> shared, int columns, ImportOptions options, Budget budget)
    {
        var lines = new List<SheetLine>();
        using var xml = Xml(part, budget);
        string?[]? cells = null;
        string? formula = null;
        var line = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "row")
            {
                line = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : line + 1;
                cells = xml.IsEmptyElement ? null : new string?[columns];
                formula = null;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "c" && cells is not null)
            {
                var reference = xml.GetAttribute("r");
                var column = ColumnIndex(reference);
                var (text, isFormula) = ReadCell(xml, shared);
                if (column < 0) continue;
                if (isFormula)
                {
                    // The cached value of a formula is whatever the last program that saved the file wrote: not trusted.
                    formula ??= reference ?? $"{Documents.Xlsx.ColumnName(column + 1)}{line}";
                    continue;
                }
                if (column < columns) cells[column] = text;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "row" && cells is not null)
            {
                if (cells.Any(c => !string.IsNullOrWhiteSpace(c)) || formula is not null)
                {
                    lines.Add(new SheetLine(line, cells, formula));
                    // The header is line 1; a file over the limit is refused, not cut.
                    if (lines.Count > options.MaxRows + 1) throw new FileRefused("Import.Refused.TooManyRows", options.MaxRows);
                }
                cells = null;
            }
        }
        return lines;
    }

    // One <c> element, the reader on its start; leaves the reader on its end. Its text as the spreadsheet shows it:
    // a shared string by index, an inline string's runs (phonetic runs, a reading aid, left out), a boolean as TRUE or
    // FALSE, anything else as stored; and whether it holds a formula.
    static (string? Text, bool Formula) ReadCell(XmlReader xml, List<string> shared)
    {
        var type = xml.GetAttribute("t");
        if (xml.IsEmptyElement) return (null, false);
        var depth = xml.Depth;
        string? value = null;
        StringBuilder? inline = null;
        var formula = false;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element)
                switch (xml.LocalName)
                {
                    case "f": formula = true; xml.Skip(); continue;
                    case "v": value = xml.ReadElementContentAsString(); continue;
                    case "rPh": xml.Skip(); continue;
                    case "t": (inline ??= new StringBuilder()).Append(xml.ReadElementContentAsString()); continue;
                }
            xml.Read();
        }
        if (type == "inlineStr") return (inline?.ToString(), formula);
        if (value is null) return (null, formula);
        return type switch
        {
            "s" => (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : null, formula),
            "b" => (value == "1" ? "TRUE" : "FALSE", formula),
            _ => (value, formula),
        };
    }

    // "AB12" -> 27; -1 when there is no reference.
    static int ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var n = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z') n = n * 26 + (c - 'A' + 1);
            else break;
        }
        return n - 1;
    }

    // ---- CSV ----

    static List<SheetLine> ReadCsv(byte[] content, int columns, ImportOptions options)
    {
        var text = Decode(content);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            BadDataFound = null,
            MissingFieldFound = null,
        };
        var lines = new List<SheetLine>();
        using var csv = new CsvParser(new StringReader(text), config);
        while (csv.Read())
        {
            var line = csv.Row;
            var record = csv.Record ?? [];
            var cells = new string?[columns];
            string? formula = null;
            for (var c = 0; c < record.Length; c++)
            {
                // A spreadsheet opening a CSV takes a cell starting with '=' for a formula: refused, as in an XLSX.
                if (record[c].StartsWith('=')) formula ??= $"{Documents.Xlsx.ColumnName(c + 1)}{line}";
                else if (c < columns) cells[c] = record[c];
            }
            if (cells.All(string.IsNullOrWhiteSpace) && formula is null) continue;
            lines.Add(new SheetLine(line, cells, formula));
            if (lines.Count > options.MaxRows + 1) throw new FileRefused("Import.Refused.TooManyRows", options.MaxRows);
        }
        return lines;
    }

    // UTF-8 with or without its byte-order mark, UTF-16 with its mark. Anything else (a file saved as "CSV" in
    // Windows-1258, Vietnamese Windows' own code page, or in TCVN3) is not guessed at: misread Vietnamese would be
    // saved as garbage, so the file is refused with how to save it as UTF-8.
    public static string Decode(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return Strict(new UTF8Encoding(false, true), content, 3);
        if (span.StartsWith(new byte[] { 0xFF, 0xFE })) return Strict(new UnicodeEncoding(false, false, true), content, 2);
        if (span.StartsWith(new byte[] { 0xFE, 0xFF })) return Strict(new UnicodeEncoding(true, false, true), content, 2);
        return Strict(new UTF8Encoding(false, true), content, 0);
    }

    static string Strict(Encoding encoding, byte[] content, int skip)
    {
        try
        {
            return encoding.GetString(content, skip, content.Length - skip);
        }
        catch (DecoderFallbackException)
        {
            throw new FileRefused(encoding is UTF8Encoding ? "Import.Refused.NotUtf8" : "Import.Refused.BadUtf16");
        }
    }

    // ---- unpacking limits ----

    sealed class UnpackedTooLarge : Exception;

    // What may still be unpacked, shared by every part of one file.
    sealed class Budget(long bytes)
    {
        long left = bytes;
        public void Take(int n)
        {
            left -= n;
            if (left < 0) throw new UnpackedTooLarge();
        }
    }

    // Counts what is read from a part and stops at the budget, whatever the zip's directory claimed.
    sealed class LimitedStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            budget.Take(n);
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
