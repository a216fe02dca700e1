using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Concord.Tests.Rules;

// A piece of text a reader would see, written literally in a page or a handler.
public sealed record Literal(int Line, string Where, string Text)
{
    public override string ToString() => $"{Line}: {Where} \"{Text}\"";
}

// Reads a Razor page only as far as telling what reaches the reader as written from what Razor computes:
// text between tags and the attributes people read are checked; comments, directives and control
// statements are skipped; markup inside code (a <li> in a @foreach, <text>, @: lines) is read again as
// markup; of an @expression only the strings it writes as its value are checked, and a code block is
// checked as a handler's code is (ViewData["Title"] = ...). It follows Razor's own rules for switching
// between markup and C# rather than patterns over the text, because an attribute such as
// title="@T["X"]" holds quotes inside quotes.
public sealed partial class RazorLiterals
{
    // Attributes whose value is shown or read aloud (label: of an <optgroup>). A <button>'s value is posted,
    // never shown: its text is between its tags. An <input>'s value is shown only on a button-like input (see Tag).
    static readonly HashSet<string> ReadAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "placeholder", "alt", "label", "aria-label", "aria-description", "aria-roledescription", "aria-valuetext",
        "aria-placeholder", "hx-confirm", "hx-prompt",
    };

    static readonly HashSet<string> ButtonInputs = new(StringComparer.OrdinalIgnoreCase) { "submit", "button", "reset" };

    static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    // Razor directives take the rest of their line.
    static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
    {
        "page", "model", "inject", "namespace", "addTagHelper", "removeTagHelper", "tagHelperPrefix", "layout",
        "implements", "inherits", "attribute", "typeparam", "preservewhitespace", "rendermode",
    };

    // What a reader types or copies (an HTTP header, a token's prefix) is the same in every language.
    static readonly HashSet<string> CodeElements = new(StringComparer.OrdinalIgnoreCase) { "code", "kbd", "samp" };

    static readonly HashSet<string> Statements = new(StringComparer.Ordinal)
    {
        "if", "foreach", "for", "while", "switch", "lock", "using", "try", "do",
    };

    readonly string s;
    readonly IReadOnlyDictionary<string, string> allowed;
    int i;
    int inCodeElement;
    int codeBlocks;

    public List<Literal> Found { get; } = [];

    // The allowed words this page actually uses, so that a stale entry in the allow-list shows.
    public HashSet<string> AllowedUsed { get; } = new(StringComparer.Ordinal);

    RazorLiterals(string razor, IReadOnlyDictionary<string, string> allowed)
    {
        s = razor.Replace("\r\n", "\n");
        this.allowed = allowed;
    }

    public static RazorLiterals Read(string razor, IReadOnlyDictionary<string, string>? allowed = null)
    {
        var reader = new RazorLiterals(razor, allowed ?? new Dictionary<string, string>());
        reader.Markup(End.File);
        return reader;
    }

    enum End { File, Tag, Brace, Line }

    char At(int k) => k < s.Length ? s[k] : '\0';
    bool Ahead(string text) => string.CompareOrdinal(s, i, text, 0, text.Length) == 0;

    // Markup until the end of the file, the end tag of `tag`, the brace closing a @section, or the end of an @: line.
    void Markup(End end, string? tag = null)
    {
        var text = new StringBuilder();
        var start = -1;
        var depth = 0;
        void Flush()
        {
            if (start >= 0) Check(start, "text", text.ToString());
            text.Clear();
            start = -1;
        }
        void Add(char c)
        {
            if (start < 0 && !char.IsWhiteSpace(c)) start = i;
            if (start >= 0) text.Append(c);
        }

        while (i < s.Length)
        {
            var c = s[i];
            if (end == End.Line && c == '\n') { Flush(); i++; return; }
            if (end == End.Brace && c == '}') { Flush(); i++; return; }
            if (c == '@')
            {
                if (At(i + 1) == '@') { Add('@'); i += 2; continue; }
                if (IsEmailAt()) { Add('@'); i++; continue; }
                Flush();
                foreach (var (at, literal) in Transition()) Check(at, "text @(…)", literal);
                continue;
            }
            if (c == '<')
            {
                if (Ahead("<!--")) { Flush(); SkipPast("-->"); continue; }
                if (Ahead("<!") && !ElementAt(i + 1)) { Flush(); SkipPast(">"); continue; }
                if (At(i + 1) == '/' && ElementAt(i + 2))
                {
                    Flush();
                    i += 2;
                    if (At(i) == '!') i++;
                    var name = Name();
                    SkipPast(">");
                    if (end == End.Tag && string.Equals(name, tag, StringComparison.OrdinalIgnoreCase) && depth-- == 0) return;
                    continue;
                }
                if (ElementAt(i + 1))
                {
                    Flush();
                    var (name, closed) = Tag();
                    if (closed) continue;
                    if (IsRawText(name)) SkipPast($"</{name}>");
                    else if (CodeElements.Contains(name)) Code(name);
                    else if (end == End.Tag && string.Equals(name, tag, StringComparison.OrdinalIgnoreCase)) depth++;
                    continue;
                }
            }
            Add(c);
            i++;
        }
        Flush();
    }

    // The content of <code>: read as markup (Razor in it is still skipped), its text not checked.
    void Code(string tag)
    {
        inCodeElement++;
        Markup(End.Tag, tag);
        inCodeElement--;
    }

    static bool IsRawText(string tag) => tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase);

    static bool IsTagStart(char c) => char.IsAsciiLetter(c);

    // An element's name starts at k: a letter, or Razor's "!" that keeps tag helpers off one element (<!option>),
    // not a declaration such as <!DOCTYPE html>.
    bool ElementAt(int k) =>
        IsTagStart(At(k)) || (At(k) == '!' && IsTagStart(At(k + 1)) && string.Compare(s, k, "!doctype", 0, 8, StringComparison.OrdinalIgnoreCase) != 0);

    // Razor leaves the @ of an e-mail address alone: a letter or digit on both sides.
    bool IsEmailAt() => i > 0 && char.IsLetterOrDigit(s[i - 1]) && char.IsLetterOrDigit(At(i + 1));

    string Name()
    {
        var from = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '-' or ':' or '.' or '_')) i++;
        return s[from..i];
    }

    // A start tag at '<'. Returns its name, and whether it has no content to read (self-closed or void).
    (string Name, bool Closed) Tag()
    {
        i++;
        if (At(i) == '!') i++;
        var name = Name();
        var attributes = new List<(string Name, List<(int Start, string Text)> Value)>();
        var closed = false;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) { i++; continue; }
            if (s[i] == '>') { i++; break; }
            if (Ahead("/>")) { i += 2; closed = true; break; }
            if (s[i] == '@')
            {
                // @* *@ or an expression in place of an attribute.
                Transition();
                continue;
            }
            var from = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] is not '=' and not '>' && !Ahead("/>")) i++;
            var attribute = s[from..i];
            if (attribute.Length == 0) { i++; continue; }
            var save = i;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
            if (At(i) == '=')
            {
                i++;
                while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
                attributes.Add((attribute, AttributeValue()));
            }
            else
            {
                i = save;
                attributes.Add((attribute, []));
            }
        }

        string Literal(string attribute) => string.Concat(attributes.Where(a => a.Name.Equals(attribute, StringComparison.OrdinalIgnoreCase)).SelectMany(a => a.Value).Select(p => p.Text));
        var buttonInput = name.Equals("input", StringComparison.OrdinalIgnoreCase) && ButtonInputs.Contains(Literal("type").Trim());
        foreach (var (attribute, value) in attributes)
        {
            if (!ReadAttributes.Contains(attribute) && !(buttonInput && attribute.Equals("value", StringComparison.OrdinalIgnoreCase))) continue;
            foreach (var (start, text) in value) Check(start, $"{attribute}=", text);
        }
        return (name, closed || VoidElements.Contains(name));
    }

    // The literal parts of an attribute's value; Razor in it is skipped.
    List<(int Start, string Text)> AttributeValue()
    {
        var parts = new List<(int, string)>();
        var quote = At(i) is '"' or '\'' ? s[i++] : '\0';
        var text = new StringBuilder();
        var start = -1;
        void Flush()
        {
            if (text.Length > 0) parts.Add((start, text.ToString()));
            text.Clear();
            start = -1;
        }
        while (i < s.Length)
        {
            var c = s[i];
            if (quote != '\0' ? c == quote : char.IsWhiteSpace(c) || c == '>' || Ahead("/>")) break;
            if (c == '@' && At(i + 1) != '@' && !IsEmailAt())
            {
                Flush();
                parts.AddRange(Transition());
                continue;
            }
            if (start < 0) start = i;
            text.Append(c);
            i += c == '@' && At(i + 1) == '@' ? 2 : 1;
        }
        if (quote != '\0' && At(i) == quote) i++;
        Flush();
        return parts;
    }

    // At an '@' that starts Razor: a comment, a code block, an explicit or implicit expression, a directive
    // or a statement. An expression's output is computed, but a string with words it writes as its value
    // (@(done ? "Done" : "")) is written literally all the same: those strings are returned.
    List<(int Start, string Text)> Transition()
    {
        if (Ahead("@*")) { SkipPast("*@"); return []; }
        i++;
        var c = At(i);
        if (c == '(')
        {
            var expression = i;
            Balanced('(', ')');
            return HandlerLiterals.Written(s[expression..i]).Select(l => (expression + l.Start, l.Text)).ToList();
        }
        if (c == '{') { CodeBlock(); return []; }
        if (!char.IsLetter(c) && c != '_') return [];
        var from = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
        var word = s[from..i];
        if (Directives.Contains(word) || (word == "using" && NextNonSpace() != '('))
        {
            SkipPast("\n");
            return [];
        }
        if (word is "functions" or "code")
        {
            SkipSpace();
            if (At(i) == '{') CodeBlock();
            return [];
        }
        if (word == "section")
        {
            SkipSpace();
            Name();
            SkipSpace();
            if (At(i) == '{') { i++; Markup(End.Brace); }
            return [];
        }
        if (Statements.Contains(word)) { Statement(word); return []; }
        if (word == "await") { SkipSpace(); from = i; while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++; }
        if (i == from) return [];
        // An implicit expression: member access, calls and indexers, up to anything else.
        while (i < s.Length)
        {
            if (s[i] == '(') Balanced('(', ')');
            else if (s[i] == '[') Balanced('[', ']');
            else if ((s[i] == '.' && IsIdentifierStart(At(i + 1))) || (Ahead("?.") && IsIdentifierStart(At(i + 2))))
            {
                i += s[i] == '.' ? 1 : 2;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] == '_')) i++;
            }
            else break;
        }
        return HandlerLiterals.Written(s[from..i]).Select(l => (from + l.Start, l.Text)).ToList();
    }

    static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    char NextNonSpace()
    {
        var k = i;
        while (k < s.Length && char.IsWhiteSpace(s[k])) k++;
        return At(k);
    }

    void SkipSpace()
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
    }

    bool Word(string word)
    {
        if (!Ahead(word) || char.IsLetterOrDigit(At(i + word.Length))) return false;
        i += word.Length;
        return true;
    }

    // if (...) { } else if (...) { } else { }, foreach, switch, try/catch/finally, do { } while (...);
    void Statement(string word)
    {
        SkipSpace();
        if (At(i) == '(') Balanced('(', ')');
        SkipSpace();
        if (At(i) == '{') CodeBlock();
        while (true)
        {
            var save = i;
            SkipSpace();
            if (Word("else"))
            {
                SkipSpace();
                if (Word("if")) { SkipSpace(); if (At(i) == '(') Balanced('(', ')'); SkipSpace(); }
                if (At(i) == '{') { CodeBlock(); continue; }
            }
            else if (word == "try" && (Word("catch") || Word("finally")))
            {
                SkipSpace();
                if (At(i) == '(') Balanced('(', ')');
                SkipSpace();
                if (At(i) == '{') { CodeBlock(); continue; }
            }
            else if (word == "do" && Word("while"))
            {
                SkipSpace();
                if (At(i) == '(') Balanced('(', ')');
                SkipSpace();
                if (At(i) == ';') i++;
                return;
            }
            i = save;
            return;
        }
    }

    // C# from '{' to its '}', reading again as markup each element that starts a statement, <text>, @: and @<.
    void CodeBlock()
    {
        // The page's own C# hands text over the way a handler does (ViewData["Title"] = ...): checked as a handler is.
        var start = i;
        codeBlocks++;
        Code();
        if (--codeBlocks > 0) return;
        var firstLine = 1 + s.AsSpan(0, start).Count('\n');
        Found.AddRange(HandlerLiterals.Find(s[start..i]).Select(l => l with { Line = firstLine + l.Line - 1 }));
    }

    void Code()
    {
        i++;
        var depth = 0;
        var last = '{';
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (Ahead("//")) { SkipPast("\n"); continue; }
            if (Ahead("/*")) { SkipPast("*/"); continue; }
            if (c == '@')
            {
                if (At(i + 1) == ':') { i += 2; Markup(End.Line); last = ';'; continue; }
                if (At(i + 1) == '<') { i++; Element(); last = '}'; continue; }
                if (At(i + 1) is '"' or '$') { SkipString(); last = '"'; continue; }
                foreach (var (at, literal) in Transition()) Check(at, "text @(…)", literal);
                last = ';';
                continue;
            }
            if (c is '"' or '$' && StringStarts()) { SkipString(); last = '"'; continue; }
            if (c == '\'') { SkipChar(); last = '\''; continue; }
            if (c == '<' && ElementAt(i + 1) && last is '{' or '}' or ';' or ':')
            {
                Element();
                last = '}';
                continue;
            }
            if (c == '{') depth++;
            if (c == '}' && depth-- == 0) { i++; return; }
            last = c;
            i++;
        }
    }

    // An element inside code: its content is markup up to its end tag.
    void Element()
    {
        if (Ahead("<text>")) { i += "<text>".Length; Markup(End.Tag, "text"); return; }
        var (name, closed) = Tag();
        if (closed) return;
        if (IsRawText(name)) { SkipPast($"</{name}>"); return; }
        if (CodeElements.Contains(name)) { Code(name); return; }
        Markup(End.Tag, name);
    }

    bool StringStarts()
    {
        var k = i;
        while (At(k) is '$' or '@') k++;
        return At(k) == '"';
    }

    // From the opening bracket to its closing one, over C# strings and nested brackets.
    void Balanced(char open, char close)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c is '"' or '$' or '@' && StringStarts()) { SkipString(); continue; }
            if (c == '\'') { SkipChar(); continue; }
            if (c == open) depth++;
            else if (c == close && --depth == 0) { i++; return; }
            i++;
        }
    }

    // A C# string: regular, verbatim (@"), interpolated ($", $@", @$"), or raw ("""), at its first character.
    void SkipString()
    {
        var interpolated = false;
        var verbatim = false;
        while (At(i) is '$' or '@')
        {
            if (s[i] == '$') interpolated = true; else verbatim = true;
            i++;
        }
        if (Ahead("\"\"\""))
        {
            var from = i;
            while (At(i) == '"') i++;
            var quotes = new string('"', i - from);
            SkipPast(quotes);
            return;
        }
        i++;
        while (i < s.Length)
        {
            var c = s[i];
            if (!verbatim && c == '\\') { i += 2; continue; }
            if (c == '"')
            {
                if (verbatim && At(i + 1) == '"') { i += 2; continue; }
                i++;
                return;
            }
            if (interpolated && c == '{')
            {
                if (At(i + 1) == '{') { i += 2; continue; }
                Balanced('{', '}');
                continue;
            }
            if (!verbatim && c == '\n') return;
            i++;
        }
    }

    void SkipChar()
    {
        i++;
        while (i < s.Length && s[i] != '\'' && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
        i++;
    }

    void SkipPast(string marker)
    {
        var at = s.IndexOf(marker, i, StringComparison.Ordinal);
        i = at < 0 ? s.Length : at + marker.Length;
    }

    void Check(int start, string where, string raw)
    {
        var text = Spaces().Replace(WebUtility.HtmlDecode(raw), " ").Trim();
        if (inCodeElement > 0 && where == "text") return;
        if (!text.Any(char.IsLetter)) return;
        var rest = text;
        foreach (var word in allowed.Keys)
        {
            var without = Regex.Replace(rest, $@"(?<![\p{{L}}\p{{M}}]){Regex.Escape(word)}(?![\p{{L}}\p{{M}}])", " ");
            if (without == rest) continue;
            AllowedUsed.Add(word);
            rest = without;
        }
        if (!rest.Any(char.IsLetter)) return;
        var line = 1;
        for (var k = 0; k < start && k < s.Length; k++) if (s[k] == '\n') line++;
        Found.Add(new Literal(line, where, text));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
