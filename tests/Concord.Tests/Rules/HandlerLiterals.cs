using System.Text;
using System.Text.RegularExpressions;

namespace Concord.Tests.Rules;

// Finds text that C# hands to a reader without the localizer, at the places the codebase hands text over:
// model errors, TempData and ViewData (a page's title), problem details (API errors), CSV headings and
// HTML built in C#. In Concord a message travels as a key ("Validation.Required",
// "Commitments.StatusNotAllowed") that a page or handler looks up with t[...]; a string literal in those
// places that holds words, and is not inside t[...], is text no reader of another language can read.
public sealed partial class HandlerLiterals
{
    // The names IStringLocalizer goes by in Concord's code.
    static readonly HashSet<string> Localizers = new(StringComparer.Ordinal) { "t", "T", "Strings", "localizer" };

    // A C# string literal: where it is, and its text outside interpolation holes.
    sealed record Token(int Start, int End, string Text);

    readonly string code;
    readonly string masked;

    List<Token> Tokens { get; } = [];

    HandlerLiterals(string source)
    {
        code = source.Replace("\r\n", "\n");
        masked = Mask();
    }

    public static List<Literal> Find(string source)
    {
        var reader = new HandlerLiterals(source);
        return [.. reader.Literals().DistinctBy(l => (l.Line, l.Text)).OrderBy(l => l.Line)];
    }

    // The strings with words that a Razor expression writes as its value: "Done" in (done ? "Done" : ""),
    // x ?? "None", "Total: " + n. A string passed to a call or an indexer (ToString("N0"), ViewData["Title"],
    // T["Key"]) is not written itself. `expression` is either wrapped in parentheses (@(...)) or not (@a.b).
    public static IEnumerable<(int Start, string Text)> Written(string expression)
    {
        var reader = new HandlerLiterals(expression);
        var outer = expression.StartsWith('(') ? 1 : 0;
        return reader.Tokens.Where(t => t.Text.Any(char.IsLetter) && reader.Depth(t.Start) == outer).Select(t => (t.Start, t.Text));
    }

    int Depth(int at)
    {
        var depth = 0;
        for (var k = 0; k < at; k++)
        {
            if (masked[k] is '(' or '[' or '{') depth++;
            else if (masked[k] is ')' or ']' or '}') depth--;
        }
        return depth;
    }

    IEnumerable<Literal> Literals()
    {
        foreach (Match call in Call().Matches(masked))
        {
            var method = call.Groups[1].Value;
            // StringBuilder.Append writes logs and console tables; only an HTML builder's Append reaches a page.
            if (method == "Append" && !BuildsHtml()) continue;
            var arguments = Arguments(call.Index + call.Length);
            string? name = null;
            for (var n = 0; n < arguments.Count; n++)
            {
                var (from, to) = arguments[n];
                // Commas of a generic type (Dictionary<string, object?>) split an argument here; a piece
                // after a named argument belongs to it, since positional arguments cannot follow named ones.
                if (NamedArgument().Match(masked[from..to]) is { Success: true } named) name = named.Groups[1].Value;
                if (method is "AppendHtml" or "HtmlString")
                {
                    // Markup built in C#: its text is read as a page's would be.
                    if (n == 0)
                        foreach (var token in Tokens.Where(t => t.Start >= from && t.Start < to))
                            foreach (var found in RazorLiterals.Read(token.Text).Found)
                                yield return new Literal(LineOf(token.Start), $"{method}(…) {found.Where}", found.Text);
                    continue;
                }
                var shown = method switch
                {
                    "AddModelError" => n == 1,
                    "Append" => n == 0,
                    "CsvAsync" => n == 1,
                    // Problem(detail, instance, statusCode, title, type, extensions): the detail and the title are read.
                    _ => name is null ? n is 0 or 3 : name is "detail" or "title",
                };
                if (shown) foreach (var literal in In(from, to, $"{method}(…)")) yield return literal;
            }
        }
        foreach (Match assignment in DataAssignment().Matches(masked))
            foreach (var literal in In(assignment.Index + assignment.Length, StatementEnd(assignment.Index + assignment.Length), $"{assignment.Groups[1].Value}[…] =")) yield return literal;
        foreach (Match problem in ProblemDetailsWord().Matches(masked))
        {
            var end = StatementEnd(problem.Index);
            foreach (Match property in TitleOrDetail().Matches(masked[..end], problem.Index))
            {
                var from = property.Index + property.Length;
                foreach (var literal in In(from, ValueEnd(from), $"ProblemDetails.{property.Groups[1].Value} =")) yield return literal;
            }
        }
    }

    bool BuildsHtml() => code.Contains("HtmlContentBuilder", StringComparison.Ordinal);

    // String literals with words between from and to that are not inside a localizer's indexer.
    IEnumerable<Literal> In(int from, int to, string where)
    {
        foreach (var token in Tokens.Where(t => t.Start >= from && t.Start < to))
        {
            if (!token.Text.Any(char.IsLetter) || InsideLocalizer(from, token.Start)) continue;
            yield return new Literal(LineOf(token.Start), where, token.Text);
        }
    }

    bool InsideLocalizer(int from, int at)
    {
        var open = new Stack<int>();
        for (var k = from; k < at; k++)
        {
            if (masked[k] is '(' or '[' or '{') open.Push(k);
            else if (masked[k] is ')' or ']' or '}' && open.Count > 0) open.Pop();
        }
        foreach (var bracket in open.Where(b => masked[b] == '['))
        {
            var end = bracket;
            while (end > 0 && char.IsWhiteSpace(masked[end - 1])) end--;
            var start = end;
            while (start > 0 && (char.IsLetterOrDigit(masked[start - 1]) || masked[start - 1] == '_')) start--;
            if (Localizers.Contains(masked[start..end])) return true;
        }
        return false;
    }

