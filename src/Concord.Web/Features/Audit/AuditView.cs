using System.Globalization;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Attachments;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Audit;

// Audit entries as a reader reads them: field names in the reader's language, ids of organisations,
// people, instruments... as names, statuses as words, dates with the precision they are known to.
// Names are read once per type for a whole page, through the visibility filter: a record the reader
// may not see stays a bare number.
public static class AuditView
{
    public sealed record Row(long Id, DateTime At, string Actor, AuditAction Action, RecordRef Record, IReadOnlyList<Line> Lines);

    public enum LineKind { Field, Added, Removed }

    // Before is null for a value set on creation or a link added; After is null on deletion or for a link removed.
    public sealed record Line(string Label, string? Before, string? After, LineKind Kind)
    {
        // Paragraphs read better one above the other than side by side.
        public bool IsLong => (Before?.Length ?? 0) + (After?.Length ?? 0) > 80 || (Before ?? "").Contains('\n') || (After ?? "").Contains('\n');
    }

    // Url: the record's page, when it has one and the reader may see it. OwnerId: a progress report's commitment.
    public sealed record RecordRef(string Type, int Id, string Name, string? Url, int? OwnerId = null);

    // The feature segment of a history address (/commitments/12/history) and the record type it shows.
    public static readonly IReadOnlyDictionary<string, string> Features = new Dictionary<string, string>
    {
        ["organisations"] = nameof(Organisation),
        ["people"] = nameof(Person),
        ["instruments"] = nameof(Instrument),
        ["meetings"] = nameof(Meeting),
        ["commitments"] = nameof(Commitment),
        ["activities"] = nameof(Activity),
    };

    // Every type the trail records, in the order the change log offers them.
    public static readonly string[] RecordTypes =
        [nameof(Instrument), nameof(Meeting), nameof(Commitment), nameof(ProgressReport), nameof(Activity), nameof(Attachment), nameof(Organisation), nameof(Person), nameof(Term), nameof(Account)];

    public static string? HistoryUrl(RecordRef record) => record.Type switch
    {
        nameof(ProgressReport) => record.OwnerId is { } commitment ? $"/commitments/{commitment}/reports/{record.Id}/history" : null,
        nameof(Term) or nameof(Account) => null,
        _ => Features.FirstOrDefault(f => f.Value == record.Type).Key is { } feature ? $"/{feature}/{record.Id}/history" : null,
    };

    // Properties holding another record's id, and that record's type.
    static readonly Dictionary<string, string> References = new()
    {
        ["OrganisationId"] = nameof(Organisation), ["ParentId"] = nameof(Organisation), ["SuccessorId"] = nameof(Organisation),
        ["PersonId"] = nameof(Person),
        ["InstrumentId"] = nameof(Instrument), ["ToId"] = nameof(Instrument),
        ["CommitmentId"] = nameof(Commitment), ["CarriedOverFromId"] = nameof(Commitment),
        ["MeetingId"] = nameof(Meeting), ["PreparesId"] = nameof(Meeting),
        ["KindId"] = nameof(Term), ["AreaId"] = nameof(Term),
    };

    // Fields in the order the record's page reads, each language in the order of LocalizedText.Languages;
    // any other field after them.
    static readonly string[] Order =
    [
        "Key", "Name", "Title", "Text", "Narrative", "Position", "Abbreviation", "DisplayName", "Email", "UserName", "Role",
        "Number", "Sequence", "KindId", "AreaId", "Status", "Country", "OrganisationId", "InstrumentId", "CommitmentId", "MeetingId",
        "ParentId", "SuccessorId", "SucceededOn", "PreparesId", "CarriedOverFromId",
        "SignedOn", "InForceFrom", "ExpiresOn", "StartsOn", "EndsOn", "DateNote", "PeriodStart", "PeriodEnd", "DueOn", "ReportedOn",
        "Place", "IsOnline", "Agenda", "Summary", "Description",
        "PeopleCount", "WomenCount", "PeopleTotal", "PeopleWomen", "PeopleMen", "ValueAmount", "ValueCurrency", "ValueIsLowerBound",
        "EvidenceLinks", "Note", "Sources", "Visibility", "RestrictedTo", "IsIllustrative",
    ];

    static (int, int, string) ReadingOrder(string path)
    {
        var dot = path.IndexOf('.');
        var property = dot < 0 ? path : path[..dot];
        var index = Array.IndexOf(Order, property);
        var language = dot < 0 ? -1 : Array.IndexOf(LocalizedText.Languages, path[(dot + 1)..].ToLowerInvariant());
        return (index < 0 ? Order.Length : index, language, path);
    }

