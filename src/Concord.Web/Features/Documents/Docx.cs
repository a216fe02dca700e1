using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Concord.Features.Documents;

// The pieces of a Word document laid out as Decree 30/2020 asks (A4, Times New Roman 13 pt, margins
// 22.5/22.5/32.5/17.5 mm: the middle of each range, page numbers centred in the top margin from page 2),
// with Lao text set in Phetsarath OT, the font the Lao government writes in (Debian's fonts-lao).
// Every text is a run, so the document is edited like any other.
public sealed class Docx : IDisposable
{
    public const int PageWidth = 11906, PageHeight = 16838;
    public const int MarginTop = 1276, MarginBottom = 1276, MarginLeft = 1843, MarginRight = 992;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const string LatinFont = "Times New Roman";
    public const string LaoFont = "Phetsarath OT";
    const int BodySize = 26, TableSize = 24;

    readonly WordprocessingDocument package;
    readonly Body body;

    public Docx(Stream output)
    {
        package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        main.Document = new Document(body = new Body());
        AddStyles(main);
        AddPageNumbers(main);
    }

    static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = LatinFont, ComplexScript = LaoFont },
                    new FontSize { Val = BodySize.ToString() }, new FontSizeComplexScript { Val = BodySize.ToString() },
                    new Languages { Val = "vi-VN", Bidi = "lo-LA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Table Grid" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    // The page number, centred in the header; the first page has an empty header of its own (titlePg).
    void AddPageNumbers(MainDocumentPart main)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text("2")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        headerId = main.GetIdOfPart(header);
        firstHeaderId = main.GetIdOfPart(first);
    }

    string headerId = "", firstHeaderId = "";

    public static Run Run(string text, string language, bool bold = false, bool italic = false, int? size = null, bool caps = false)
    {
        var properties = new RunProperties();
        if (language == "lo")
            properties.Append(new RunFonts { Ascii = LaoFont, HighAnsi = LaoFont, EastAsia = LaoFont, ComplexScript = LaoFont });
        if (bold) properties.Append(new Bold(), new BoldComplexScript());
        if (italic) properties.Append(new Italic(), new ItalicComplexScript());
        if (caps) properties.Append(new Caps());
        if (size is { } s) properties.Append(new FontSize { Val = s.ToString() }, new FontSizeComplexScript { Val = s.ToString() });
        properties.Append(language == "lo" ? new Languages { Val = "lo-LA", Bidi = "lo-LA" } : new Languages { Val = language == "en" ? "en-GB" : "vi-VN" });
        var run = new Run(properties);
        var lines = Clean(text).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i].TrimEnd('\r')) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    // XML 1.0 refuses most control characters; a text pasted from elsewhere may hold them.
    static string Clean(string text) => new([.. text.Where(c => c == '\n' || c == '\t' || c >= ' ')]);

    public static Paragraph Para(JustificationValues align, int after, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = after.ToString(), Before = "0" }, new Justification { Val = align }));
        p.Append(runs);
        return p;
    }

    public static Paragraph BodyPara(params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { After = "120" }, new Indentation { FirstLine = "567" }, new Justification { Val = JustificationValues.Both }));
        p.Append(runs);
        return p;
    }

    // A short solid line under a heading: a paragraph with a bottom border, as wide as its indentation leaves it.
    public static Paragraph Rule(int widthTwips, int availableTwips)
    {
        var side = Math.Max(0, (availableTwips - widthTwips) / 2);
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 }),
            new SpacingBetweenLines { After = "120", Before = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side.ToString(), Right = side.ToString() }));
    }

    public void Add(OpenXmlElement element) => body.Append(element);

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, int span = 1, bool shade = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (span > 1) properties.Append(new GridSpan { Val = span });
        if (shade) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E7E6E6", Color = "auto" });
        var cell = new TableCell(properties);
        var any = false;
        foreach (var e in content) { cell.Append(e); any = true; }
        if (!any) cell.Append(new Paragraph());
        return cell;
    }

    public static Paragraph CellPara(string text, string language, bool bold = false, bool italic = false, JustificationValues? align = null) =>
        CellPara([Run(text, language, bold, italic, TableSize)], align);

    public static Paragraph CellPara(Run[] runs, JustificationValues? align = null)
    {
        var p = new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "60", Before = "0" }, new Justification { Val = align ?? JustificationValues.Left }));
        p.Append(runs);
        return p;
    }

    public static Run TableRun(string text, string language, bool bold = false, bool italic = false) => Run(text, language, bold, italic, TableSize);

    // A table with a grid, whose first row is its header: bold, shaded, repeated at the top of every page (tblHeader).
    public static Table Table(int[] widths, IEnumerable<TableCell> header, bool borders = true)
    {
        var properties = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed });
        if (borders) properties.PrependChild(new TableStyle { Val = "TableGrid" });
        var table = new Table(properties, new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        row.Append(header);
        table.Append(row);
        return table;
    }

    // A table without borders for the heading block: two columns side by side.
    public static Table Layout(int[] widths, params TableCell[] cells)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.None }, new LeftBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
                    new RightBorder { Val = BorderValues.None }, new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(new TableRow(cells));
        return table;
    }

    public void Save()
    {
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headerId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = firstHeaderId },
            new PageSize { Width = PageWidth, Height = PageHeight, Orient = PageOrientationValues.Portrait },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight, Header = 567, Footer = 567, Gutter = 0 },
            new TitlePage()));
        package.MainDocumentPart!.Document.Save();
    }

    public void Dispose() => package.Dispose();
}
