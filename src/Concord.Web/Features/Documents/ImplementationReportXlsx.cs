using Concord.Shared;
using Concord.Features.Commitments;

namespace Concord.Features.Documents;

// The implementation report as a workbook in the document's first language: one row per clause, then the counts.
public static class ImplementationReportXlsx
{
    public static void Write(Stream output, ImplementationReport report, DocumentText t)
    {
        using var xlsx = new Xlsx(output);
        var vn = t.Side(Sides.Vietnam);
        var la = t.Side(Sides.Laos);
        xlsx.Sheet(t["Documents.Sheet.Commitments"],
        [
            (t["Documents.Doc.Number"], 8), (t["Documents.Doc.Area"], 24), (t["Documents.Doc.Commitment"], 60), (t["Documents.Doc.Status"], 16),
            (t["Documents.Doc.Due"], 12), (t["Documents.Doc.Period"], 11),
            ($"{t["Documents.Doc.Leads"]}: {vn}", 30), ($"{t["Documents.Doc.Leads"]}: {la}", 30),
            ($"{vn}: {t["Documents.Doc.ReportedOn"]}", 14), ($"{vn}: {t["Documents.Doc.ReportedStatus"]}", 16), ($"{vn}: {t["Documents.Doc.Report"]}", 50),
            ($"{la}: {t["Documents.Doc.ReportedOn"]}", 14), ($"{la}: {t["Documents.Doc.ReportedStatus"]}", 16), ($"{la}: {t["Documents.Doc.Report"]}", 50),
            (t["Documents.Doc.CarriedOverTo"], 30),
        ],
        report.Areas.SelectMany(a => a.Items).Select(i =>
        {
            var v = i.LatestOf(Sides.Vietnam);
            var l = i.LatestOf(Sides.Laos);
            return new object?[]
            {
                i.Number, t.Of(i.Area), t.Of(i.Text), t.Status(i.Status), i.DueOn, t.Period(i.PeriodStart, i.PeriodEnd),
                t.Leads(i.LeadsOf(Sides.Vietnam)), t.Leads(i.LeadsOf(Sides.Laos)),
                v?.ReportedOn, v is null ? null : t.Status(v.Status), v is null ? null : t.Of(v.Narrative),
                l?.ReportedOn, l is null ? null : t.Status(l.Status), l is null ? null : t.Of(l.Narrative),
                i.CarriedTo.Count == 0 ? null : string.Join("; ", i.CarriedTo.Select(c => $"{c.Number} {t.Of(c.Instrument)}".Trim())),
            };
        }));

        xlsx.Sheet(t["Documents.Sheet.Summary"],
            [(t["Documents.Doc.Group"], 22), (t["Documents.Doc.Item"], 40), (t["Documents.Doc.Count"], 12)],
            SummaryRows(report, t));
    }

    static IEnumerable<object?[]> SummaryRows(ImplementationReport report, DocumentText t)
    {
        foreach (var (status, count) in report.ByStatus)
            yield return [t["Documents.Doc.ByStatus"], t.Status(status), count];
        yield return [t["Documents.Doc.ByStatus"], t["Documents.Doc.Total"], report.Total];
        foreach (var a in report.ByArea)
            yield return [t["Documents.Doc.ByArea"], t.Of(a.Area), a.Total];
        foreach (var s in report.BySide)
        {
            yield return [t["Documents.Doc.BySide"], $"{t.Side(s.Country)}: {t["Documents.Doc.Led"]}", s.Leads];
            yield return [t["Documents.Doc.BySide"], $"{t.Side(s.Country)}: {t["Documents.Doc.Reported"]}", s.Reported];
            yield return [t["Documents.Doc.BySide"], $"{t.Side(s.Country)}: {t["Documents.Doc.NotReported"]}", s.NotReported];
        }
    }
}