    static readonly HashSet<string> Dates = ["SignedOn", "InForceFrom", "ExpiresOn", "StartsOn", "EndsOn", "DueOn", "ReportedOn", "SucceededOn"];
    const string Precision = "Precision";

    public static async Task<RecordRef?> FindAsync(ConcordDb db, IStringLocalizer t, string type, int id, CancellationToken ct)
    {
        var names = await ResolveAsync(db, t, [(type, id)], ct);
        return names.GetValueOrDefault((type, id));
    }

    public static async Task<List<Row>> ReadAsync(ConcordDb db, IStringLocalizer t, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (Entry: e, Changes: AuditTrail.Read(e.Changes))).ToList();
        var wanted = new List<(string, int)>();
        foreach (var (entry, changes) in parsed)
        {
            wanted.Add((entry.RecordType, entry.RecordId));
            foreach (var (name, pair) in changes.Fields ?? [])
                if (References.TryGetValue(name, out var type))
                    wanted.AddRange(pair.Select(Int).OfType<int>().Select(id => (type, id)));
            foreach (var item in Items(changes.Added).Concat(Items(changes.Removed)))
                foreach (var property in item.EnumerateObject())
                    if (References.TryGetValue(property.Name, out var type) && Int(property.Value) is { } id)
                        wanted.Add((type, id));
        }
        var names = await ResolveAsync(db, t, wanted, ct);
        RecordRef Ref(string type, int id) => names.GetValueOrDefault((type, id)) ?? new RecordRef(type, id, $"#{id}", null);

