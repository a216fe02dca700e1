using System.Text.RegularExpressions;
using Concord.Shared;

namespace Concord.Tests.Rules;

// Every word a reader sees comes from a strings file, in Vietnamese, English and Lao: a page that writes
// "Save" between its tags, a title="Edit", a model error typed as a sentence, a CSV heading, or a key that
// is in no strings file (the reader would see "Commitments.Titel") fails here, naming file, line and text.
public partial class NoLiteralTextInPagesTests
{
    // Words that are the same in every language, each with the reason it may be written as it is.
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Concord"] = "the product's name, written the same in Vietnamese, English and Lao",
    };

    static string Web()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concord.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Concord.slnx not found above the test folder"), "src", "Concord.Web");
    }

    static string Features => Path.Combine(Web(), "Features");

    // The C# that hands text to pages and API answers: the features and the rules they share.
    static IEnumerable<string> CodeFiles() =>
        new[] { Features, Path.Combine(Web(), "Shared") }.SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories)).Order(StringComparer.Ordinal);

    static IEnumerable<string> Pages() => Directory.EnumerateFiles(Features, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    static string Name(string file) => Path.GetRelativePath(Web(), file).Replace('\\', '/');

    static List<Literal> InPage(string razor) => RazorLiterals.Read(razor, Allowed).Found;

    [Fact]
    public void NoPageWritesTextForTheReaderLiterally()
    {
        var pages = Pages().ToList();
        Assert.NotEmpty(pages);
        var found = pages.SelectMany(p => InPage(File.ReadAllText(p)).Select(l => $"{Name(p)}:{l}")).ToList();
        Assert.True(found.Count == 0, $"Text written literally in pages ({found.Count}); put it in a strings file and write @T[\"Key\"]:\n" + string.Join("\n", found));
    }

    [Fact]
    public void NoHandlerHandsLiteralTextToAReader()
    {
        var found = CodeFiles().SelectMany(f => HandlerLiterals.Find(File.ReadAllText(f)).Select(l => $"{Name(f)}:{l}")).ToList();
        Assert.True(found.Count == 0, $"Text handed to readers without the localizer ({found.Count}); pass a key to t[...]:\n" + string.Join("\n", found));
    }

    // CSS can write text too (content: "Page " counter(page) in a print style); it cannot be localised there:
    // a page puts the text in an attribute (data-label="@T[...]") and the style shows it with attr().
    [Fact]
    public void NoStyleSheetWritesText()
    {
        var found = Directory.EnumerateFiles(Path.Combine(Web(), "wwwroot", "css"), "*.css", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllLines(f).Select((line, n) => (file: Name(f), n, line)))
            .Where(l => CssText().IsMatch(CssEscape().Replace(l.line, "")))
            .Select(l => $"{l.file}:{l.n + 1}: {l.line.Trim()}")
            .ToList();
        Assert.True(found.Count == 0, "Text written by a style sheet: " + string.Join("\n", found));
    }

    // A key written in a page or handler but defined in no strings file reaches the reader as the key itself.
    // Any string shaped like a key whose first part is one the strings files use ("Commitments.") counts,
    // so rule keys returned by checks and ErrorMessage keys of validation attributes are covered too. A mail
    // key names a pair: "<key>Subject" and "<key>Body". A key made at run time ($"CommitmentStatus.{s}") must
    // at least begin some key.
    [Fact]
    public void EveryKeyAPageOrHandlerAsksForExists()
    {
        var catalog = StringCatalog.FromDirectory(Features);
        var prefixes = catalog.Entries.Keys.Select(k => k[..k.IndexOf('.')]).ToHashSet(StringComparer.Ordinal);
        bool Exists(string key) => catalog.Entries.ContainsKey(key)
            || (catalog.Entries.ContainsKey(key + "Subject") && catalog.Entries.ContainsKey(key + "Body"));
        var missing = Pages().Concat(CodeFiles())
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => (file: Name(f), key: m.Groups[1].Value)))
            .Where(u => prefixes.Contains(u.key[..u.key.IndexOf('.')]) && !Exists(u.key))
            .Select(u => $"{u.file}: {u.key}");
        // $"CommitmentStatus.{s}": at least one key must start so, or every value is missing. (In Concord every
        // interpolated string of this shape is a key.)
        var families = Pages().Concat(CodeFiles())
            .SelectMany(f => KeyFamily().Matches(File.ReadAllText(f)).Select(m => (file: Name(f), family: m.Groups[1].Value)))
            .Where(u => !catalog.Entries.Keys.Any(k => k.StartsWith(u.family, StringComparison.Ordinal)))
            .Select(u => $"{u.file}: {u.family}{{…}}");
        var all = missing.Concat(families).Distinct().ToList();
        Assert.True(all.Count == 0, "Keys in no strings file: " + string.Join(", ", all));
    }

    // An entry nobody needs any more would let that word through unseen.
    [Fact]
    public void EveryAllowedWordIsStillWrittenInSomePage()
    {
        var used = Pages().SelectMany(p => RazorLiterals.Read(File.ReadAllText(p), Allowed).AllowedUsed).ToHashSet();
        Assert.Empty(Allowed.Keys.Except(used));
    }

    // Proof that the scanner reads every page to its end and does not mistake markup for code: each
    // @T[...] a page writes, replaced by a word (in <text>, which is markup in code as well), is found
    // as a literal where it stands.
    [Fact]
    public void EveryLocalisedTextOfEveryPageWouldBeFoundWereItWrittenLiterally()
    {
        var missed = new List<string>();
        var replaced = 0;
        foreach (var page in Pages())
        {
            var razor = File.ReadAllText(page);
            var n = 0;
            var literal = Localised().Replace(razor, _ => $"<text>Literal{Letters(n++)}</text>");
            replaced += n;
            var found = InPage(literal).SelectMany(l => Placed().Matches(l.Text).Select(m => m.Value)).ToHashSet();
            missed.AddRange(Enumerable.Range(0, n).Select(k => $"Literal{Letters(k)}").Where(w => !found.Contains(w))
                .Select(w => $"{Name(page)}:{1 + literal[..literal.IndexOf(w, StringComparison.Ordinal)].Count(c => c == '\n')}"));
        }
        Assert.True(replaced > 500, $"Only {replaced} @T[...] found in the pages");
        Assert.True(missed.Count == 0, "Not reached by the scanner: " + string.Join(", ", missed));
    }

    static string Letters(int n) => n < 26 ? ((char)('a' + n)).ToString() : Letters(n / 26 - 1) + (char)('a' + n % 26);

    // The scanner itself, on small pages.

    [Theory]
    [InlineData("<p>Hello</p>", "Hello")]
    [InlineData("<p>@T[\"X\"] and more</p>", "and more")]
    [InlineData("<a href=\"/x\" title=\"Edit\">@T[\"Common.Edit\"]</a>", "Edit")]
    [InlineData("<input type=\"search\" placeholder=\"Search the record\">", "Search the record")]
    [InlineData("<img src=\"/a.png\" alt=\"Flag of Laos\">", "Flag of Laos")]
    [InlineData("<nav aria-label=\"Main @T[\"X\"]\"></nav>", "Main")]
    [InlineData("<input type=\"submit\" value=\"Save\" />", "Save")]
    [InlineData("<select><option value=\"\">All</option></select>", "All")]
    [InlineData("<select><!option value=\"1\">Every area</!option></select>", "Every area")]
    [InlineData("@foreach (var a in areas) { <!option value=\"@a\" selected=\"@(a == 1)\">Pick one</!option> }", "Pick one")]
    [InlineData("<details><summary>More</summary></details>", "More")]
    [InlineData("<table><caption>Reports</caption></table>", "Reports")]
    [InlineData("<table><tr><th scope=\"col\">Period</th><td>@T[\"X\"]</td></tr></table>", "Period")]
    [InlineData("<label for=\"x\">Đơn vị chủ trì</label>", "Đơn vị chủ trì")]
    [InlineData("<p>ກອງປະຊຸມ</p>", "ກອງປະຊຸມ")]
    [InlineData("@if (x) { <span>Overdue</span> }", "Overdue")]
    [InlineData("@foreach (var r in rows) { <li>@r.Name <em>new</em></li> }", "new")]
    [InlineData("@if (a) { } else if (b) { } else { <text>None</text> }", "None")]
    [InlineData("@{ var x = 1; } <p>@x items</p>", "items")]
    [InlineData("@switch (k) { case 1: <p>One</p> break; }", "One")]
    [InlineData("@functions { void Row() { <td>Missing</td> } }", "Missing")]
    [InlineData("@{ if (x) {\n@:Nothing yet\n} }", "Nothing yet")]
    [InlineData("<p>Mail hanoi@example.org</p>", "Mail hanoi@example.org")]
    [InlineData("<p title='@T[\"A\"]'>Single-quoted</p>", "Single-quoted")]
    [InlineData("<td>@(row.Done ? \"Done\" : T[\"X\"])</td>", "Done")]
    [InlineData("<td>@(row.Note ?? \"No note\")</td>", "No note")]
    [InlineData("<a title=\"@(x ? \"Open\" : \"\")\">@T[\"X\"]</a>", "Open")]
    [InlineData("@if (x) { @(\"Total: \" + n) }", "Total:")]
    [InlineData("@{\n    ViewData[\"Title\"] = \"Commitments\";\n}", "Commitments")]
    public void ALiteralIsFound(string razor, string text) =>
        Assert.Equal(text, Assert.Single(InPage(razor)).Text);

    [Theory]
    [InlineData("<p>@T[\"X\"]</p>")]
    [InlineData("<a title=\"@T[\"X\"]\" href=\"/x\">@T[\"Y\"]</a>")]
    [InlineData("<a title=\"@T[$\"Language.{culture}\"]\">@T[\"Y\", a, \"b\"]</a>")]
    [InlineData("<span>@(c.Number is null ? T[\"Commitments.X\"].Value : c.Number + \" · \")</span>")]
    [InlineData("<p>(@step.Period) · 2026–2027, 31/12/2026 → × : / &nbsp; &mdash; 100%</p>")]
    [InlineData("@* A comment with words *@<p>@Model.Name</p>")]
    [InlineData("<!-- an HTML comment with words -->")]
    [InlineData("<!DOCTYPE html>")]
    [InlineData("@page \"/commitments/{id:int}\"\n@model Concord.Features.Commitments.DetailsModel\n@using Concord.Features\n@inject IStringLocalizer T")]
    [InlineData("@{ ViewData[\"Title\"] = T[\"Commitments.Title\"]; string Clause(string? n) => n is null ? \"clause\" : n; }")]
    [InlineData("@if (Model.Items.Count > 0 && x < 3) { <ul>@foreach (var i in Model.Items) { <li>@i</li> }</ul> } else { <p>@T[\"None\"]</p> }")]
    [InlineData("<input class=\"form-control\" asp-for=\"Input.Period\" placeholder=\"2026-2027\" value=\"Hello\" />")]
    [InlineData("<button class=\"btn\" type=\"submit\" name=\"handler\" value=\"Verify\">@T[\"Common.Save\"]</button>")]
    [InlineData("<script src=\"/x.js\"></script><style>p { content: 'words'; }</style>")]
    [InlineData("<a href=\"mailto:someone@example.org\">@T[\"X\"]</a>")]
    [InlineData("<title>@ViewData[\"Title\"] · Concord</title>")]
    [InlineData("<partial name=\"_Visibility\" model=\"@(new VisibilityField(\"Input.Visibility\", Model.Input.Visibility))\" />")]
    [InlineData("<div class=\"audit-line@(line.IsLong ? \" audit-long\" : \"\")\" data-kind=\"@line.Kind\"></div>")]
    [InlineData("@{ var list = new List<string> { \"a\" }; var d = new Dictionary<string, int>(); }<p>@list.Count</p>")]
    [InlineData("<p>@c.Number.</p>")]
    [InlineData("<td>@n.ToString(\"N0\") @ViewData[\"Title\"] @Model.Errors.GetValueOrDefault(\"period\")</td>")]
    [InlineData("<div class=\"@(row.Disagree ? \"disagree\" : \"\")\">@Html.ValidationMessage(Model.Name, null, new { @class = \"text-danger small\" })</div>")]
    [InlineData("<p>@@</p>")]
    [InlineData("<p>@T[\"Tokens.UseHint\"] <code>Authorization: Bearer @(Model.NewToken[..12])…</code></p>")]
    public void NoLiteralIsFound(string razor) =>
        Assert.Empty(InPage(razor));

    [Fact]
    public void ALiteralIsReportedOnItsLine() =>
        Assert.Equal(4, Assert.Single(InPage("@{\n}\n<div>\n   <p>@T[\"A\"]</p> Save\n</div>")).Line);

    [Theory]
    [InlineData("ModelState.AddModelError(\"\", \"The dates are wrong.\");", "The dates are wrong.")]
    [InlineData("ModelState.AddModelError(nameof(To), $\"Date {To} is before {From}\");", "Date {…} is before {…}")]
    [InlineData("TempData[\"Message\"] = \"Saved.\";", "Saved.")]
    [InlineData("ViewData[\"Title\"] = (number is null ? \"Clause\" : number) + T[\"X\"];", "Clause")]
    [InlineData("return TypedResults.Problem(\"Not allowed\", statusCode: 403);", "Not allowed")]
    [InlineData("return Results.Problem(title: \"Stale\", statusCode: 409, type: \"https://concord.example/stale\");", "Stale")]
    [InlineData("ProblemDetails = { Status = 401, Title = \"The token was refused.\" },", "The token was refused.")]
    [InlineData("return await CsvAsync(\"security\", [\"time_utc\", t[\"Audit.Kind\"]], rows, ct);", "time_utc")]
    [InlineData("var html = new HtmlContentBuilder(); html.Append(\"with \");", "with ")]
    [InlineData("html.AppendHtml(\"<span title=\\\"Original\\\">(\");", "Original")]
    [InlineData("return new HtmlString($\"<em>{name}</em> edited\");", "edited")]
    public void ALiteralHandedToAReaderIsFound(string code, string text) =>
        Assert.Equal(text, Assert.Single(HandlerLiterals.Find(code)).Text);

    [Theory]
    [InlineData("ModelState.AddModelError(\"Input.Role\", t[\"AccountAdmin.Error.CannotDemoteSelf\"]);")]
    [InlineData("ModelState.AddModelError(nameof(Code), t[Recovery ? \"Accounts.RecoveryCodeRefused\" : \"Accounts.CodeRefused\"]);")]
    [InlineData("ModelState.AddModelError(field, string.Format(t[\"Tokens.ScopeRefused\"], string.Join(\", \", refused.Select(s => t[$\"Tokens.Scope.{s}\"].Value))));")]
    [InlineData("modelState.AddModelError(field.Key, string.Join(\" \", field.Select(e => Message(e, t))));")]
    [InlineData("// ModelState.AddModelError(\"\", \"a sentence in a comment\");")]
    [InlineData("TypedResults.Problem(t[\"Common.Conflict\"], statusCode: 409, extensions: new Dictionary<string, object?> { [\"currentVersion\"] = v });")]
    [InlineData("return await CsvAsync(\"security\", [Strings[\"Audit.Csv.Time\"], Strings[\"Audit.Kind\"]], rows, ct);")]
    [InlineData("var s = \"a \\\"quoted\\\" AddModelError(\\\"\\\", \\\"x\\\")\"; var c = '(';")]
    [InlineData("var log = new StringBuilder(); log.Append(\"Demo accounts made for this database\");")]
    [InlineData("var html = new HtmlContentBuilder(); html.AppendHtml($\"<a href=\\\"/organisations/{id}\\\" title=\\\"{Encoder.Encode(name)}\\\">\").Append(t[\"Activities.With\"] + \" \");")]
    public void LocalisedTextHandedToAReaderIsNotFound(string code) =>
        Assert.Empty(HandlerLiterals.Find(code));

    // @T["Key"], @T[$"Key.{x}"], @T["Key", a[0]]: one level of brackets inside.
    [GeneratedRegex(@"@T\[(?:[^\[\]]|\[[^\]]*\])*\]")]
    private static partial Regex Localised();

    [GeneratedRegex(@"\$""([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\.)\{[^{}""]+\}""")]
    private static partial Regex KeyFamily();

    // content: "Page " or content: 'Original', not content: "" or content: "→".
    [GeneratedRegex(@"content\s*:[^;]*([""'])[^""']*\p{L}[^""']*\1")]
    private static partial Regex CssText();

    // \201C is a quotation mark, not the letter C.
    [GeneratedRegex(@"\\[0-9A-Fa-f]{1,6}")]
    private static partial Regex CssEscape();

    [GeneratedRegex("Literal[a-z]+")]
    private static partial Regex Placed();

    [GeneratedRegex("\"([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"")]
    private static partial Regex Key();
}
