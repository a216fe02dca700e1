using Concord.Shared;
using Concord.Features.Commitments;
using DocumentFormat.OpenXml.Wordprocessing;
using static Concord.Features.Documents.Docx;

namespace Concord.Features.Documents;

// The body an issuing unit puts under its name: who issues it, in the heading's language.
public sealed record Issuer(string Side, string? Parent, string Unit, string? Abbreviation);

// The implementation report as a Word document: the issuing side's heading, the kind and summary, then
// I. the counts, II. every clause by area with its leads, each side's latest report and its status,
// III. what was carried over and where to. Two languages are two columns of each table, as in the
// bilingual view; section headings give both.
public static class ImplementationReportDocx
{
    public static void Write(Stream output, ImplementationReport report, Issuer issuer, IReadOnlyList<DocumentText> columns, DateOnly today)
    {
        using var doc = new Docx(output);
        OfficialHeader.Write(doc, issuer, today);

        foreach (var t in columns)
            doc.Add(Para(JustificationValues.Center, 0, Run(t["Documents.Doc.ReportKind"], t.Language, bold: true, caps: true)));
        foreach (var t in columns)
            doc.Add(Para(JustificationValues.Center, 0, Run(t.Format("Documents.Doc.ReportSummary", t.Subject(report)), t.Language, bold: true)));
        foreach (var t in columns)
            doc.Add(Para(JustificationValues.Center, 0, Run(report.Period is { } p ? t.Format("Documents.Doc.PeriodLine", p.ToString()) : t["Documents.Doc.AllPeriods"], t.Language, italic: true)));
        doc.Add(Rule(1800, TextWidth));

        Part(doc, columns, "I", "Documents.Doc.PartSummary");
        Summary(doc, report, columns);

        Part(doc, columns, "II", "Documents.Doc.PartCommitments");
        var n = 0;
        foreach (var area in report.Areas)
        {
            n++;
            Section(doc, columns, $"{n}.", t => t.Of(area.Name));
            Clauses(doc, area, columns);
        }

        Part(doc, columns, "III", "Documents.Doc.PartCarriedOver");
        var carried = report.CarriedOver.ToList();
        if (carried.Count == 0)
            foreach (var t in columns) doc.Add(BodyPara(Run(t["Documents.Doc.NoneCarriedOver"], t.Language)));
        else
            CarriedOver(doc, carried, columns);
        doc.Save();
    }

