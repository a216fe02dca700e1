using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Key = Concord.Features.Translations.TranslationCounts.Key;

namespace Concord.Features.Translations;

// What one save does to the kept translation counts (TranslationCounts), settled in the save's transaction
// (ConcordDb.SaveChangesAsync, through which every form, API call, verification, withdrawal, import and the demo
// loader save). The records whose counts can move are those the save adds or deletes, those whose texts,
// translation state, visibility, withdrawal or parent it changes, and the records below a parent whose visibility
// or withdrawal it changes (a clause of restricted minutes is hidden with them). Their counts are read from the
// database before the save and again after it, with the query that recounts everything, and the difference is
// added to the kept rows: maintained counts and a recount cannot follow two different rules.
public sealed class TranslationCountChange
{
    static readonly Dictionary<Type, TranslatableKind> Kinds = new()
    {
        [typeof(Instrument)] = TranslatableKind.Instrument,
        [typeof(Meeting)] = TranslatableKind.Meeting,
        [typeof(Commitment)] = TranslatableKind.Commitment,
        [typeof(ProgressReport)] = TranslatableKind.Report,
        [typeof(Activity)] = TranslatableKind.Activity,
        [typeof(Organisation)] = TranslatableKind.Organisation,
    };

    // A change of these moves a record (and what belongs to it) to another visibility class, or out of every one.
    static readonly string[] ClassProperties =
    [
        nameof(IRestrictable.Visibility), nameof(IRestrictable.RestrictedTo), nameof(IWithdrawable.WithdrawnAt),
        nameof(Commitment.InstrumentId), nameof(ProgressReport.CommitmentId),
    ];

    readonly List<(TranslatableKind Kind, EntityEntry Entry)> entries;
    Dictionary<TranslatableKind, HashSet<int>> existing = [];
    Dictionary<Key, int> before = [];

    TranslationCountChange(List<(TranslatableKind, EntityEntry)> entries) => this.entries = entries;

    // Null when the save changes no count (a commitment's status, a report's date, links).
    public static TranslationCountChange? Capture(ChangeTracker tracker)
    {
        var entries = tracker.Entries()
            .Where(e => Kinds.ContainsKey(e.Metadata.ClrType))
            .Where(e => e.State is EntityState.Added or EntityState.Deleted || (e.State == EntityState.Modified && (MovesClass(e) || TextsChanged(e))))
            .Select(e => (Kinds[e.Metadata.ClrType], e))
            .ToList();
        return entries.Count == 0 ? null : new(entries);
    }

    static bool Changed(PropertyEntry p) => !Equals(p.OriginalValue, p.CurrentValue);

    static bool MovesClass(EntityEntry e) =>
        e.State is EntityState.Added or EntityState.Deleted
        || ClassProperties.Any(name => e.Metadata.FindProperty(name) is not null && Changed(e.Property(name)));

    static bool TextsChanged(EntityEntry e) =>
        e.ComplexProperties.Where(c => c.Metadata.ClrType == typeof(LocalizedText) || c.Metadata.ClrType == typeof(TranslationState))
            .Any(c => c.Properties.Any(Changed));

    // From the entry: until the save's changes are accepted, a new record's generated id is there, not on the record.
    static int IdOf(EntityEntry e) => (int)e.Property(nameof(Record.Id)).CurrentValue!;

