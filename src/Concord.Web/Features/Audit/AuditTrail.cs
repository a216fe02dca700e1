using System.Text.Json;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Attachments;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Concord.Features.Audit;

// Turns the change tracker's pending changes into audit entries: one per record per save, with each
// changed value before and after. Captured before the save (original values), completed after it
// (generated ids), written in the same transaction (ConcordDb.SaveChangesAsync).
public static class AuditTrail
{
    // Links are recorded on the record that owns them, under a name a reader recognises.
    static readonly Dictionary<Type, (string OwnerType, string OwnerKey, string Part)> Parts = new()
    {
        [typeof(InstrumentParty)] = (nameof(Instrument), nameof(InstrumentParty.InstrumentId), "Parties"),
        [typeof(InstrumentSignatory)] = (nameof(Instrument), nameof(InstrumentSignatory.InstrumentId), "Signatories"),
        [typeof(InstrumentLink)] = (nameof(Instrument), nameof(InstrumentLink.FromId), "Links"),
        [typeof(MeetingChair)] = (nameof(Meeting), nameof(MeetingChair.MeetingId), "Chairs"),
        [typeof(MeetingParticipant)] = (nameof(Meeting), nameof(MeetingParticipant.MeetingId), "Participants"),
        [typeof(CommitmentLead)] = (nameof(Commitment), nameof(CommitmentLead.CommitmentId), "Leads"),
        // A proposal to close or reopen, and the other side's answer, are steps in the commitment's history.
        [typeof(StatusProposal)] = (nameof(Commitment), nameof(StatusProposal.CommitmentId), "StatusProposals"),
        [typeof(ActivityOrganisation)] = (nameof(Activity), nameof(ActivityOrganisation.ActivityId), "Organisations"),
        [typeof(ActivityCommitment)] = (nameof(Activity), nameof(ActivityCommitment.ActivityId), "Commitments"),
        [typeof(Review.CooperationYearPartner)] = (nameof(Review.CooperationYear), nameof(Review.CooperationYearPartner.CooperationYearId), "Partners"),
        [typeof(Review.CooperationYearRate)] = (nameof(Review.CooperationYear), nameof(Review.CooperationYearRate.CooperationYearId), "Rates"),
    };

    // Bookkeeping that changes on every save, and secrets that must never be copied into a log.
    static readonly HashSet<string> Skipped =
    [
        // CreatedAt repeats the entry's own time.
        nameof(Record.Version), nameof(Record.CreatedAt), nameof(Record.UpdatedAt), nameof(ISearchable.SearchText),
        nameof(Account.PasswordHash), nameof(Account.SecurityStamp), nameof(Account.ConcurrencyStamp),
        nameof(Account.LastTotpStep), nameof(Account.LastSignInAt), nameof(Account.AccessFailedCount),
        nameof(Account.NormalizedEmail), nameof(Account.NormalizedUserName),
        // An attachment's storage key is Concord's own name for the bytes; who and when repeat the entry's own.
        nameof(Attachment.StorageKey), nameof(Attachment.UploadedAt), nameof(Attachment.UploadedById), nameof(Attachment.UploadedByName),
        nameof(Attachment.WithdrawnById),
    ];

    static bool IsAudited(object entity) => entity is Record or Term or Account or Attachment || Parts.ContainsKey(entity.GetType());

    public sealed class Pending(EntityEntry entry, EntityState state, Dictionary<string, object?> before)
    {
        public EntityEntry Entry { get; } = entry;
        public EntityState State { get; } = state;
        public Dictionary<string, object?> Before { get; } = before;
    }

    public static List<Pending> Capture(ChangeTracker tracker) =>
        [.. tracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .Select(e => new Pending(e, e.State, e.State == EntityState.Added ? [] : Values(e, original: true)))];

