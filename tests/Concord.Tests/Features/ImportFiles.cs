using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Concord.Features.Import;
using Concord.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Tests.Features;

// Files for the import tests, made here: filled templates, and the hostile ones (a zip bomb, a polyglot).
public static class ImportFiles
{
    // A cell that holds a formula, with the cached value a spreadsheet would have written.
    public sealed record Formula(string Text, string Cached);

    // A workbook with one sheet of these rows (the first is the header), written as a spreadsheet program would:
    // texts as shared strings, numbers as numbers, formulas as formulas.
    public static byte[] Xlsx(IEnumerable<object?[]> rows)
    {
        var output = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            var strings = new List<string>();
            var data = new SheetData();
            var line = 0u;
            foreach (var row in rows)
            {
                line++;
                var r = new Row { RowIndex = line };
                for (var c = 0; c < row.Length; c++)
                {
                    var reference = Concord.Features.Documents.Xlsx.ColumnName(c + 1) + line;
                    switch (row[c])
                    {
                        case null: break;
                        case Formula f:
                            r.Append(new Cell(new CellFormula(f.Text), new CellValue(f.Cached)) { CellReference = reference, DataType = CellValues.String });
                            break;
                        case int or decimal or double:
                            r.Append(new Cell(new CellValue(Convert.ToString(row[c], System.Globalization.CultureInfo.InvariantCulture)!)) { CellReference = reference });
                            break;
                        case var text:
                            strings.Add(text.ToString()!);
                            r.Append(new Cell(new CellValue(strings.Count - 1)) { CellReference = reference, DataType = CellValues.SharedString });
                            break;
                    }
                }
                data.Append(r);
            }
            shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve })));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheetPart) }));
        }
        return output.ToArray();
    }

    public static byte[] Csv(IEnumerable<string?[]> rows, Encoding encoding)
    {
        var text = string.Join("\r\n", rows.Select(r => string.Join(",", r.Select(c => "\"" + (c ?? "").Replace("\"", "\"\"") + "\""))));
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    // A zip whose one sheet unpacks to `size` bytes of spaces: a few hundred kilobytes that would be hundreds of megabytes.
    public static byte[] ZipBomb(long size)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (long written = 0; written < size; written += block.Length) stream.Write(block);
        }
        return output.ToArray();
    }

    // A zip of many tiny parts: the entry count is capped too.
    public static byte[] ManyEntries(int count)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"));
            for (var i = 0; i < count; i++) Write(zip, $"xl/part{i}.xml", "<a/>");
        }
        return output.ToArray();
    }

    // A Word document (a zip with OPC content types too) renamed .xlsx.
    public static byte[] WordDocument()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", ContentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"));
            Write(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }
        return output.ToArray();
    }

    // A PDF header with a real workbook after it: zip readers find the workbook from the end of the file.
    public static byte[] Polyglot(byte[] workbook) =>
        [.. Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), .. workbook];

    static string ContentTypes(string main) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + $"<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/main.xml\" ContentType=\"{main}\"/></Types>";

    static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }

    // Uploads a file through the import page's form, as a browser does (with the page's antiforgery token).
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetPageAsync("/import");
        var token = page.QuerySelector("form#upload input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/import", form);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