        return [.. parsed.Select(p => new Row(
            p.Entry.Id,
            p.Entry.At,
            Actor(p.Entry, t),
            p.Entry.Action,
            Ref(p.Entry.RecordType, p.Entry.RecordId),
            Lines(p.Entry, p.Changes, Ref, t)))];
    }

    static string Actor(AuditEntry entry, IStringLocalizer t) => entry.AccountId is null
        ? entry.ActorName switch { "system" => t["Audit.System"].Value, "anonymous" => t["Audit.Anonymous"].Value, var name => name }
        : entry.ActorName;

    static List<Line> Lines(AuditEntry entry, AuditTrail.AuditChanges changes, Func<string, int, RecordRef> names, IStringLocalizer t)
    {
        var lines = new List<Line>();
        var fields = changes.Fields ?? [];
        foreach (var (name, pair) in fields.OrderBy(f => ReadingOrder(f.Key)))
        {
            // A date's precision is shown as part of the date.
            if (name.EndsWith(Precision) && fields.ContainsKey(name[..^Precision.Length])) continue;
            fields.TryGetValue(name + Precision, out var precision);
            var before = Format(entry.RecordType, null, name, pair.ElementAtOrDefault(0), precision?.ElementAtOrDefault(0), names, t);
            var after = Format(entry.RecordType, null, name, pair.ElementAtOrDefault(1), precision?.ElementAtOrDefault(1), names, t);
            if (entry.Action == AuditAction.Created) before = null;
            if (entry.Action == AuditAction.Deleted) after = null;
            if (before is null && after is null) continue;
            lines.Add(new Line(Label(name, t), before, after, LineKind.Field));
        }
        foreach (var part in (changes.Removed?.Keys ?? Enumerable.Empty<string>()).Union(changes.Added?.Keys ?? Enumerable.Empty<string>()))
        {
            var label = t[$"Audit.Part.{part}"] is { ResourceNotFound: false } found ? found.Value : part;
            foreach (var item in Items(changes.Removed, part))
                lines.Add(new Line(label, Item(entry.RecordType, part, item, names, t), null, LineKind.Removed));
            foreach (var item in Items(changes.Added, part))
                lines.Add(new Line(label, null, Item(entry.RecordType, part, item, names, t), LineKind.Added));
        }
        return lines;
    }

    // "Title.Vi" reads "Title (Vietnamese)"; a path without a string of its own is shown as it is.
    static string Label(string path, IStringLocalizer t)
    {
        var dot = path.IndexOf('.');
        var (property, language) = dot < 0 ? (path, null) : (path[..dot], path[(dot + 1)..].ToLowerInvariant());
        var label = t[$"Audit.Field.{property}"];
        if (label.ResourceNotFound) return path;
        return language is null ? label.Value : $"{label.Value} ({t[$"LanguageName.{language}"].Value})";
    }

    // A link reads as the record it points to, with what qualifies it: "MLSW (Laos)", "Agreement 2013 (Implements)".
    static string Item(string recordType, string part, JsonElement item, Func<string, int, RecordRef> names, IStringLocalizer t)
    {
        var main = new List<string>();
        var qualifiers = new List<string>();
        foreach (var property in item.EnumerateObject())
        {
            var text = Format(recordType, part, property.Name, property.Value, null, names, t);
            if (text is null) continue;
            (References.ContainsKey(property.Name) ? main : qualifiers).Add(text);
        }
        var head = string.Join(", ", main);
        return qualifiers.Count == 0 ? head : $"{head} ({string.Join(", ", qualifiers)})";
    }

    static string? Format(string recordType, string? part, string name, object? raw, object? precision, Func<string, int, RecordRef> names, IStringLocalizer t)
    {
        if (raw is not JsonElement value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (References.TryGetValue(name, out var type) && Int(value) is { } id) return names(type, id).Name;
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return t["Common.Yes"].Value;
            case JsonValueKind.False: return t["Common.No"].Value;
            case JsonValueKind.Number:
                var culture = CultureInfo.CurrentCulture;
                if (name.EndsWith("Amount") && value.TryGetDecimal(out var amount)) return amount.ToString(amount % 1 == 0 ? "N0" : "N2", culture);
                if ((name.StartsWith("People") || name.EndsWith("Count")) && value.TryGetInt64(out var count)) return count.ToString("N0", culture);
                return value.GetRawText();
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (Dates.Contains(name) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    var known = precision is JsonElement { ValueKind: JsonValueKind.String } p && Enum.TryParse<DatePrecision>(p.GetString(), out var parsed) ? parsed : DatePrecision.Day;
                    return new PartialDate(day, known).Format(CultureInfo.CurrentCulture);
                }
                if (name == "LockoutEnd" && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var until))
                    return AuditTime.Format(until.UtcDateTime);
                if (EnumKey(recordType, part, name, text) is { } key && t[key] is { ResourceNotFound: false } word) return word.Value;
                return text;
            default:
                return value.GetRawText();
        }
    }

    static string? EnumKey(string recordType, string? part, string name, string value) => (recordType, part, name) switch
    {
        (nameof(Instrument), null, "Status") => $"InstrumentStatus.{value}",
        (_, null, "Status") => $"CommitmentStatus.{value}",
        (_, null, "Visibility") => $"Visibility.{value}",
        (nameof(Account), null, "Role") => $"Role.{value}",
        (nameof(Attachment), null, "RecordType") => $"Audit.Type.{value}",
        (_, "Organisations", "Role") => $"Activities.Role.{value}",
        (_, "Links", "Kind") => $"InstrumentLink.{value}.Out",
        (_, _, "Country" or "RestrictedTo") => $"Common.Country.{value}",
        _ => null,
    };

    static int? Int(object? value) => value is JsonElement { ValueKind: JsonValueKind.Number } e && e.TryGetInt32(out var i) ? i : null;

    static IEnumerable<JsonElement> Items(Dictionary<string, List<object>>? parts, string? only = null) =>
        (parts ?? []).Where(p => only is null || p.Key == only).SelectMany(p => p.Value).OfType<JsonElement>().Where(e => e.ValueKind == JsonValueKind.Object);

    // One query per type for the whole page, through the visibility filter. A withdrawn record keeps its
    // history and its name in the logs: only the withdrawal filter is lifted.
    static async Task<Dictionary<(string Type, int Id), RecordRef>> ResolveAsync(ConcordDb db, IStringLocalizer t, IEnumerable<(string Type, int Id)> wanted, CancellationToken ct)
    {
        var language = Cultures.Language;
        string Text(string? vi, string? en, string? lo) => Short(new LocalizedText(vi, en, lo).Best(language).Text);
        var found = new Dictionary<(string, int), RecordRef>();
        void Add(string type, int id, string name, string? url, int? owner = null) => found[(type, id)] = new RecordRef(type, id, name, url, owner);

        foreach (var group in wanted.GroupBy(w => w.Type, w => w.Id))
        {
            var ids = group.Distinct().ToList();
            switch (group.Key)
            {
                case nameof(Organisation):
                    foreach (var o in await db.Organisations.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name.Vi, x.Name.En, x.Name.Lo }).ToListAsync(ct))
                        Add(group.Key, o.Id, Text(o.Vi, o.En, o.Lo), $"/organisations/{o.Id}");
                    break;
                case nameof(Person):
                    foreach (var p in await db.People.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.OrganisationId }).ToListAsync(ct))
                        Add(group.Key, p.Id, p.Name, p.OrganisationId is { } org ? $"/organisations/{org}" : null);
                    break;
                case nameof(Instrument):
                    foreach (var i in await db.Instruments.IgnoreQueryFilters([VisibilityRule.Withdrawn]).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title.Vi, x.Title.En, x.Title.Lo }).ToListAsync(ct))
                        Add(group.Key, i.Id, Text(i.Vi, i.En, i.Lo), $"/instruments/{i.Id}");
                    break;
                case nameof(Meeting):
                    foreach (var m in await db.Meetings.IgnoreQueryFilters([VisibilityRule.Withdrawn]).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title.Vi, x.Title.En, x.Title.Lo }).ToListAsync(ct))
                        Add(group.Key, m.Id, Text(m.Vi, m.En, m.Lo), $"/meetings/{m.Id}");
                    break;
                case nameof(Commitment):
                    foreach (var c in await db.Commitments.IgnoreQueryFilters([VisibilityRule.Withdrawn]).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Number, x.Text.Vi, x.Text.En, x.Text.Lo }).ToListAsync(ct))
                        Add(group.Key, c.Id, (c.Number is null ? "" : c.Number + " · ") + Text(c.Vi, c.En, c.Lo), $"/commitments/{c.Id}");
                    break;
                case nameof(ProgressReport):
                    foreach (var r in await db.ProgressReports.IgnoreQueryFilters([VisibilityRule.Withdrawn]).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.CommitmentId, x.Country, x.PeriodStart, x.PeriodEnd }).ToListAsync(ct))
                        Add(group.Key, r.Id, t["Audit.ReportName", t[$"Common.Country.{r.Country}"].Value, new Period(r.PeriodStart, r.PeriodEnd).ToString()], $"/commitments/{r.CommitmentId}", r.CommitmentId);
                    break;
                case nameof(Activity):
                    foreach (var a in await db.Activities.IgnoreQueryFilters([VisibilityRule.Withdrawn]).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Title.Vi, x.Title.En, x.Title.Lo }).ToListAsync(ct))
                        Add(group.Key, a.Id, Text(a.Vi, a.En, a.Lo), $"/activities/{a.Id}");
                    break;
                case nameof(Attachment):
                    // Through the visibility of each file's record: a file of a record the reader may not see stays a number.
                    foreach (var x in await AttachmentOwners.Visible(db).AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.FileName, x.RecordType, x.RecordId }).ToListAsync(ct))
                        Add(group.Key, x.Id, x.FileName, x.RecordType == AttachmentKind.ProgressReport ? null : $"/{AttachmentOwners.Segment(x.RecordType)}/{x.RecordId}/attachments");
                    break;
                case nameof(Term):
                    foreach (var x in await db.Terms.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name.Vi, x.Name.En, x.Name.Lo }).ToListAsync(ct))
                        Add(group.Key, x.Id, Text(x.Vi, x.En, x.Lo), null);
                    break;
                case nameof(Account):
                    foreach (var a in await db.Users.AsNoTracking().Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.DisplayName, x.Email }).ToListAsync(ct))
                        Add(group.Key, a.Id, a.DisplayName.Length > 0 ? $"{a.DisplayName} ({a.Email})" : a.Email ?? $"#{a.Id}", null);
                    break;
            }
        }
        return found;
    }

    // A whole clause is too long to name a commitment by.
    static string Short(string text) => text.Length <= 140 ? text : text[..139].TrimEnd() + "…";
}

// Audit times are stored in UTC and read in Indochina time (UTC+7, no daylight saving), the time of both
// ministries, whatever the server's own time zone.
public static class AuditTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);

    public static string Format(DateTime utc)
    {
        var culture = CultureInfo.CurrentCulture;
        return Local(utc).ToString(culture.TwoLetterISOLanguageName == "en" ? "d MMM yyyy, HH:mm:ss" : "dd/MM/yyyy HH:mm:ss", culture);
    }

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    // The first moment of an Indochina day, in UTC.
    public static DateTime StartOfDay(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - Offset, DateTimeKind.Utc);
}