    // The arguments of a call whose '(' is just before `at`, each as a range of the source.
    List<(int From, int To)> Arguments(int at)
    {
        var arguments = new List<(int, int)>();
        var depth = 0;
        var from = at;
        for (var k = at; k < masked.Length; k++)
        {
            var c = masked[k];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}')
            {
                if (depth-- == 0)
                {
                    if (k > from || arguments.Count > 0) arguments.Add((from, k));
                    break;
                }
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add((from, k));
                from = k + 1;
            }
        }
        return arguments;
    }

    int StatementEnd(int from)
    {
        var end = masked.IndexOf(';', from);
        return end < 0 ? masked.Length : end;
    }

    // The end of a property's value in an object initialiser: the next ',' or '}' not nested deeper.
    int ValueEnd(int from)
    {
        var depth = 0;
        for (var k = from; k < masked.Length; k++)
        {
            var c = masked[k];
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}' && depth-- == 0) return k;
            else if (c is ',' or ';' && depth == 0) return k;
        }
        return masked.Length;
    }

    int LineOf(int position) => 1 + code.AsSpan(0, position).Count('\n');

    // The source with comments and the insides of string and character literals blanked (lines kept), so
    // that brackets, commas and names can be read from it; the literals themselves go to Tokens.
    string Mask()
    {
        var m = code.ToCharArray();
        void Blank(int from, int to)
        {
            for (var k = from; k < to && k < m.Length; k++) if (m[k] != '\n') m[k] = ' ';
        }
        var i = 0;
        while (i < code.Length)
        {
            if (At(i) == '/' && At(i + 1) == '/')
            {
                var end = code.IndexOf('\n', i);
                end = end < 0 ? code.Length : end;
                Blank(i, end);
                i = end;
            }
            else if (At(i) == '/' && At(i + 1) == '*')
            {
                var end = code.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? code.Length : end + 2;
                Blank(i, end);
                i = end;
            }
            else if (At(i) == '\'')
            {
                var k = i + 1;
                while (k < code.Length && code[k] != '\'' && code[k] != '\n') k += code[k] == '\\' ? 2 : 1;
                Blank(i + 1, k);
                i = k + 1;
            }
            else if (StringAt(i))
            {
                var text = new StringBuilder();
                var end = SkipString(i, text);
                Tokens.Add(new Token(i, end, text.ToString()));
                Blank(i, end);
                // Keep a mark where the literal was, so that "t[" + literal + "]" still reads as an indexer with something in it.
                m[i] = '"';
                i = end;
            }
            else i++;
        }
        return new string(m);
    }

    char At(int k) => k < code.Length ? code[k] : '\0';

    bool StringAt(int k)
    {
        // An identifier's last letter followed by a quote cannot be a string prefix; @ and $ can.
        while (At(k) is '$' or '@') k++;
        return At(k) == '"';
    }

    // Past the literal at `i`; its text outside interpolation holes is appended to `text`.
    int SkipString(int i, StringBuilder text)
    {
        var interpolated = false;
        var verbatim = false;
        while (At(i) is '$' or '@')
        {
            if (code[i] == '$') interpolated = true; else verbatim = true;
            i++;
        }
        if (code.AsSpan(i).StartsWith("\"\"\""))
        {
            var from = i;
            while (At(i) == '"') i++;
            var quotes = new string('"', i - from);
            var end = code.IndexOf(quotes, i, StringComparison.Ordinal);
            end = end < 0 ? code.Length : end;
            text.Append(code, i, end - i);
            return Math.Min(code.Length, end + quotes.Length);
        }
        i++;
        while (i < code.Length)
        {
            var c = code[i];
            if (!verbatim && c == '\\') { text.Append(At(i + 1)); i += 2; continue; }
            if (c == '"')
            {
                if (verbatim && At(i + 1) == '"') { text.Append('"'); i += 2; continue; }
                return i + 1;
            }
            if (interpolated && c == '{')
            {
                if (At(i + 1) == '{') { text.Append('{'); i += 2; continue; }
                // A hole: C#, possibly with strings of its own, up to its closing brace.
                var depth = 0;
                while (i < code.Length)
                {
                    if (StringAt(i)) { i = SkipString(i, new StringBuilder()); continue; }
                    if (code[i] == '{') depth++;
                    else if (code[i] == '}' && --depth == 0) { i++; break; }
                    i++;
                }
                text.Append("{…}");
                continue;
            }
            if (interpolated && c == '}' && At(i + 1) == '}') { text.Append('}'); i += 2; continue; }
            text.Append(c);
            i++;
        }
        return i;
    }

    [GeneratedRegex(@"\b(AddModelError|Problem|CsvAsync|AppendHtml|Append|HtmlString)\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"^\s*(\w+)\s*:(?!:)")]
    private static partial Regex NamedArgument();

    // TempData["Message"] = ..., ViewData["Title"] = ... (the page's title).
    [GeneratedRegex(@"\b(TempData|ViewData)\s*\[[^\]]*\]\s*=(?!=)")]
    private static partial Regex DataAssignment();

    [GeneratedRegex(@"\bProblemDetails\b")]
    private static partial Regex ProblemDetailsWord();

    [GeneratedRegex(@"\b(Title|Detail)\s*=(?![=>])")]
    private static partial Regex TitleOrDetail();
}