    static void Part(Docx doc, IReadOnlyList<DocumentText> columns, string roman, string key)
    {
        var runs = new List<Run> { Run(roman + ". ", columns[0].Language, bold: true) };
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) runs.Add(Run(" / ", columns[i].Language, bold: true));
            runs.Add(Run(columns[i][key], columns[i].Language, bold: true, caps: true));
        }
        doc.Add(Para(JustificationValues.Left, 120, [.. runs]));
    }

    static void Section(Docx doc, IReadOnlyList<DocumentText> columns, string number, Func<DocumentText, string> text)
    {
        var runs = new List<Run> { Run(number + " ", columns[0].Language, bold: true) };
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) runs.Add(Run(" / ", columns[i].Language, bold: true));
            runs.Add(Run(text(columns[i]), columns[i].Language, bold: true));
        }
        doc.Add(Para(JustificationValues.Left, 120, [.. runs]));
    }

    // A label in every language of the document, one paragraph each.
    static IEnumerable<Paragraph> Labels(IReadOnlyList<DocumentText> columns, Func<DocumentText, string> text, bool bold = false) =>
        columns.Select(t => CellPara(text(t), t.Language, bold));

    static void Summary(Docx doc, ImplementationReport report, IReadOnlyList<DocumentText> columns)
    {
        var first = columns[0];
        Section(doc, columns, "1.", t => t["Documents.Doc.ByStatus"]);
        var labelWidth = TextWidth - 1800;
        var byStatus = Table([labelWidth, 1800], [Cell(labelWidth, Labels(columns, t => t["Documents.Doc.Status"], true), shade: true),
            Cell(1800, Labels(columns, t => t["Documents.Doc.Count"], true), shade: true)]);
        foreach (var (status, count) in report.ByStatus.Where(s => s.Value > 0))
            byStatus.Append(new TableRow(Cell(labelWidth, Labels(columns, t => t.Status(status))), Cell(1800, [CellPara(count.ToString(first.Culture), first.Language, align: JustificationValues.Right)])));
        byStatus.Append(new TableRow(Cell(labelWidth, Labels(columns, t => t["Documents.Doc.Total"], true)), Cell(1800, [CellPara(report.Total.ToString(first.Culture), first.Language, bold: true, align: JustificationValues.Right)])));
        doc.Add(byStatus);

        Section(doc, columns, "2.", t => t["Documents.Doc.ByArea"]);
        var statuses = new[] { CommitmentStatus.Done, CommitmentStatus.InProgress, CommitmentStatus.NotStarted };
        var w = 1150;
        var areaWidth = TextWidth - w * (statuses.Length + 2);
        var header = new List<TableCell> { Cell(areaWidth, Labels(columns, t => t["Documents.Doc.Area"], true), shade: true), Cell(w, Labels(columns, t => t["Documents.Doc.Total"], true), shade: true) };
        header.AddRange(statuses.Select(s => Cell(w, Labels(columns, t => t.Status(s), true), shade: true)));
        header.Add(Cell(w, Labels(columns, t => t["Documents.Doc.Other"], true), shade: true));
        var byArea = Table([areaWidth, w, .. statuses.Select(_ => w), w], header);
        foreach (var a in report.ByArea)
        {
            var other = a.Total - statuses.Sum(s => a.ByStatus[s]);
            byArea.Append(new TableRow([Cell(areaWidth, Labels(columns, t => t.Of(a.Area))), Number(w, a.Total, first),
                .. statuses.Select(s => Number(w, a.ByStatus[s], first)), Number(w, other, first)]));
        }
        doc.Add(byArea);

        Section(doc, columns, "3.", t => t["Documents.Doc.BySide"]);
        var sideWidth = TextWidth - w * 3;
        var bySide = Table([sideWidth, w, w, w], [Cell(sideWidth, Labels(columns, t => t["Documents.Doc.Side"], true), shade: true),
            Cell(w, Labels(columns, t => t["Documents.Doc.Led"], true), shade: true), Cell(w, Labels(columns, t => t["Documents.Doc.Reported"], true), shade: true),
            Cell(w, Labels(columns, t => t["Documents.Doc.NotReported"], true), shade: true)]);
        foreach (var s in report.BySide)
            bySide.Append(new TableRow(Cell(sideWidth, Labels(columns, t => t.Side(s.Country))), Number(w, s.Leads, first), Number(w, s.Reported, first), Number(w, s.NotReported, first)));
        doc.Add(bySide);
    }

    static TableCell Number(int width, int value, DocumentText t) =>
        Cell(width, [CellPara(value.ToString(t.Culture), t.Language, align: JustificationValues.Right)]);

    static void Clauses(Docx doc, ImplementationReport.Area area, IReadOnlyList<DocumentText> columns)
    {
        const int numberWidth = 700;
        var textWidth = (TextWidth - numberWidth) / columns.Count;
        var table = Table([numberWidth, .. columns.Select(_ => textWidth)],
            [Cell(numberWidth, [CellPara(columns[0]["Documents.Doc.Number"], columns[0].Language, bold: true)], shade: true),
             .. columns.Select(t => Cell(textWidth, [CellPara(t["Documents.Doc.Commitment"], t.Language, bold: true)], shade: true))]);
        foreach (var item in area.Items)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()), Cell(numberWidth, [CellPara(item.Number ?? "", columns[0].Language, bold: true)]));
            foreach (var t in columns) row.Append(Cell(textWidth, ClauseCell(item, t)));
            table.Append(row);
        }
        doc.Add(table);
        doc.Add(new Paragraph());
    }

    static IEnumerable<Paragraph> ClauseCell(ImplementationReport.Item item, DocumentText t)
    {
        var lang = t.Language;
        yield return CellPara(t.Of(item.Text), lang, align: JustificationValues.Both);
        yield return CellPara([TableRun(t["Documents.Doc.Status"] + ": ", lang, bold: true), TableRun(t.Status(item.Status), lang),
            .. item.DueOn is { } due ? new[] { TableRun(" · " + t["Documents.Doc.Due"] + ": " + t.Date(due), lang) } : []]);
        yield return CellPara(t["Documents.Doc.Leads"] + ":", lang, bold: true);
        foreach (var side in Sides.All)
        {
            var leads = t.Leads(item.LeadsOf(side));
            yield return CellPara([TableRun(t.Side(side) + ": ", lang, italic: true), TableRun(leads.Length > 0 ? leads : "—", lang)]);
        }
        foreach (var side in Sides.All)
        {
            if (item.LatestOf(side) is { } r)
            {
                yield return CellPara([TableRun(t.Format("Documents.Doc.LatestReport", t.Side(side), t.Date(r.ReportedOn)) + ": ", lang, bold: true),
                    TableRun(t.Status(r.Status) + ". ", lang, italic: true), TableRun(t.Of(r.Narrative), lang)], JustificationValues.Both);
            }
            else
            {
                yield return CellPara(t.Format("Documents.Doc.NoReport", t.Side(side)), lang, italic: true);
            }
        }
        foreach (var c in item.CarriedTo)
            yield return CellPara(t.Format("Documents.Doc.CarriedTo", $"{c.Number} {t.Of(c.Instrument)}".Trim()), lang, italic: true);
    }

    static void CarriedOver(Docx doc, List<ImplementationReport.Item> items, IReadOnlyList<DocumentText> columns)
    {
        const int numberWidth = 700;
        var textWidth = (TextWidth - numberWidth) / columns.Count;
        var table = Table([numberWidth, .. columns.Select(_ => textWidth)],
            [Cell(numberWidth, [CellPara(columns[0]["Documents.Doc.Number"], columns[0].Language, bold: true)], shade: true),
             .. columns.Select(t => Cell(textWidth, [CellPara(t["Documents.Doc.CarriedOverTo"], t.Language, bold: true)], shade: true))]);
        foreach (var item in items)
        {
            var row = new TableRow(Cell(numberWidth, [CellPara(item.Number ?? "", columns[0].Language)]));
            foreach (var t in columns)
            {
                var where = item.CarriedTo.Count == 0 ? t["Documents.Doc.CarriedNowhere"]
                    : string.Join("; ", item.CarriedTo.Select(c => $"{c.Number} {t.Of(c.Instrument)}".Trim()));
                row.Append(Cell(textWidth, [CellPara(t.Of(item.Text), t.Language), CellPara("→ " + where, t.Language, italic: true)]));
            }
            table.Append(row);
        }
        doc.Add(table);
    }
}
