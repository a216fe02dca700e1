using Concord.Shared;
using Concord.Features.Commitments;
using DocumentFormat.OpenXml.Wordprocessing;
using static Concord.Features.Documents.Docx;

namespace Concord.Features.Documents;

// The top of the first page, as each side sets it.
// Vietnam (Decree 30/2020): the issuing body on the left (parent in capitals, the unit in bold capitals, a
// short line, the number and symbol), level with the national title and motto on the right (a line under
// the motto), then the place and date in italics on the right.
// Laos: the national heading centred at the top, then the ministry and department on the left and the
// number on the right, then the place and date.
public static class OfficialHeader
{
    public static void Write(Docx doc, Issuer issuer, DateOnly today)
    {
        var language = OfficialHeading.LanguageOf(issuer.Side);
        var left = TextWidth * 2 / 5;
        var right = TextWidth - left;
        if (issuer.Side == Sides.Laos)
        {
            doc.Add(Para(JustificationValues.Center, 0, Run(OfficialHeading.LaoTitle, language, bold: true)));
            doc.Add(Para(JustificationValues.Center, 0, Run(OfficialHeading.LaoMotto, language, bold: true)));
            doc.Add(Rule(2400, TextWidth));
            doc.Add(Layout([left, right],
                Cell(left, [
                    .. issuer.Parent is null ? Array.Empty<Paragraph>() : [Para(JustificationValues.Left, 0, Run(issuer.Parent, language, size: 24))],
                    Para(JustificationValues.Left, 0, Run(issuer.Unit, language, bold: true, size: 24))]),
                Cell(right, [Para(JustificationValues.Right, 0, Run(OfficialHeading.NumberLine(issuer.Side, issuer.Abbreviation), language))])));
            doc.Add(Para(JustificationValues.Right, 240, Run(OfficialHeading.PlaceAndDate(issuer.Side, today), language, italic: true)));
            return;
        }
        doc.Add(Layout([left, right],
            Cell(left, [
                .. issuer.Parent is null ? Array.Empty<Paragraph>() : [Para(JustificationValues.Center, 0, Run(issuer.Parent.ToUpperInvariant(), language, size: 26))],
                Para(JustificationValues.Center, 0, Run(issuer.Unit.ToUpperInvariant(), language, bold: true, size: 26)),
                Rule(1200, left),
                Para(JustificationValues.Center, 0, Run(OfficialHeading.NumberLine(issuer.Side, issuer.Abbreviation), language))]),
            Cell(right, [
                Para(JustificationValues.Center, 0, Run(OfficialHeading.VietnamTitle, language, bold: true, size: 26)),
                Para(JustificationValues.Center, 0, Run(OfficialHeading.VietnamMotto, language, bold: true, size: 28)),
                Rule(3300, right),
                Para(JustificationValues.Center, 0, Run(OfficialHeading.PlaceAndDate(issuer.Side, today), language, italic: true, size: 28))])));
        doc.Add(Para(JustificationValues.Center, 240));
    }
}
