using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Documents;
using Concord.Features.Instruments;
using Concord.Features.Jobs;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Features.Translations;
using Concord.Shared;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Concord.Data;

// One model, two databases. The provider-specific subclasses below exist only so that each
// provider keeps its own migrations and model snapshot (Data/Migrations/Sqlite, Data/Migrations/Postgres);
// everything else uses ConcordDb. A separate migrations project per provider would need the
// model in a third project that both reference, which is the layer split we avoid.
//
// Identity's tables (accounts, their tokens and claims) are in the same database, so an account and the
// records it changed are in one backup and one transaction.
public abstract class ConcordDb(DbContextOptions options, TimeProvider clock, CurrentUser viewer) : IdentityUserContext<Account, int>(options)
{
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<RateLimitRefusal> RateLimitRefusals => Set<RateLimitRefusal>();
    public DbSet<Term> Terms => Set<Term>();
    public DbSet<Concord.Features.Sources.Source> Sources => Set<Concord.Features.Sources.Source>();
    public DbSet<Concord.Features.Sources.Citation> Citations => Set<Concord.Features.Sources.Citation>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Instrument> Instruments => Set<Instrument>();
    public DbSet<InstrumentParty> InstrumentParties => Set<InstrumentParty>();
    public DbSet<InstrumentSignatory> InstrumentSignatories => Set<InstrumentSignatory>();
    public DbSet<InstrumentLink> InstrumentLinks => Set<InstrumentLink>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingChair> MeetingChairs => Set<MeetingChair>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
    public DbSet<CommitmentLead> CommitmentLeads => Set<CommitmentLead>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<ActivityOrganisation> ActivityOrganisations => Set<ActivityOrganisation>();
    public DbSet<ActivityCommitment> ActivityCommitments => Set<ActivityCommitment>();
    public DbSet<Concord.Features.Review.CooperationYear> CooperationYears => Set<Concord.Features.Review.CooperationYear>();
    public DbSet<Concord.Features.Review.CooperationYearPartner> CooperationYearPartners => Set<Concord.Features.Review.CooperationYearPartner>();
    public DbSet<Concord.Features.Review.CooperationYearRate> CooperationYearRates => Set<Concord.Features.Review.CooperationYearRate>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<GeneratedDocument> Documents => Set<GeneratedDocument>();
    public DbSet<Concord.Features.Import.ReportImport> ReportImports => Set<Concord.Features.Import.ReportImport>();
    public DbSet<Concord.Features.Calendar.CalendarFeed> CalendarFeeds => Set<Concord.Features.Calendar.CalendarFeed>();
    public DbSet<Concord.Features.Rounds.Round> Rounds => Set<Concord.Features.Rounds.Round>();
    public DbSet<Concord.Features.Rounds.RoundSubmission> RoundSubmissions => Set<Concord.Features.Rounds.RoundSubmission>();
    public DbSet<Concord.Features.Rounds.Reminder> Reminders => Set<Concord.Features.Rounds.Reminder>();
    public DbSet<Concord.Features.Rounds.ReminderRound> ReminderRounds => Set<Concord.Features.Rounds.ReminderRound>();
    public DbSet<Concord.Features.Rounds.ReminderRequest> ReminderRequests => Set<Concord.Features.Rounds.ReminderRequest>();
    public DbSet<StatusProposal> StatusProposals => Set<StatusProposal>();
    public DbSet<Concord.Features.Attachments.Attachment> Attachments => Set<Concord.Features.Attachments.Attachment>();
    public DbSet<Concord.Features.Translations.TranslationCount> TranslationCounts => Set<Concord.Features.Translations.TranslationCount>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    // Who is reading, for the visibility filter (Shared/Visibility.cs): EF reads these per query, from the
    // context that runs it, so each request sees what its own viewer may see.
    internal bool ViewerSeesAll => viewer.IsSystem;
    internal bool ViewerSignedIn => viewer.IsSignedIn;
    internal string? ViewerCountry => viewer.Country;
    public CurrentUser Viewer => viewer;
    // The clock every rule of a save reads ("not in the future", due dates), the one tests can set.
    public TimeProvider Clock => clock;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        // Each feature maps its own tables (Features/*/*Mapping.cs); what every record shares is in Shared/RecordMapping.cs.
        b.ApplyConfigurationsFromAssembly(typeof(ConcordDb).Assembly);
        ConfigureProvider(b);
    }

    protected virtual void ConfigureProvider(ModelBuilder b) { }

    bool bulk;

    // A save of thousands of new or changed records of one kind (an import): on PostgreSQL their rows are written by
    // COPY (BulkSave) instead of a statement each; the stamps, the version check, the audit and the translation
    // counts are those of every save. SQLite saves them as usual. A caller that lets the records go right after
    // (ChangeTracker.Clear) need not have the changes accepted first: 10,000 records a save, half a second an import.
    public async Task<int> SaveChangesInBulkAsync(CancellationToken ct, bool acceptAllChanges = true)
    {
        bulk = IsPostgres;
        try
        {
            return await SaveChangesAsync(acceptAllChanges, ct);
        }
        finally
        {
            bulk = false;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The tracker is scanned for changes twice a save: before the passes below and after stamping. Left to itself,
        // EF scans every tracked record at each ChangeTracker.Entries() and again in its own save: five scans, which
        // cost an import of 100,000 reports 2 s.
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            DetectChanges();
            RefuseAuditRewrites();
            StampChanges();
            DetectChanges();
            // Counts kept in memory (ReaderCache) are dropped once the change is saved.
            var recordsChange = ChangeTracker.Entries().Any(e => e.Entity is Record && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
            try
            {
                return await SaveAuditedAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            finally
            {
                if (recordsChange) ReaderCache.Changed();
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    // A bulk save (an import) holds thousands of new records, made by their inputs' ApplyAsync, whose values are read
    // from the records themselves when they are written: only the records it changes need their values compared with
    // what was loaded. EF's full scan looks at every new one as well (for records reachable through their links, which
    // an input's ApplyAsync does not make): 2 s of an import of 100,000 reports.
    void DetectChanges()
    {
        if (!bulk)
        {
            ChangeTracker.DetectChanges();
            return;
        }
        foreach (var entry in ChangeTracker.Entries())
            if (entry.State != EntityState.Added) entry.DetectChanges();
    }

    async Task<int> SaveAuditedAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        var pending = AuditTrail.Capture(ChangeTracker);
        var counts = TranslationCountChange.Capture(ChangeTracker);
        if (pending.Count == 0 && counts is null && !bulk) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The change, its audit entries and the translation counts it moves are saved together or not at all.
        // Ids of new records are known only after the first statement, so the audit rows follow it inside one
        // transaction (run through the execution strategy, which PostgreSQL's retry-on-failure requires of user
        // transactions); the counts are read before and after it (TranslationCountChange).
        async Task<int> SaveAsync(CancellationToken ct)
        {
            if (counts is not null) await counts.BeforeSaveAsync(this, ct);
            var at = clock.GetUtcNow().UtcDateTime;
            List<AuditEntry>? entries = null;
            // In bulk, the audit entries are made while PostgreSQL writes the rows (BulkSave runs it beside its COPY, once
            // the new records have their ids): on two cores that hides most of the 2 s an import of 100,000 spends on it.
            var count = bulk
                ? await BulkSave.WriteAsync(this, () => entries = AuditTrail.Complete(pending, viewer, at), ct)
                : await base.SaveChangesAsync(false, ct);
            if (counts is not null) await counts.AfterSaveAsync(this, ct);
            await WriteAuditAsync(entries ?? AuditTrail.Complete(pending, viewer, at), ct);
            return count;
        }
        int saved;
        if (Database.CurrentTransaction is not null)
        {
            saved = await SaveAsync(cancellationToken);
        }
        else
        {
            saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await Database.BeginTransactionAsync(ct);
                try
                {
                    var count = await SaveAsync(ct);
                    await transaction.CommitAsync(ct);
                    return count;
                }
                catch (InvalidOperationException e) when (IsPostgres && transaction.GetDbTransaction().Connection is null)
                {
                    // Seen when PostgreSQL restarts (pg_ctl restart -m fast, bench/reliability): the connection broke and
                    // Npgsql ended the transaction, which a later statement of this save finds already completed.
                    // Nothing was committed, so the whole save may run again: made transient for the execution strategy.
                    throw new Npgsql.NpgsqlException("The connection to PostgreSQL broke during a save; nothing was committed.", new IOException(e.Message, e));
                }
            }, cancellationToken);
        }
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Concord saves asynchronously, so that every change is audited (SaveChangesAsync).");

    async Task WriteAuditAsync(List<AuditEntry> entries, CancellationToken ct)
    {
        // Plain SQL, not the change tracker: the tracked changes above are not accepted until the
        // transaction commits, and a second SaveChanges would write them again.
        if (bulk && Database.CurrentTransaction?.GetDbTransaction() is Npgsql.NpgsqlTransaction { Connection: { } connection })
        {
            // A bulk save's entries (an import's, tens of thousands) by one binary COPY, in the save's transaction,
            // instead of the arrays below, which PostgreSQL parses first.
            // The columns as the model maps them (CopyTable, as BulkSave's), the ids left to the table's identity.
            var table = CopyTable.For(Model, typeof(AuditEntry)).WithoutGeneratedKey();
            await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({table.ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var entry in entries) table.WriteRow(importer, entry);
            await importer.CompleteAsync(ct);
            return;
        }
        if (IsPostgres)
        {
            // One statement per 10,000 entries, the columns sent as arrays: an import of 100,000 reports wrote its
            // audit in 6 s as rows of 100 with a parameter per value.
            foreach (var chunk in entries.Chunk(10_000))
                await Database.ExecuteSqlRawAsync(
                    "INSERT INTO \"AuditEntries\" (\"At\", \"ActorName\", \"RecordType\", \"RecordId\", \"Action\", \"Changes\", \"AccountId\") " +
                    "SELECT a, n, t, r, x, c, u FROM unnest(@at, @actor, @type, @record, @action, @changes, @account) WITH ORDINALITY AS e(a, n, t, r, x, c, u, i) ORDER BY i",
                    [
                        new Npgsql.NpgsqlParameter("at", chunk.Select(a => a.At).ToArray()),
                        new Npgsql.NpgsqlParameter("actor", chunk.Select(a => a.ActorName).ToArray()),
                        new Npgsql.NpgsqlParameter("type", chunk.Select(a => a.RecordType).ToArray()),
                        new Npgsql.NpgsqlParameter("record", chunk.Select(a => a.RecordId).ToArray()),
                        new Npgsql.NpgsqlParameter("action", chunk.Select(a => a.Action.ToString()).ToArray()),
                        new Npgsql.NpgsqlParameter("changes", chunk.Select(a => a.Changes).ToArray()),
                        new Npgsql.NpgsqlParameter("account", chunk.Select(a => a.AccountId).ToArray()),
                    ], ct);
            return;
        }
        // SQLite: up to 100 rows a statement, so that a save of thousands of records is not thousands of round trips.
        // A null account (the system, the demo loader) is written as NULL: EF has no parameter type for a bare null.
        foreach (var chunk in entries.Chunk(100))
        {
            var sql = new System.Text.StringBuilder("INSERT INTO \"AuditEntries\" (\"At\", \"ActorName\", \"RecordType\", \"RecordId\", \"Action\", \"Changes\", \"AccountId\") VALUES ");
            var values = new List<object>();
            foreach (var a in chunk)
            {
                if (values.Count > 0) sql.Append(", ");
                var n = values.Count;
                sql.Append($"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}}, {{{n + 4}}}, {{{n + 5}}}, ");
                values.AddRange([a.At, a.ActorName, a.RecordType, a.RecordId, a.Action.ToString(), a.Changes]);
                if (a.AccountId is { } accountId)
                {
                    sql.Append($"{{{values.Count}}})");
                    values.Add(accountId);
                }
                else sql.Append("NULL)");
            }
            await Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }

    // The audit is append-only: Concord never updates or deletes an audit row or a security event.
    void RefuseAuditRewrites()
    {
        foreach (var entry in ChangeTracker.Entries())
            if (entry.Entity is AuditEntry or SecurityEvent && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Audit rows cannot be changed.");
    }

    // An edit is saved against the version the editor loaded: a save over a newer version matches
    // no row and is refused. The version is marked modified so that every edit bumps and checks it,
    // even one that changes only links (parties, chairs, commitments) or nothing at all.
    public void SaveAgainstVersion<T>(T record, int loadedVersion) where T : Record
    {
        var version = Entry(record).Property(r => r.Version);
        version.OriginalValue = loadedVersion;
        version.IsModified = true;
    }

    void StampChanges()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            if (entry.Entity is Record record)
            {
                if (entry.State == EntityState.Added)
                {
                    if (record.CreatedAt == default) record.CreatedAt = now;
                    record.Version = 1;
                }
                else
                {
                    // The version the editor loaded stays the original value, so a save over
                    // someone else's newer save matches no row and is refused.
                    record.Version = (int)entry.OriginalValues[nameof(Record.Version)]! + 1;
                }
                record.UpdatedAt = now;
            }
            if (entry.Entity is ISearchable searchable)
                searchable.SearchText = TextFolding.FoldAll(searchable.SearchableTexts());
            if (entry.Entity is ITranslatable translatable && entry.State == EntityState.Modified)
                TranslationRules.ClearStaleVerifications(entry, translatable.Translation);
        }
    }
}

public sealed class SqliteConcordDb(DbContextOptions<SqliteConcordDb> options, TimeProvider clock, CurrentUser viewer) : ConcordDb(options, clock, viewer);

public sealed class PostgresConcordDb(DbContextOptions<PostgresConcordDb> options, TimeProvider clock, CurrentUser viewer) : ConcordDb(options, clock, viewer)
{
    protected override void ConfigureProvider(ModelBuilder b)
    {
        // Trigram indexes make LIKE '%word%' on the folded text an index scan, so search holds at 500,000 commitments.
        b.HasPostgresExtension("pg_trgm");
        b.Entity<Organisation>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Person>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Instrument>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Meeting>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Commitment>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<ProgressReport>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        b.Entity<Activity>().HasIndex(x => x.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
