using Concord.Features.Documents;
using Concord.Shared;
using DocumentFormat.OpenXml.Wordprocessing;
using static Concord.Features.Documents.Docx;

namespace Concord.Features.Review;

// The yearly review as the ministry files it: the same figures as the page, in the document's language(s).
// One list of figures (Figures) feeds the DOCX's summary table and the XLSX's review sheet, so the two
// cannot say different things.
public static class ReviewDocuments
{
    public sealed record Figure(string Section, string Item, object? Value);

    public static IEnumerable<Figure> Figures(YearlyReview r, DocumentText t)
    {
        var none = t["Review.NotInSources"];
        var summary = t["Review.Summary"];
        yield return new(summary, t["Review.NewBilateral"], r.NewBilateral);
        yield return new(summary, t["Review.NgoSigned"], r.NgoSigned);
        yield return new(summary, t["Review.NgoNegotiating"], r.NgoUnderNegotiation);
        yield return new(summary, t["Review.Projects"], r.Projects.Count);
        yield return new(summary, t["Review.Committees"], (object?)r.BilateralCommittees ?? none);
        yield return new(summary, t["Review.MeetingsHeld"], r.Meetings.Count);
        var channels = t["Review.PartnersByChannel"];
        foreach (var channel in Enum.GetValues<CooperationChannel>())
        {
            var named = r.PartnersIn(channel).ToList();
            object value = channel == CooperationChannel.Ngo && r.NgoPartners is { } n
                ? (r.NgoPartnersApproximate ? t.Format("Review.About", n) : n)
                : named.Count;
            yield return new(channels, t[$"Review.Channel.{channel}"], value);
        }
        var kinds = t["Review.ActivitiesByKind"];
        foreach (var k in r.ActivitiesByKind) yield return new(kinds, t.Of(k.Kind), k.Count);
        var people = t["Review.PeopleTrained"];
        yield return new(people, t["Review.PeopleTotal"], (object?)r.People?.Total ?? none);
        yield return new(people, t["Review.Women"], (object?)r.People?.Women ?? none);
        yield return new(people, t["Review.Men"], (object?)r.People?.Men ?? none);
        var donations = t["Review.Donations"];
        if (r.Donations.Count == 0) yield return new(donations, t["Review.Donations"], none);
        foreach (var d in r.Donations) yield return new(donations, d.Currency, d.Amount);
        if (r.DonationsTotal is { } total)
        {
            yield return new(donations, t.Format("Review.DonationsTotal", total.Currency), total.Amount);
            foreach (var rate in total.RatesUsed)
                yield return new(donations, t.Format("Review.RateUsed", rate.Currency, rate.Value, total.Currency, t.Date(rate.On), rate.Source), rate.Value);
            foreach (var missing in total.MissingRates) yield return new(donations, t.Format("Review.RateMissing", missing), none);
        }
    }

    public static string Partners(YearlyReview.SignedInstrument i, DocumentText t) =>
        i.Partners.Count == 0 ? t["Review.NotNamed"] : string.Join(", ", i.Partners.Select(t.Of));

    public static void WriteXlsx(Stream output, YearlyReview r, DocumentText t)
    {
        using var xlsx = new Xlsx(output);
        xlsx.Sheet(t["Review.Sheet.Review"], [(t["Review.Doc.Section"], 30), (t["Review.Doc.Item"], 50), (t["Review.Doc.Value"], 24)],
            Figures(r, t).Select(f => new object?[] { f.Section, f.Item, f.Value }));
        var none = t["Review.NotInSources"];
        xlsx.Sheet(t["Review.Sheet.Instruments"],
            [(t["Review.Partner"], 30), (t["Review.Area"], 30), (t["Review.Channel"], 20), (t["Review.Instrument"], 60), (t["Review.Signed"], 12), (t["Review.NgoNegotiating"], 14)],
            r.Signed.Select(i => Row(i, t, none, false)).Concat(r.UnderNegotiation.Select(i => Row(i, t, none, true))));
        xlsx.Sheet(t["Review.Sheet.Partners"], [(t["Review.Channel"], 24), (t["Review.Partner"], 50)],
            r.Partners.Select(p => new object?[] { t[$"Review.Channel.{p.Channel}"], t.Of(p.Name) }));
        xlsx.Sheet(t["Review.Sheet.Charts"], [(t["Review.Charts"], 40), (t["Review.Chart.Row"], 40), (t["Review.Doc.Item"], 24), (t["Review.Doc.Value"], 12)],
            r.Charts.ToCharts("doc", key => t[key], t.Of).SelectMany(c => c.Rows.SelectMany(row =>
                row.Values.Select((v, s) => new object?[] { c.Title, row.Label, c.Series[s], v }))));
    }

