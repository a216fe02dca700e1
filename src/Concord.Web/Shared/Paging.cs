using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Concord.Shared;

// Keyset paging: a page ends with a cursor that names the last row's sort value and id,
// and the next page asks for rows after it. Offsets would scan every skipped row.
public static class Cursor
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static string Encode(string sortValue, int id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sortValue}|{id}")));

    public static bool TryDecode(string? cursor, out string sortValue, out int id)
    {
        sortValue = "";
        id = 0;
        if (string.IsNullOrEmpty(cursor)) return false;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var bar = text.LastIndexOf('|');
            if (bar < 0 || !int.TryParse(text.AsSpan(bar + 1), NumberStyles.None, CultureInfo.InvariantCulture, out id)) return false;
            sortValue = text[..bar];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static int Size(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);
}

public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

// Links for a keyset-paged list: keep every filter, replace only the cursor.
public sealed record PagerModel(HttpRequest Request, string? Next)
{
    public bool IsLaterPage => Request.Query.ContainsKey("after");
    public string NextUrl => With(Next);
    public string FirstUrl => With(null);

    string With(string? after)
    {
        var query = Request.Query
            .Where(kv => kv.Key != "after")
            .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
            .ToList();
        if (after is not null) query.Add(new("after", after));
        return Request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }
}
