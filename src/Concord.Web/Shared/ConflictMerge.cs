using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Concord.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

// The label a field has on its form, reused by the conflict table: a string key and, for one language
// of a text kept in several, that language ("Organisations.Name" + "vi" reads "Tên (tiếng Việt)").
[AttributeUsage(AttributeTargets.Property)]
public sealed class FieldLabelAttribute(string key, string? language = null) : Attribute
{
    public string Key { get; } = key;
    public string? Language { get; } = language;
}

// What an edit form posts besides its Input, for the conflict table (Features/Shared/_Conflict.cshtml).
public sealed class MergeForm
{
    public const string Saved = "saved";
    public const string Mine = "mine";

    // A fingerprint of each value as the editor loaded it, so that the table can tell the fields the user
    // changed from those only the other person changed. Only decides which choice starts selected.
    public string? Loaded { get; set; }
    // The saved version the table showed: the merge is saved against it, so a third save in between is refused too.
    public int? Version { get; set; }
    // Per field name: "saved" keeps the saved value; "mine" (or nothing) takes the user's.
    public Dictionary<string, string> Choices { get; set; } = [];
    [BindNever] public ConflictView? Conflict { get; set; }
    // Why the table is shown (a key): a warning above it, not an error, since nothing the user typed is wrong.
    [BindNever] public string? Message { get; set; }
}

// One field that differs: its saved value and the user's, both as a reader sees them ("" when empty).
public sealed record ConflictRow(string Property, string Label, string Saved, string Mine, bool ChangedByYou);

public sealed record ConflictView(int Version, string SavedBy, DateTime? SavedAt, IReadOnlyList<ConflictRow> Rows)
{
    // Both sides keep Indochina Time (UTC+7), so a time means the same thing in Hanoi and in Vientiane.
    public string SavedAtText => SavedAt is { } at
        ? DateTime.SpecifyKind(at, DateTimeKind.Utc).AddHours(7).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) + " (UTC+7)"
        : "";
}

// A save refused because someone saved the record after the editor opened it is not a dead end: the page
// shows both versions of every field that differs, the user picks one of each, and the merge is saved
// on top of the version now saved. Written once over the Input classes (strings, numbers, enums, bools,
// lists of ids), so each edit page needs only to load the current record and name its ids.
public static class ConflictMerge
{
    // Saves; false when the save was refused because the record changed after the editor loaded it.
    // Nothing was saved then, and the tracker is cleared so the caller can read the current version.
    public static async Task<bool> TrySaveAsync(this ConcordDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    // The API's answer to a stale PUT: 409 problem details carrying the current version and the record as
    // GET returns it, so that a script can re-apply its change to what is saved now.
    public static ProblemHttpResult Stale(IStringLocalizer t, int? currentVersion, object? current) =>
        TypedResults.Problem(t["Common.Conflict"], statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion, ["current"] = current });

