using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Concord.BrowserTests;

// The text of a PDF that Chromium printed, page by page, read without a PDF library: Chromium (Skia) writes
// plain numbered objects, Flate-compressed content streams that draw glyph ids (<0014> Tj) in Type0 fonts,
// and a ToUnicode map per font. Enough to check what a printed page says; not a general PDF reader.
// Lao marks that the shaper drew as extra glyphs may have no ToUnicode entry and are left out.
public sealed partial class PdfText
{
    public sealed record Page(double Width, double Height, string Text);

    public IReadOnlyList<Page> Pages { get; }

    PdfText(IReadOnlyList<Page> pages) => Pages = pages;

    public static PdfText Read(byte[] pdf)
    {
        // Latin-1 maps each byte to one char, so offsets in the string are offsets in the file.
        var raw = Encoding.Latin1.GetString(pdf);
        var objects = ObjectPattern().Matches(raw).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        var maps = new Dictionary<int, Dictionary<int, string>>();
        var pages = new List<Page>();
        foreach (var (_, page) in objects.OrderBy(o => o.Key).Where(o => PagePattern().IsMatch(o.Value)))
        {
            var box = MediaBoxPattern().Match(page);
            var fonts = FontPattern().Matches(page).ToDictionary(m => m.Groups[1].Value, m =>
            {
                var font = objects[int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)];
                var map = ToUnicodePattern().Match(font);
                if (!map.Success) return new Dictionary<int, string>();
                var id = int.Parse(map.Groups[1].Value, CultureInfo.InvariantCulture);
                if (!maps.TryGetValue(id, out var glyphs)) maps[id] = glyphs = ReadMap(Stream(objects[id]));
                return glyphs;
            });
            var text = new StringBuilder();
            if (ContentsPattern().Match(page) is { Success: true } contents)
            {
                var current = new Dictionary<int, string>();
                foreach (Match token in TokenPattern().Matches(Stream(objects[int.Parse(contents.Groups[1].Value, CultureInfo.InvariantCulture)])))
                {
                    if (token.Groups[1].Success) current = fonts.GetValueOrDefault(token.Groups[1].Value) ?? [];
                    else if (token.Groups[2].Success)
                        for (var i = 0; i + 4 <= token.Groups[2].Value.Length; i += 4)
                            text.Append(current.GetValueOrDefault(int.Parse(token.Groups[2].Value.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
                    else text.Append('\n');
                }
            }
            pages.Add(new Page(double.Parse(box.Groups[3].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[4].Value, CultureInfo.InvariantCulture), text.ToString()));
        }
        return new PdfText(pages);
    }

    // Whitespace collapsed, so a sentence the layout wrapped reads as typed.
    public static string Flat(string text) => Whitespace().Replace(text, " ").Trim();

    static string Stream(string obj)
    {
        var start = obj.IndexOf("stream", StringComparison.Ordinal) + "stream".Length;
        if (obj[start] == '\r') start++;
        if (obj[start] == '\n') start++;
        var end = obj.LastIndexOf("endstream", StringComparison.Ordinal);
        var data = Encoding.Latin1.GetBytes(obj[start..end]);
        if (!obj[..start].Contains("/FlateDecode", StringComparison.Ordinal)) return Encoding.Latin1.GetString(data);
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        return Encoding.Latin1.GetString(inflated.ToArray());
    }

    static Dictionary<int, string> ReadMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        static string Utf16(string hex) => Encoding.BigEndianUnicode.GetString(Convert.FromHexString(hex));
        foreach (Match block in CharBlockPattern().Matches(cmap))
            foreach (Match pair in PairPattern().Matches(block.Groups[1].Value))
                map[Convert.ToInt32(pair.Groups[1].Value, 16)] = Utf16(pair.Groups[2].Value);
        foreach (Match block in RangeBlockPattern().Matches(cmap))
            foreach (Match range in RangePattern().Matches(block.Groups[1].Value))
            {
                var (first, last, start) = (Convert.ToInt32(range.Groups[1].Value, 16), Convert.ToInt32(range.Groups[2].Value, 16), Convert.ToInt32(range.Groups[3].Value, 16));
                for (var g = first; g <= last; g++) map[g] = char.ConvertFromUtf32(start + g - first);
            }
        return map;
    }

    [GeneratedRegex(@"(\d+) 0 obj\s*(.*?)endobj", RegexOptions.Singleline)] private static partial Regex ObjectPattern();
    [GeneratedRegex(@"/Type\s*/Page\b")] private static partial Regex PagePattern();
    [GeneratedRegex(@"/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]")] private static partial Regex MediaBoxPattern();
    [GeneratedRegex(@"/(F\d+) (\d+) 0 R")] private static partial Regex FontPattern();
    [GeneratedRegex(@"/ToUnicode (\d+) 0 R")] private static partial Regex ToUnicodePattern();
    [GeneratedRegex(@"/Contents (\d+) 0 R")] private static partial Regex ContentsPattern();
    [GeneratedRegex(@"/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>|\bET\b")] private static partial Regex TokenPattern();
    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)] private static partial Regex CharBlockPattern();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex PairPattern();
    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)] private static partial Regex RangeBlockPattern();
    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")] private static partial Regex RangePattern();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