    static object?[] Row(YearlyReview.SignedInstrument i, DocumentText t, string none, bool negotiating) =>
    [
        Partners(i, t), i.Area is null ? none : t.Of(i.Area), i.Channel is { } c ? t[$"Review.Channel.{c}"] : none, t.Of(i.Title),
        i.Signed is { } s ? (s.Precision == DatePrecision.Day ? s.Date : s.Format(t.Culture)) : null, negotiating ? t["Review.NgoNegotiating"] : null,
    ];

    public static void WriteDocx(Stream output, YearlyReview r, Issuer issuer, IReadOnlyList<DocumentText> columns, DateOnly today)
    {
        using var doc = new Docx(output);
        OfficialHeader.Write(doc, issuer, today);
        foreach (var t in columns)
            doc.Add(Para(JustificationValues.Center, 0, Run(t["Review.Doc.Heading"], t.Language, bold: true)));
        foreach (var t in columns)
            doc.Add(Para(JustificationValues.Center, 0, Run(t.Format("Review.Doc.YearLine", r.Year), t.Language, bold: true)));
        doc.Add(Rule(1800, TextWidth));

        var first = columns[0];
        Heading(doc, columns, "I", "Review.Summary");
        var figures = columns.Select(t => Figures(r, t).ToList()).ToList();
        var valueWidth = 2000;
        var itemWidth = (TextWidth - valueWidth) / columns.Count;
        var table = Table([.. columns.Select(_ => itemWidth), valueWidth],
            [.. columns.Select(t => Cell(itemWidth, [CellPara(t["Review.Doc.Item"], t.Language, bold: true)], shade: true)),
             Cell(valueWidth, [CellPara(first["Review.Doc.Value"], first.Language, bold: true)], shade: true)]);
        for (var i = 0; i < figures[0].Count; i++)
        {
            var row = new TableRow();
            for (var c = 0; c < columns.Count; c++)
                row.Append(Cell(itemWidth, [CellPara($"{figures[c][i].Section}: {figures[c][i].Item}", columns[c].Language)]));
            row.Append(Cell(valueWidth, [CellPara(Text(figures[0][i].Value, first), first.Language, align: JustificationValues.Right)]));
            table.Append(row);
        }
        doc.Add(table);

        Heading(doc, columns, "II", "Review.PartnersByChannel");
        foreach (var channel in Enum.GetValues<CooperationChannel>())
            foreach (var t in columns)
            {
                var named = r.PartnersIn(channel).Select(p => t.Of(p.Name)).ToList();
                doc.Add(BodyPara(Run(t[$"Review.Channel.{channel}"] + ": ", t.Language, bold: true),
                    Run(named.Count == 0 ? t["Review.NoneNamed"] : string.Join(", ", named), t.Language)));
            }
        foreach (var t in columns.Where(_ => !r.PartnersNote.IsEmpty)) doc.Add(BodyPara(Run(t.Of(r.PartnersNote), t.Language, italic: true)));

        Heading(doc, columns, "III", "Review.SignedInstruments");
        var w = TextWidth / 4;
        var instruments = Table([w, w, w, TextWidth - 3 * w],
            [Cell(w, Labels(columns, t => t["Review.Partner"]), shade: true), Cell(w, Labels(columns, t => t["Review.Area"]), shade: true),
             Cell(w, Labels(columns, t => t["Review.Channel"]), shade: true), Cell(TextWidth - 3 * w, Labels(columns, t => t["Review.Instrument"]), shade: true)]);
        foreach (var i in r.Signed.Concat(r.UnderNegotiation))
            instruments.Append(new TableRow(
                Cell(w, columns.Select(t => CellPara(Partners(i, t), t.Language))),
                Cell(w, columns.Select(t => CellPara(i.Area is null ? t["Review.NotInSources"] : t.Of(i.Area), t.Language))),
                Cell(w, columns.Select(t => CellPara(i.Channel is { } c ? t[$"Review.Channel.{c}"] : t["Review.NotInSources"], t.Language))),
                Cell(TextWidth - 3 * w, columns.Select(t => CellPara(t.Of(i.Title) + (i.Signed is { } s ? $" ({s.Format(t.Culture)})" : ""), t.Language)))));
        doc.Add(instruments);

        Heading(doc, columns, "IV", "Review.NgoMemoranda");
        foreach (var t in columns)
        {
            doc.Add(BodyPara(Run(t.Format("Review.NgoSignedCount", r.NgoSigned), t.Language)));
            doc.Add(BodyPara(Run(t.Format("Review.NgoNegotiatingCount", r.NgoUnderNegotiation), t.Language)));
        }

        Heading(doc, columns, "V", "Review.ProjectsTitle");
        if (r.Projects.Count == 0) foreach (var t in columns) doc.Add(BodyPara(Run(t["Review.NoneRecorded"], t.Language)));
        var n = 0;
        foreach (var p in r.Projects)
        {
            n++;
            foreach (var t in columns)
                doc.Add(BodyPara(Run($"{n}. {t.Of(p.Title)}. {t["Review.FundedBy"]} {(p.Funders.Count == 0 ? t["Review.NotInSources"] : string.Join(", ", p.Funders.Select(t.Of)))}", t.Language)));
        }

        Heading(doc, columns, "VI", "Review.MeetingsTitle");
        if (r.Meetings.Count == 0) foreach (var t in columns) doc.Add(BodyPara(Run(t["Review.NoneRecorded"], t.Language)));
        foreach (var m in r.Meetings)
            foreach (var t in columns)
            {
                var name = t.Of(m.Title) is { Length: > 0 } title ? title
                    : m.Number is { } number ? t.Format("Meetings.KindNumbered", t.Of(m.Kind), Meetings.MeetingText.Ordinal(number, t.Language)) : t.Of(m.Kind);
                doc.Add(BodyPara(Run($"{name} ({m.Date?.Format(t.Culture)})", t.Language)));
            }

        Heading(doc, columns, "VII", "Review.Charts");
        foreach (var t in columns.Take(1))
            foreach (var chart in r.Charts.ToCharts("doc", key => t[key], t.Of).Where(c => !c.IsEmpty))
            {
                doc.Add(BodyPara(Run(chart.Title, t.Language, bold: true)));
                var cols = chart.Series.Count + 2;
                var cw = TextWidth / (cols + 1);
                var labelWidth = TextWidth - cw * (cols - 1);
                var ct = Table([labelWidth, .. Enumerable.Repeat(cw, cols - 1)],
                    [Cell(labelWidth, [CellPara(t["Review.Chart.Row"], t.Language, bold: true)], shade: true),
                     .. chart.Series.Select(s => Cell(cw, [CellPara(s, t.Language, bold: true)], shade: true)),
                     Cell(cw, [CellPara(chart.TotalLabel ?? t["Review.Chart.Total"], t.Language, bold: true)], shade: true)]);
                foreach (var row in chart.Rows)
                    ct.Append(new TableRow([Cell(labelWidth, [CellPara(row.Label, t.Language)]),
                        .. row.Values.Select(v => Cell(cw, [CellPara(v.ToString("N0", t.Culture), t.Language, align: JustificationValues.Right)])),
                        Cell(cw, [CellPara(row.Total.ToString("N0", t.Culture), t.Language, bold: true, align: JustificationValues.Right)])]));
                doc.Add(ct);
            }
        doc.Save();
    }

    static string Text(object? value, DocumentText t) => value switch
    {
        int i => i.ToString("N0", t.Culture),
        decimal d => d.ToString(d % 1 == 0 ? "N0" : "N2", t.Culture),
        null => "",
        var other => other.ToString() ?? "",
    };

    static IEnumerable<Paragraph> Labels(IReadOnlyList<DocumentText> columns, Func<DocumentText, string> text) =>
        columns.Select(t => CellPara(text(t), t.Language, bold: true));

    static void Heading(Docx doc, IReadOnlyList<DocumentText> columns, string roman, string key)
    {
        var runs = new List<Run> { Run(roman + ". ", columns[0].Language, bold: true) };
        for (var i = 0; i < columns.Count; i++)
        {
            if (i > 0) runs.Add(Run(" / ", columns[i].Language, bold: true));
            runs.Add(Run(columns[i][key], columns[i].Language, bold: true, caps: true));
        }
        doc.Add(Para(JustificationValues.Left, 120, [.. runs]));
    }
}
