#:property PublishAot=false
// Adds a language to the interface strings (Features/**/*.strings.json) in two steps, so a
// translation pass can be repeated whenever new keys arrive:
//
//   dotnet run tools/lao-strings/lao-strings.cs -- worksheet src/Concord.Web/Features lao.json
//       writes every key that has no "lo" yet, with its file, Vietnamese and English and an empty "lo";
//   (the translator fills in "lo" in lao.json)
//   dotnet run tools/lao-strings/lao-strings.cs -- apply src/Concord.Web/Features lao.json
//       writes each filled-in "lo" into its strings file and flags it "unreviewed": ["lo"].
//
// Add `--language xx` for another language. Apply edits the files as text, beside the key's English,
// keeping each file's layout (one line per key or one line per language), so a review diff shows only
// the new lines. It refuses a key that already has the language (a reviewed text is edited by hand)
// and a translation whose {0} placeholders differ from the Vietnamese.
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

var positional = new List<string>();
var language = "lo";
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--language" && i + 1 < args.Length) language = args[++i];
    else positional.Add(args[i]);
}
if (positional.Count != 3 || positional[0] is not ("worksheet" or "apply"))
{
    Console.Error.WriteLine("usage: lao-strings (worksheet|apply) <Features folder> <worksheet.json> [--language lo]");
    return 2;
}
var (command, root, sheet) = (positional[0], positional[1], positional[2]);
var json = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
var files = Directory.EnumerateFiles(root, "*.strings.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

if (command == "worksheet")
{
    var missing = new SortedDictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
    foreach (var file in files)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            if (entry.Value.TryGetProperty(language, out var have) && have.GetString() is { Length: > 0 }) continue;
            missing[entry.Name] = new()
            {
                ["file"] = Path.GetRelativePath(root, file).Replace('\\', '/'),
                ["vi"] = entry.Value.TryGetProperty("vi", out var vi) ? vi.GetString() ?? "" : "",
                ["en"] = entry.Value.TryGetProperty("en", out var en) ? en.GetString() ?? "" : "",
                [language] = "",
            };
        }
    }
    File.WriteAllText(sheet, JsonSerializer.Serialize(missing, json) + "\n");
    Console.WriteLine($"{missing.Count} keys without \"{language}\" written to {sheet}.");
    return 0;
}

var translations = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(sheet))
    ?? throw new InvalidOperationException("Empty worksheet");
var todo = translations
    .Where(t => !string.IsNullOrWhiteSpace(t.Value.GetValueOrDefault(language)))
    .ToDictionary(t => t.Key, t => t.Value[language].Trim(), StringComparer.Ordinal);
var problems = new List<string>();
var applied = 0;
foreach (var file in files)
{
    var text = File.ReadAllText(file);
    using (var doc = JsonDocument.Parse(text))
    {
        var keys = doc.RootElement.EnumerateObject().Where(e => todo.ContainsKey(e.Name)).ToList();
        if (keys.Count == 0) continue;
        foreach (var entry in keys)
        {
            var translated = todo[entry.Name];
            todo.Remove(entry.Name);
            if (entry.Value.TryGetProperty(language, out var have) && have.GetString() is { Length: > 0 })
            {
                problems.Add($"{entry.Name}: already has \"{language}\" (edit the file by hand to change a translation)");
                continue;
            }
            if (entry.Value.TryGetProperty("unreviewed", out _))
            {
                problems.Add($"{entry.Name}: already has an \"unreviewed\" list (add \"{language}\" by hand)");
                continue;
            }
            var vi = entry.Value.TryGetProperty("vi", out var v) ? v.GetString() ?? "" : "";
            if (Holes(vi) != Holes(translated))
            {
                problems.Add($"{entry.Name}: placeholders {Holes(translated)} differ from the Vietnamese {Holes(vi)}");
                continue;
            }
            text = Insert(text, entry.Name, $"\"{language}\": {JsonSerializer.Serialize(translated, json)}", $"\"unreviewed\": [\"{language}\"]");
            applied++;
        }
    }
    using (JsonDocument.Parse(text)) { } // never write a file the app could not read
    File.WriteAllText(file, text, new UTF8Encoding(false));
}
problems.AddRange(todo.Keys.Select(k => $"{k}: no such key in any strings file"));
Console.WriteLine($"{applied} translations written, flagged \"unreviewed\": [\"{language}\"].");
foreach (var p in problems) Console.Error.WriteLine(p);
return problems.Count == 0 ? 0 : 1;

static string Holes(string s) => Regex.Matches(s, @"\{\d+\}").Select(m => m.Value).Distinct().Order() is var holes && holes.Any() ? string.Join(",", holes) : "(none)";

// Adds properties at the end of the key's object, in the layout the object already has.
static string Insert(string text, string key, params string[] properties)
{
    var start = Regex.Match(text, Regex.Escape(JsonSerializer.Serialize(key)) + @"\s*:\s*\{");
    if (!start.Success) throw new InvalidOperationException($"{key} not found as text");
    var close = ClosingBrace(text, start.Index + start.Length);
    var last = close - 1;
    while (char.IsWhiteSpace(text[last])) last--;
    var body = text[(start.Index + start.Length)..close];
    string addition;
    if (body.Contains('\n'))
    {
        var lineStart = text.LastIndexOf('\n', last) + 1;
        var indent = text[lineStart..][..(text[lineStart..].Length - text[lineStart..].TrimStart(' ', '\t').Length)];
        addition = string.Concat(properties.Select(p => $",\n{indent}{p}"));
    }
    else
    {
        addition = string.Concat(properties.Select(p => $", {p}"));
    }
    return text.Insert(last + 1, addition);
}

static int ClosingBrace(string text, int from)
{
    var inString = false;
    for (var i = from; i < text.Length; i++)
    {
        var c = text[i];
        if (inString)
        {
            if (c == '\\') i++;
            else if (c == '"') inString = false;
        }
        else if (c == '"') inString = true;
        else if (c == '}') return i;
    }
    throw new InvalidOperationException("Unclosed object");
}
