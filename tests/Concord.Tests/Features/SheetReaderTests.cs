using System.IO.Compression;
using System.Text;
using Concord.Features.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Tests.Features;

// The sheet is read as plain XML events (SheetReader), not through the SDK's objects: what a spreadsheet program
// writes besides plain shared strings must still read as the text a user sees in the cell.
public class SheetReaderTests
{
    [Fact]
    public void Reads_rich_text_inline_strings_and_booleans_as_the_cell_shows_them()
    {
        var output = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = package.AddWorkbookPart();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var shared = workbook.AddNewPart<SharedStringTablePart>();
            shared.SharedStringTable = new SharedStringTable(
                new SharedStringItem(new Text("Mã cam kết")),
                // Rich text in two runs, with a phonetic run (a reading aid) that is not part of the text.
                new SharedStringItem(
                    new Run(new RunProperties(new Bold()), new Text("Đã hoàn thành ")),
                    new Run(new Text("đợt 1") { Space = SpaceProcessingModeValues.Preserve }),
                    new PhoneticRun(new Text("ふりがな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
            sheet.Worksheet = new Worksheet(new SheetData(
                new Row(new Cell(new CellValue(0)) { CellReference = "A1", DataType = CellValues.SharedString }) { RowIndex = 1 },
                new Row(
                    new Cell(new CellValue("42")) { CellReference = "A2" },
                    new Cell(new CellValue(1)) { CellReference = "B2", DataType = CellValues.SharedString },
                    new Cell(new InlineString(new Run(new Text("ສຳເລັດ ")), new Run(new Text("ແລ້ວ")))) { CellReference = "C2", DataType = CellValues.InlineString },
                    new Cell(new CellValue("1")) { CellReference = "D2", DataType = CellValues.Boolean },
                    new Cell(new CellFormula("A2*2"), new CellValue("84")) { CellReference = "E2" }) { RowIndex = 2 },
                // An empty row, and a row of blanks: not lines.
                new Row { RowIndex = 3 },
                new Row(new Cell(new CellValue(" ")) { CellReference = "A4", DataType = CellValues.String }) { RowIndex = 4 },
                new Row(new Cell(new InlineString(new Text("tiếp"))) { CellReference = "B5", DataType = CellValues.InlineString }) { RowIndex = 5 }));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = "Sheet1", SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
        }

        var lines = SheetReader.Read(output.ToArray(), "filled.xlsx", 5, new ImportOptions());

        Assert.Equal([1, 2, 5], lines.Select(l => l.Line));
        Assert.Equal("Mã cam kết", lines[0].Cells[0]);
        Assert.Equal(new string?[] { "42", "Đã hoàn thành đợt 1", "ສຳເລັດ ແລ້ວ", "TRUE", null }, lines[1].Cells.AsEnumerable());
        // The formula's cached value is not read; its cell is named so the row is refused.
        Assert.Equal("E2", lines[1].FormulaCell);
        Assert.Equal(new string?[] { null, "tiếp", null, null, null }, lines[2].Cells.AsEnumerable());
        Assert.Null(lines[2].FormulaCell);
    }

    // The sheet is plain XML to the reader: a document type with entities (an external file, or "billion laughs"
    // expanding to gigabytes) is refused as not a spreadsheet before any of it is resolved.
    [Theory]
    [InlineData("<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")]
    [InlineData("<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>")]
    public void A_sheet_declaring_entities_is_refused(string doctype)
    {
        var file = ImportFiles.Xlsx([["Mã cam kết"], [42]]);
        var output = new MemoryStream();
        output.Write(file);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var sheet = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            string xml;
            using (var reader = new StreamReader(sheet.Open())) xml = reader.ReadToEnd();
            // The root element, as the SDK wrote it (with or without a prefix), after the XML declaration.
            var body = xml.StartsWith("<?xml", StringComparison.Ordinal) ? xml[(xml.IndexOf("?>", StringComparison.Ordinal) + 2)..] : xml;
            var root = body[1..body.IndexOfAny([' ', '>'])];
            body = body.Replace("42", "&c;&x;", StringComparison.Ordinal);
            sheet.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(sheet.FullName).Open(), new UTF8Encoding(false));
            writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>" + doctype.Replace("worksheet", root, StringComparison.Ordinal) + body);
        }

        var refused = Assert.Throws<FileRefused>(() => SheetReader.Read(output.ToArray(), "filled.xlsx", 5, new ImportOptions()));
        Assert.Equal("Import.Refused.NotSpreadsheet", refused.Key);
    }
}