    // Before the records are written: the counts of those that exist, as they stand. Run again whole when the
    // save's transaction is tried again.
    public async Task BeforeSaveAsync(ConcordDb db, CancellationToken ct)
    {
        existing = TranslationWork.Kinds.ToDictionary(k => k, _ => new HashSet<int>());
        foreach (var (kind, entry) in entries.Where(x => x.Entry.State != EntityState.Added))
            existing[kind].Add(IdOf(entry));
        int[] Moved(TranslatableKind kind) => [.. entries.Where(x => x.Kind == kind && x.Entry.State != EntityState.Added && MovesClass(x.Entry)).Select(x => IdOf(x.Entry))];
        var movedInstruments = Moved(TranslatableKind.Instrument);
        var movedCommitments = Moved(TranslatableKind.Commitment);

        if (db.IsPostgres) await LockParentsAsync(db, movedInstruments, movedCommitments, ct);

        if (movedInstruments.Length > 0)
            existing[TranslatableKind.Commitment].UnionWith(await db.Commitments.IgnoreQueryFilters()
                .Where(c => movedInstruments.Contains(c.InstrumentId)).Select(c => c.Id).ToListAsync(ct));
        if (movedInstruments.Length > 0 || movedCommitments.Length > 0)
            existing[TranslatableKind.Report].UnionWith(await db.ProgressReports.IgnoreQueryFilters()
                .Where(r => movedCommitments.Contains(r.CommitmentId) || movedInstruments.Contains(r.Commitment.InstrumentId)).Select(r => r.Id).ToListAsync(ct));

        before = [];
        foreach (var (kind, ids) in existing) await TranslationCounts.AddCountsAsync(db, kind, ids, before, +1, ct);
    }

    // After the records are written, before the transaction commits: their counts now, less those before.
    public async Task AfterSaveAsync(ConcordDb db, CancellationToken ct)
    {
        var change = before.ToDictionary(c => c.Key, c => -c.Value);
        foreach (var (kind, ids) in existing)
        {
            var now = ids.Concat(entries.Where(x => x.Kind == kind && x.Entry.State == EntityState.Added).Select(x => IdOf(x.Entry))).ToHashSet();
            await TranslationCounts.AddCountsAsync(db, kind, now, change, +1, ct);
        }
        await TranslationCounts.AddAsync(db, change.Where(c => c.Value != 0), ct);
    }

    // On PostgreSQL two saves run side by side: a report saved while its minutes are being restricted would be
    // counted under the old visibility by one and with its old text by the other. So a save that changes a record
    // below an instrument or a commitment holds that parent (FOR KEY SHARE, which ordinary edits of the parent do not
    // wait for), and a save that changes a parent's visibility or withdrawal holds it exclusively (FOR UPDATE) before
    // reading what is below it: one of the two waits for the other to commit and then reads what it wrote.
    // Instruments before commitments, each in id order, in every save, so that no two saves wait for each other in a circle.
    // (SQLite lets one transaction write at a time.)
    async Task LockParentsAsync(ConcordDb db, int[] movedInstruments, int[] movedCommitments, CancellationToken ct)
    {
        int[] Values(TranslatableKind kind, string property) =>
            [.. entries.Where(x => x.Kind == kind).SelectMany(x => new[] { x.Entry.Property(property).OriginalValue, x.Entry.Property(property).CurrentValue }).OfType<int>().Distinct()];
        var instruments = Values(TranslatableKind.Commitment, nameof(Commitment.InstrumentId));
        var commitments = Values(TranslatableKind.Report, nameof(ProgressReport.CommitmentId));

        if (movedInstruments.Length > 0)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Instruments" WHERE "Id" = ANY({movedInstruments}) ORDER BY "Id" FOR UPDATE""", ct);
        if (instruments.Length > 0 || commitments.Length > 0)
            await db.Database.ExecuteSqlAsync($"""
                SELECT 1 FROM "Instruments" WHERE "Id" = ANY({instruments})
                    OR "Id" IN (SELECT "InstrumentId" FROM "Commitments" WHERE "Id" = ANY({commitments}))
                ORDER BY "Id" FOR KEY SHARE
                """, ct);
        if (movedCommitments.Length > 0)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Commitments" WHERE "Id" = ANY({movedCommitments}) ORDER BY "Id" FOR UPDATE""", ct);
        if (commitments.Length > 0)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Commitments" WHERE "Id" = ANY({commitments}) ORDER BY "Id" FOR KEY SHARE""", ct);
    }
}
