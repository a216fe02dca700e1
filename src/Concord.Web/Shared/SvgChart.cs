using System.Globalization;
using System.Net;
using System.Text;

namespace Concord.Shared;

// A chart's numbers: one row per bar (an area, a side, a year), each split into the same series (the
// statuses). The page shows them twice: as an SVG drawn here and as a table (Features/Shared/_Chart),
// which is what a screen reader reads.
// TotalLabel names the table's last column when the bar's total is more than a sum ("Due").
public sealed record ChartData(string Id, string Title, IReadOnlyList<string> Series, IReadOnlyList<ChartRow> Rows, string? TotalLabel = null)
{
    public bool IsEmpty => Rows.All(r => r.Total == 0);
}

public sealed record ChartRow(string Label, IReadOnlyList<int> Values)
{
    public int Total => Values.Sum();
}

// Horizontal stacked bars as plain SVG, made on the server: no script, no style attribute or element
// (the Content-Security-Policy allows neither), only presentation attributes. Each series has its own
// fill pattern and every segment wide enough carries its number, so the chart reads in black and white
// and without telling colours apart; the legend repeats the patterns.
public static class SvgChart
{
    const int Width = 640, LabelWidth = 200, TotalWidth = 56, RowHeight = 26, BarHeight = 18, LegendRowHeight = 20, FontSize = 12;
    const int BarWidth = Width - LabelWidth - TotalWidth;

    // Okabe-Ito colours for the lines of each pattern; the pattern, not the colour, tells series apart.
    static readonly string[] Colours = ["#000000", "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#555555"];

    public static string Render(ChartData chart)
    {
        var inv = CultureInfo.InvariantCulture;
        var legendPerRow = 3;
        var legendRows = (chart.Series.Count + legendPerRow - 1) / legendPerRow;
        var top = legendRows * LegendRowHeight + 6;
        var height = top + Math.Max(1, chart.Rows.Count) * RowHeight + 4;
        var max = Math.Max(1, chart.Rows.Count == 0 ? 1 : chart.Rows.Max(r => r.Total));
        var id = chart.Id;
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title\" font-family=\"sans-serif\" font-size=\"{FontSize}\">");
        sb.Append(inv, $"<title id=\"{id}-title\">{E(chart.Title)}</title>");
        sb.Append("<defs>");
        for (var s = 0; s < chart.Series.Count; s++) sb.Append(Pattern($"{id}-p{s}", s));
        sb.Append("</defs>");

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var x = s % legendPerRow * (Width / legendPerRow);
            var y = s / legendPerRow * LegendRowHeight;
            sb.Append(inv, $"<rect x=\"{x}\" y=\"{y + 3}\" width=\"22\" height=\"14\" fill=\"url(#{id}-p{s})\" stroke=\"#000000\" stroke-width=\"0.75\"/>");
            sb.Append(inv, $"<text x=\"{x + 28}\" y=\"{y + 14}\">{E(chart.Series[s])}</text>");
        }

        for (var r = 0; r < chart.Rows.Count; r++)
        {
            var row = chart.Rows[r];
            var y = top + r * RowHeight;
            sb.Append(inv, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight - 4}\" text-anchor=\"end\">{E(Shorten(row.Label, 30))}</text>");
            double x = LabelWidth;
            for (var s = 0; s < row.Values.Count; s++)
            {
                var value = row.Values[s];
                if (value == 0) continue;
                var w = (double)value / max * BarWidth;
                sb.Append(inv, $"<rect x=\"{x:0.##}\" y=\"{y}\" width=\"{w:0.##}\" height=\"{BarHeight}\" fill=\"url(#{id}-p{s})\" stroke=\"#000000\" stroke-width=\"0.75\"/>");
                var label = value.ToString("N0", CultureInfo.CurrentCulture);
                var labelWidth = label.Length * 7 + 4;
                if (w >= labelWidth + 2)
                {
                    // The number on a white plate, readable over any pattern.
                    var cx = x + w / 2;
                    sb.Append(inv, $"<rect x=\"{cx - labelWidth / 2.0:0.##}\" y=\"{y + 2}\" width=\"{labelWidth}\" height=\"{BarHeight - 4}\" fill=\"#ffffff\"/>");
                    sb.Append(inv, $"<text x=\"{cx:0.##}\" y=\"{y + BarHeight - 5}\" text-anchor=\"middle\">{E(label)}</text>");
                }
                x += w;
            }
            sb.Append(inv, $"<text x=\"{x + 4:0.##}\" y=\"{y + BarHeight - 4}\" font-weight=\"bold\">{E(row.Total.ToString("N0", CultureInfo.CurrentCulture))}</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    // Solid, diagonal, cross-hatched, dotted, horizontal, vertical, reverse diagonal, checked: told apart in grey.
    static string Pattern(string id, int series)
    {
        var c = Colours[series % Colours.Length];
        var inner = (series % 8) switch
        {
            0 => $"<rect width=\"8\" height=\"8\" fill=\"{c}\"/>",
            1 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0,8 L8,0 M-2,2 L2,-2 M6,10 L10,6\" stroke=\"{c}\" stroke-width=\"2\"/>",
            2 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0,0 L8,8 M8,0 L0,8\" stroke=\"{c}\" stroke-width=\"1.2\"/>",
            3 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><circle cx=\"4\" cy=\"4\" r=\"1.8\" fill=\"{c}\"/>",
            4 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0,4 L8,4\" stroke=\"{c}\" stroke-width=\"2\"/>",
            5 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M4,0 L4,8\" stroke=\"{c}\" stroke-width=\"2\"/>",
            6 => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><path d=\"M0,0 L8,8 M-2,6 L2,10 M6,-2 L10,2\" stroke=\"{c}\" stroke-width=\"2\"/>",
            _ => $"<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"4\" height=\"4\" fill=\"{c}\"/><rect x=\"4\" y=\"4\" width=\"4\" height=\"4\" fill=\"{c}\"/>",
        };
        return $"<pattern id=\"{id}\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">{inner}</pattern>";
    }

    static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";

    static string E(string text) => WebUtility.HtmlEncode(text);
}