    // After a refused save of `current`: the table of every field where `mine` (what the user submitted)
    // differs from `saved` (current's Input), headed by whoever saved last, and the message above the form.
    // `name` names an id of a property ending in Id or Ids (null: shown as "#id").
    public static async Task ShowConflictAsync<TRecord, TInput>(this PageModel page, ConcordDb db, MergeForm form,
        TRecord current, TInput saved, TInput mine, Func<string, int, string?> name, IStringLocalizer t, CancellationToken ct) where TRecord : Record
    {
        var recordType = typeof(TRecord).Name;
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.RecordType == recordType && a.RecordId == current.Id)
            .OrderByDescending(a => a.Id).Select(a => new { a.ActorName, a.At }).FirstOrDefaultAsync(ct);
        // A form that already showed a table (it posts the version the table was based on) was overtaken again.
        // Not a model error: the merge screen used to open with the red "please correct the errors" banner
        // when nothing the user typed was wrong. The reason is the table's own heading instead.
        form.Message = form.Version is null ? "Conflict.NotSaved" : "Conflict.SavedAgain";
        form.Conflict = new ConflictView(current.Version, last?.ActorName ?? "", last?.At, Compare(saved, mine, form.Loaded, name, t));
    }

    public static List<ConflictRow> Compare<T>(T saved, T mine, string? loaded, Func<string, int, string?> name, IStringLocalizer t)
    {
        var before = ParseFingerprint(loaded);
        var rows = new List<ConflictRow>();
        foreach (var p in Fields<T>.All)
        {
            var savedKey = Key(p.GetValue(saved));
            var mineKey = Key(p.GetValue(mine));
            if (savedKey == mineKey) continue;
            // Without a fingerprint every difference counts as the user's: their value is the default.
            var changedByYou = before is null || !before.TryGetValue(p.Name, out var was) || was != Hash(mineKey);
            rows.Add(new ConflictRow(p.Name, Label(p, t), Show(p, p.GetValue(saved), name, t), Show(p, p.GetValue(mine), name, t), changedByYou));
        }
        return rows;
    }

    // The merge on the PageModel: when the table's version is still the saved one, Input becomes the saved
    // values with the user's wherever they chose theirs (or made no choice), based on the saved version and
    // validated again. Otherwise (saved again meanwhile, or the form itself is invalid) the user's values are
    // returned untouched: the save that follows is refused or shows the errors, and nothing typed is lost.
    public static T MergeOnto<T>(this PageModel page, MergeForm form, T saved, int savedVersion, T mine) where T : class, new()
    {
        if (form.Version != savedVersion || !page.ModelState.IsValid) return mine;
        var merged = new T();
        foreach (var p in Fields<T>.Writable)
        {
            var keepSaved = form.Choices.TryGetValue(p.Name, out var choice) && choice == MergeForm.Saved;
            p.SetValue(merged, p.GetValue(keepSaved ? saved : mine));
        }
        Fields<T>.Version?.SetValue(merged, savedVersion);
        form.Loaded = Fingerprint(saved);
        // The form shows the merged values, not what was posted, and is checked as the merge it now is.
        page.ModelState.Clear();
        page.TryValidateModel(merged, "Input");
        return merged;
    }

    public static string Fingerprint<T>(T input) =>
        string.Join(' ', Fields<T>.All.Select(p => $"{p.Name}:{Hash(Key(p.GetValue(input)))}"));

    static Dictionary<string, string>? ParseFingerprint(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (part.Split(':') is [var field, var hash]) result[field] = hash;
        return result;
    }

    static string Hash(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 4);

    // Two values are the same when a reader would say so: blank is empty, line endings and surrounding
    // spaces do not count, 1.50 is 1.5, and a list is a set.
    static string Key(object? value) => value switch
    {
        null => "",
        string s => Normalize(s) ?? "",
        decimal d => d.ToString("0.############################", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        Enum e => e.ToString(),
        IEnumerable<int> ids => string.Join(',', ids.Distinct().Order()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string? Normalize(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Replace("\r\n", "\n").Trim();

    static string Show(PropertyInfo p, object? value, Func<string, int, string?> name, IStringLocalizer t)
    {
        string Named(int id) => name(p.Name, id) ?? $"#{id}";
        var isId = p.Name.EndsWith("Id", StringComparison.Ordinal) || p.Name.EndsWith("Ids", StringComparison.Ordinal);
        var culture = CultureInfo.CurrentCulture;
        return value switch
        {
            null => "",
            string s => Normalize(s) ?? "",
            bool b => t[b ? "Common.Yes" : "Common.No"],
            Enum e => t[$"{e.GetType().Name}.{e}"] is { ResourceNotFound: false } text ? text.Value : e.ToString(),
            int id when isId => Named(id),
            IEnumerable<int> ids => string.Join('\n', ids.Distinct().Select(Named).Order(Collation.Current)),
            decimal d => d.ToString("#,##0.############################", culture),
            IFormattable f => f.ToString(null, culture),
            _ => value.ToString() ?? "",
        };
    }

    static string Label(PropertyInfo p, IStringLocalizer t) => p.GetCustomAttribute<FieldLabelAttribute>() is { } label
        ? label.Language is { } language ? $"{t[label.Key]} ({t[$"LanguageName.{language}"]})" : t[label.Key]
        : p.Name;

    // The fields of an Input compared and merged: every public property but the version, which is bookkeeping.
    static class Fields<T>
    {
        public static readonly PropertyInfo[] Writable = WritableOf(typeof(T));
        public static readonly PropertyInfo[] All = ComparedFields(typeof(T)).ToArray();
        public static readonly PropertyInfo? Version = typeof(T).GetProperty(nameof(Record.Version), typeof(int));
    }

    // A property the form cannot bind ([BindNever]: the record a report is on, from the address) is not the user's to merge.
    static PropertyInfo[] WritableOf(Type type) => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != nameof(Record.Version)
            && p.GetCustomAttribute<BindNeverAttribute>() is null).ToArray();

    // The properties a conflict table compares (a test checks that each has a label).
    public static IEnumerable<PropertyInfo> ComparedFields(Type inputType) => WritableOf(inputType).Where(p => IsComparable(p.PropertyType));

    static bool IsComparable(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || (t.IsGenericType && typeof(IEnumerable<int>).IsAssignableFrom(t));
    }
}