    // After the save: ids are known. Groups the changes by record.
    public static List<AuditEntry> Complete(IEnumerable<Pending> pending, CurrentUser actor, DateTime at)
    {
        var byRecord = new Dictionary<(string Type, int Id), (AuditAction Action, Dictionary<string, object?[]> Fields, Dictionary<string, List<object>> Added, Dictionary<string, List<object>> Removed)>();
        (AuditAction Action, Dictionary<string, object?[]> Fields, Dictionary<string, List<object>> Added, Dictionary<string, List<object>> Removed) For(string type, int id, AuditAction action)
        {
            if (!byRecord.TryGetValue((type, id), out var group))
                byRecord[(type, id)] = group = (action, [], [], []);
            else if (action != AuditAction.Updated && group.Action == AuditAction.Updated)
                byRecord[(type, id)] = group = (action, group.Fields, group.Added, group.Removed);
            return group;
        }

        foreach (var p in pending)
        {
            var entity = p.Entry.Entity;
            if (Parts.TryGetValue(entity.GetType(), out var part))
            {
                // A link changed in place (a lead's side) reads as the old one removed and the new one added.
                var current = p.State == EntityState.Deleted ? p.Before : Values(p.Entry, original: false);
                var was = p.State == EntityState.Added ? null : LinkValues(p.Before, part.OwnerKey);
                var now = p.State == EntityState.Deleted ? null : LinkValues(current, part.OwnerKey);
                if (was is not null && now is not null && Same(was, now)) continue;
                var group = For(part.OwnerType, Convert.ToInt32(current[part.OwnerKey]), AuditAction.Updated);
                if (was is not null) Add(group.Removed, part.Part, was);
                if (now is not null) Add(group.Added, part.Part, now);
                continue;
            }
            var type = entity.GetType().Name;
            var after = p.State == EntityState.Deleted ? [] : Values(p.Entry, original: false);
            var id = Convert.ToInt32(p.State == EntityState.Deleted ? p.Before["Id"] : after["Id"]);
            var action = p.State switch { EntityState.Added => AuditAction.Created, EntityState.Deleted => AuditAction.Deleted, _ => AuditAction.Updated };
            var g = For(type, id, action);
            foreach (var name in p.Before.Keys.Union(after.Keys))
            {
                if (Skipped.Contains(name) || name == "Id") continue;
                p.Before.TryGetValue(name, out var was);
                after.TryGetValue(name, out var now);
                if (Equals(was, now) && !PrecisionChanged(name, p.Before, after)) continue;
                // A new record's empty and "no" values say nothing.
                if (p.State == EntityState.Added && (now is null or "" or false || DateMissing(name, after))) continue;
                g.Fields[name] = [was, now];
            }
        }

        // Removing a link and adding the same one back in one save is no change.
        foreach (var group in byRecord.Values)
            foreach (var (name, removed) in group.Removed.ToList())
            {
                if (!group.Added.TryGetValue(name, out var added)) continue;
                foreach (var item in removed.ToList())
                    if (added.FirstOrDefault(a => Same(a, item)) is { } again) { added.Remove(again); removed.Remove(item); }
                if (added.Count == 0) group.Added.Remove(name);
                if (removed.Count == 0) group.Removed.Remove(name);
            }

        return [.. byRecord
            .Where(r => r.Value.Action != AuditAction.Updated || r.Value.Fields.Count + r.Value.Added.Count + r.Value.Removed.Count > 0)
            .Select(r => new AuditEntry
            {
                At = at,
                AccountId = actor.AccountId,
                ActorName = actor.Name,
                RecordType = r.Key.Type,
                RecordId = r.Key.Id,
                Action = r.Value.Action,
                Changes = JsonSerializer.Serialize(new AuditChanges(
                    r.Value.Fields.Count > 0 ? r.Value.Fields : null,
                    r.Value.Added.Count > 0 ? r.Value.Added : null,
                    r.Value.Removed.Count > 0 ? r.Value.Removed : null), Json),
            })];
    }

    static void Add(Dictionary<string, List<object>> list, string part, Dictionary<string, object?> values)
    {
        if (!list.TryGetValue(part, out var items)) list[part] = items = [];
        items.Add(values);
    }

    // What names a link to a reader: the owner is the record the entry is about, and a link row's own
    // surrogate id means nothing.
    static Dictionary<string, object?> LinkValues(Dictionary<string, object?> values, string ownerKey) =>
        values.Where(v => v.Key != ownerKey && v.Key != "Id").ToDictionary();

    static bool Same(object a, object b) =>
        a is Dictionary<string, object?> x && b is Dictionary<string, object?> y
        && x.Count == y.Count && x.All(kv => y.TryGetValue(kv.Key, out var v) && Equals(kv.Value, v));

    // A date is stored as a day and a precision ("2013" is 2013-01-01 and Year). Either changing
    // records both, so the history can show the date as it was known, never as 01/01/2013.
    const string PrecisionSuffix = "Precision";

    static bool PrecisionChanged(string name, Dictionary<string, object?> before, Dictionary<string, object?> after)
    {
        // Ordinal: a culture-aware EndsWith, and a new string per field, cost an import of 100,000 reports seconds here.
        if (before.Count == 0) return false;
        var partner = name.EndsWith(PrecisionSuffix, StringComparison.Ordinal) ? name[..^PrecisionSuffix.Length] : name + PrecisionSuffix;
        if (!before.ContainsKey(partner) || !after.ContainsKey(partner) || !before.ContainsKey(name)) return false;
        return !Equals(before[partner], after[partner]);
    }

    // A new record's precision of a date it does not have says nothing.
    static bool DateMissing(string name, Dictionary<string, object?> after) =>
        name.EndsWith(PrecisionSuffix, StringComparison.Ordinal) && after.TryGetValue(name[..^PrecisionSuffix.Length], out var date) && date is null;

    static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public sealed record AuditChanges(
        Dictionary<string, object?[]>? Fields,
        Dictionary<string, List<object>>? Added,
        Dictionary<string, List<object>>? Removed);

    public static AuditChanges Read(string json) =>
        JsonSerializer.Deserialize<AuditChanges>(json, Json) ?? new AuditChanges(null, null, null);

    // Plain and complex (LocalizedText, PartialDate) properties, named "Title.Vi".
    static Dictionary<string, object?> Values(EntityEntry entry, bool original)
    {
        var values = new Dictionary<string, object?>();
        foreach (var p in entry.Properties)
            values[p.Metadata.Name] = Simple(original ? p.OriginalValue : p.CurrentValue);
        foreach (var complex in entry.ComplexProperties)
            foreach (var p in complex.Properties)
                values[$"{complex.Metadata.Name}.{p.Metadata.Name}"] = Simple(original ? p.OriginalValue : p.CurrentValue);
        return values;
    }

    static object? Simple(object? value) => value switch
    {
        null => null,
        Enum e => e.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("O"),
        DateTimeOffset o => o.UtcDateTime.ToString("O"),
        _ => value,
    };
}
