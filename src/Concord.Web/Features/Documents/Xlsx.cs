using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Concord.Features.Documents;

// A workbook written row by row (OpenXmlWriter: nothing held but the current row), each sheet with a
// bold, frozen header row and an autofilter over its columns. Dates are numbers with a date format, so
// a spreadsheet sorts and filters them as dates; texts are inline strings.
public sealed class Xlsx : IDisposable
{
    public const uint DateStyle = 1, HeaderStyle = 2, WrapStyle = 3;

    readonly SpreadsheetDocument package;
    readonly List<(string Name, string PartId, string? Filter)> sheets = [];

    public Xlsx(Stream output)
    {
        package = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = package.AddWorkbookPart();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, ApplyAlignment = true })
            { Count = 4 });
    }

    // What a sheet may add to its columns: columns a reader does not need to see (kept for the program that
    // reads the file back), and a drop-down list of allowed values per column, checked by the spreadsheet.
    public sealed record Extras(IReadOnlySet<int>? HiddenColumns = null, IReadOnlyDictionary<int, IReadOnlyList<string>>? Lists = null);

    // Writes one sheet: its column widths, the header row, then each row the caller yields.
    public void Sheet(string name, IReadOnlyList<(string Heading, double Width)> columns, IEnumerable<object?[]> rows, Extras? extras = null)
    {
        var part = package.WorkbookPart!.AddNewPart<WorksheetPart>();
        var count = 1;
        using (var w = OpenXmlWriter.Create(part))
        {
            w.WriteStartElement(new Worksheet());
            w.WriteStartElement(new SheetViews());
            w.WriteStartElement(new SheetView { WorkbookViewId = 0, TabSelected = sheets.Count == 0 });
            w.WriteElement(new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
            w.WriteElement(new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } });
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteStartElement(new Columns());
            for (var c = 0; c < columns.Count; c++)
                w.WriteElement(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = columns[c].Width, CustomWidth = true,
                    Hidden = extras?.HiddenColumns?.Contains(c) == true ? true : null });
            w.WriteEndElement();
            w.WriteStartElement(new SheetData());
            WriteRow(w, 1, [.. columns.Select(c => (object?)c.Heading)], HeaderStyle);
            foreach (var row in rows) WriteRow(w, (uint)++count, row, null);
            w.WriteEndElement();
            var filter = $"A1:{ColumnName(columns.Count)}{count}";
            w.WriteElement(new AutoFilter { Reference = filter });
            if (extras?.Lists is { Count: > 0 } lists)
            {
                w.WriteStartElement(new DataValidations { Count = (uint)lists.Count });
                foreach (var (column, values) in lists)
                {
                    var letter = ColumnName(column + 1);
                    // An explicit list, quoted, as Excel writes it; a value cannot hold the list's comma or quote.
                    var formula = "\"" + string.Join(",", values.Select(v => v.Replace(",", " ").Replace("\"", "'"))) + "\"";
                    w.WriteElement(new DataValidation(new Formula1(formula))
                    {
                        Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{letter}2:{letter}{Math.Max(count, 2)}" },
                    });
                }
                w.WriteEndElement();
            }
            w.WriteEndElement();
            sheets.Add((name, package.WorkbookPart.GetIdOfPart(part), filter));
        }
    }

    static void WriteRow(OpenXmlWriter w, uint index, object?[] values, uint? style)
    {
        w.WriteStartElement(new Row { RowIndex = index });
        for (var c = 0; c < values.Length; c++)
        {
            var reference = ColumnName(c + 1) + index;
            switch (values[c])
            {
                case null:
                    break;
                case DateOnly date:
                    w.WriteElement(new Cell(new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate())) { CellReference = reference, StyleIndex = DateStyle });
                    break;
                case int n:
                    w.WriteElement(new Cell(new CellValue(n)) { CellReference = reference, DataType = CellValues.Number });
                    break;
                case decimal d:
                    w.WriteElement(new Cell(new CellValue(d)) { CellReference = reference, DataType = CellValues.Number });
                    break;
                case var other:
                    var text = Neutralise(Clean(other.ToString() ?? ""));
                    var cell = new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve })) { CellReference = reference, DataType = CellValues.InlineString };
                    if (style is { } s) cell.StyleIndex = s;
                    else if (text.Length > 60) cell.StyleIndex = WrapStyle;
                    w.WriteElement(cell);
                    break;
            }
        }
        w.WriteEndElement();
    }

    // A text a spreadsheet could take for a formula (=, +, -, @, or a tab or carriage return before one)
    // is written with a leading apostrophe, so opening the file never runs what someone typed into a record.
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    static string Clean(string text) => new([.. text.Where(c => c == '\n' || c == '\t' || c == '\r' || c >= ' ')]);

    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26) name = (char)('A' + (number - 1) % 26) + name;
        return name;
    }

    public void Dispose()
    {
        var workbook = package.WorkbookPart!;
        var definedNames = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var (name, _, filter) = sheets[i];
            var absolute = string.Join(":", filter!.Split(':').Select(r => "$" + new string([.. r.TakeWhile(char.IsLetter)]) + "$" + new string([.. r.SkipWhile(char.IsLetter)])));
            definedNames.Append(new DefinedName($"'{name.Replace("'", "''")}'!{absolute}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        }
        workbook.Workbook = new Workbook(
            new Sheets(sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)i + 1, Id = s.PartId })),
            definedNames);
        workbook.Workbook.Save();
        package.Dispose();
    }
}
