using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

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
    public DbSet<Term> Terms => Set<Term>();
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
    public DbSet<Concord.Features.Sources.Source> Sources => Set<Concord.Features.Sources.Source>();
    public DbSet<Concord.Features.Sources.Citation> Citations => Set<Concord.Features.Sources.Citation>();

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    // Who is reading, for the visibility filter below: EF reads these per query, from this context's viewer.
    bool ViewerSeesAll => viewer.IsSystem;
    bool ViewerSignedIn => viewer.IsSignedIn;
    string? ViewerCountry => viewer.Country;
    public CurrentUser Viewer => viewer;
    // The clock every rule of a save reads ("not in the future", due dates), the one tests can set.
    public TimeProvider Clock => clock;

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfiguration(new Concord.Features.Sources.SourceConfiguration());
        b.ApplyConfiguration(new Concord.Features.Sources.CitationConfiguration());

        b.Entity<Account>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Language).HasMaxLength(8);
            e.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Country, x.Role });
        });
        b.Entity<AccountSession>(e =>
        {
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.EndReason).HasMaxLength(40);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.UserAgent).HasMaxLength(300);
            e.HasOne(x => x.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.AccountId, x.EndedAt });
        });
        b.Entity<ApiToken>(e =>
        {
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Scopes).HasMaxLength(100);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.AccountId);
            e.HasOne(x => x.Account).WithMany().OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.Property(x => x.ActorName).HasMaxLength(200);
            e.Property(x => x.RecordType).HasMaxLength(40);
            e.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.RecordType, x.RecordId, x.Id });
            e.HasIndex(x => new { x.At, x.Id });
            e.HasIndex(x => new { x.AccountId, x.Id });
        });
        b.Entity<SecurityEvent>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.IpAddress).HasMaxLength(64);
            e.Property(x => x.Detail).HasMaxLength(1000);
            e.HasIndex(x => new { x.At, x.Id });
            e.HasIndex(x => new { x.Kind, x.At });
            e.HasIndex(x => new { x.AccountId, x.At });
        });
        b.Entity<Term>(e =>
        {
            e.ComplexProperty(x => x.Name);
            e.Property(x => x.Vocabulary).HasMaxLength(40);
            e.Property(x => x.Code).HasMaxLength(80);
            e.HasIndex(x => new { x.Vocabulary, x.Code }).IsUnique();
        });

        b.Entity<Organisation>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Name);
            e.ComplexProperty(x => x.SucceededOnInference);
            e.Property(x => x.Key).HasMaxLength(80);
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.Abbreviation).HasMaxLength(40);
            e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Parent).WithMany(x => x.Children).HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Successor).WithMany(x => x.Predecessors).HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.Country, x.Id });
            Searchable(e);
        });

        b.Entity<Person>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Position);
            e.Property(x => x.Name).HasMaxLength(200);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            Searchable(e);
        });

        b.Entity<Instrument>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Title);
            e.ComplexProperty(x => x.Summary);
            e.ComplexProperty(x => x.DateInference);
            e.Property(x => x.Key).HasMaxLength(80);
            e.HasIndex(x => x.Key).IsUnique();
            e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Meeting).WithMany(x => x.Instruments).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.SignedOn, x.Id });
            e.HasIndex(x => new { x.KindId, x.SignedOn, x.Id });
            e.HasIndex(x => new { x.Status, x.SignedOn, x.Id });
            Searchable(e);
        });
        b.Entity<InstrumentParty>(e =>
        {
            e.HasKey(x => new { x.InstrumentId, x.OrganisationId });
            e.HasOne(x => x.Instrument).WithMany(x => x.Parties).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.InstrumentId });
        });
        b.Entity<InstrumentSignatory>(e =>
        {
            e.HasKey(x => new { x.InstrumentId, x.PersonId });
            e.HasOne(x => x.Instrument).WithMany(x => x.Signatories).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<InstrumentLink>(e =>
        {
            e.HasOne(x => x.From).WithMany(x => x.LinksFrom).HasForeignKey(x => x.FromId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.To).WithMany(x => x.LinksTo).HasForeignKey(x => x.ToId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.FromId, x.ToId, x.Kind }).IsUnique();
            e.HasIndex(x => x.ToId);
        });

        b.Entity<Meeting>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Title);
            e.ComplexProperty(x => x.Agenda);
            e.ComplexProperty(x => x.Summary);
            e.ComplexProperty(x => x.DateInference);
            e.Property(x => x.Key).HasMaxLength(80);
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.Place).HasMaxLength(200);
            e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Prepares).WithMany(x => x.PreparedBy).HasForeignKey(x => x.PreparesId).OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.StartsOn, x.Id });
            e.HasIndex(x => new { x.KindId, x.StartsOn, x.Id });
            Searchable(e);
        });
        b.Entity<MeetingChair>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.PersonId });
            e.HasOne(x => x.Meeting).WithMany(x => x.Chairs).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Person).WithMany().OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MeetingParticipant>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.OrganisationId });
            e.HasOne(x => x.Meeting).WithMany(x => x.Participants).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.MeetingId });
        });

        b.Entity<Commitment>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Text);
            e.Ignore(x => x.Period);
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasOne(x => x.Instrument).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Area).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.CarriedOverFrom).WithMany(x => x.CarriedOverInto).HasForeignKey(x => x.CarriedOverFromId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.InstrumentId, x.Sequence, x.Id });
            e.HasIndex(x => new { x.AreaId, x.PeriodStart, x.Id });
            e.HasIndex(x => new { x.Status, x.PeriodStart, x.Id });
            e.HasIndex(x => new { x.PeriodStart, x.Id });
            e.HasIndex(x => new { x.DueOn, x.Id });
            e.HasIndex(x => new { x.UpdatedAt, x.Id });
            e.HasIndex(x => x.CarriedOverFromId);
            Searchable(e);
        });
        b.Entity<CommitmentLead>(e =>
        {
            e.HasKey(x => new { x.CommitmentId, x.OrganisationId });
            e.Property(x => x.Country).HasMaxLength(2);
            e.HasOne(x => x.Commitment).WithMany(x => x.Leads).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.CommitmentId });
            e.HasIndex(x => new { x.Country, x.CommitmentId });
        });
        b.Entity<ProgressReport>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Narrative);
            e.Ignore(x => x.Period);
            e.Property(x => x.Country).HasMaxLength(2);
            e.Property(x => x.ValueCurrency).HasMaxLength(3);
            e.Property(x => x.ValueAmount).HasPrecision(20, 2);
            e.HasOne(x => x.Commitment).WithMany(x => x.Reports).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.CommitmentId, x.PeriodStart, x.ReportedOn });
            e.HasIndex(x => new { x.ReportedOn, x.Id });
            Searchable(e);
        });

        b.Entity<Activity>(e =>
        {
            Bookkeeping(e);
            e.ComplexProperty(x => x.Title);
            e.ComplexProperty(x => x.Description);
            e.ComplexProperty(x => x.DateInference);
            e.Property(x => x.ValueCurrency).HasMaxLength(3);
            e.Property(x => x.ValueAmount).HasPrecision(20, 2);
            e.HasOne(x => x.Kind).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasOne(x => x.Meeting).WithMany().OnDelete(DeleteBehavior.SetNull);
            e.HasIndex(x => new { x.StartsOn, x.Id });
            e.HasIndex(x => new { x.KindId, x.StartsOn, x.Id });
            e.HasIndex(x => x.MeetingId);
            Searchable(e);
        });
        b.Entity<ActivityOrganisation>(e =>
        {
            e.HasKey(x => new { x.ActivityId, x.OrganisationId, x.Role });
            e.HasOne(x => x.Activity).WithMany(x => x.Organisations).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Organisation).WithMany().OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.OrganisationId, x.ActivityId });
        });
        b.Entity<ActivityCommitment>(e =>
        {
            e.HasKey(x => new { x.ActivityId, x.CommitmentId });
            e.HasOne(x => x.Activity).WithMany(x => x.Commitments).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(x => x.Commitment).WithMany(x => x.Activities).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => new { x.CommitmentId, x.ActivityId });
        });

        ConfigureProvider(b);
    }

    protected virtual void ConfigureProvider(ModelBuilder b) { }

    void Bookkeeping<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : Record
    {
        e.Property(x => x.Version).IsConcurrencyToken();
        if (typeof(ITranslatable).IsAssignableFrom(typeof(T)))
        {
            e.ComplexProperty(typeof(TranslationState), nameof(ITranslatable.Translation), t =>
            {
                t.Property(nameof(TranslationState.Original)).HasMaxLength(2).HasDefaultValue(Cultures.Default);
                foreach (var language in LocalizedText.Languages)
                    t.Property(LocalizedText.Property(language) + "VerifiedBy").HasMaxLength(256);
            });
        }
        if (typeof(IRestrictable).IsAssignableFrom(typeof(T)))
        {
            e.Property(nameof(IRestrictable.Visibility)).HasConversion<string>().HasMaxLength(20);
            e.Property(nameof(IRestrictable.RestrictedTo)).HasMaxLength(2);
            // Every query of these records goes through this filter: a record restricted to one side
            // cannot be reached by the other side, by a list, a search, a report or an id typed in a URL.
            e.HasQueryFilter(VisibleToViewer<T>());
        }
    }

    // A clause of restricted minutes and a report on a restricted clause are hidden with what they belong to,
    // whatever their own visibility says: a side may restrict minutes after their clauses were shared.
    static readonly Dictionary<Type, string[][]> RestrictableParents = new()
    {
        [typeof(Commitment)] = [[nameof(Commitment.Instrument)]],
        [typeof(ProgressReport)] = [[nameof(ProgressReport.Commitment)], [nameof(ProgressReport.Commitment), nameof(Commitment.Instrument)]],
    };

    System.Linq.Expressions.Expression<Func<T, bool>> VisibleToViewer<T>() where T : Record
    {
        System.Linq.Expressions.Expression<Func<IRestrictable, bool>> rule = x =>
            ViewerSeesAll
            || x.Visibility == Visibility.Public
            || (ViewerSignedIn && (x.Visibility == Visibility.Partners || (x.Visibility == Visibility.Restricted && x.RestrictedTo == ViewerCountry)));
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(T), "x");
        var body = new ReplaceParameter(rule.Parameters[0], parameter).Visit(rule.Body);
        foreach (var path in RestrictableParents.GetValueOrDefault(typeof(T)) ?? [])
        {
            var parent = path.Aggregate((System.Linq.Expressions.Expression)parameter, System.Linq.Expressions.Expression.Property);
            body = System.Linq.Expressions.Expression.AndAlso(body, new ReplaceParameter(rule.Parameters[0], parent).Visit(rule.Body));
        }
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    sealed class ReplaceParameter(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.Expression to) : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) => node == from ? to : node;
        // x.Visibility on the interface becomes the entity's own property, which EF can translate.
        protected override System.Linq.Expressions.Expression VisitMember(System.Linq.Expressions.MemberExpression node) =>
            node.Expression == from
                ? System.Linq.Expressions.Expression.Property(to, node.Member.Name)
                : base.VisitMember(node);
    }

    static void Searchable<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> e) where T : class, ISearchable
    {
        e.Property(x => x.SearchText).HasDefaultValue("");
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditRewrites();
        StampChanges();
        var pending = AuditTrail.Capture(ChangeTracker);
        if (pending.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The change and its audit entries are saved together or not at all. Ids of new records are known
        // only after the first statement, so the audit rows follow it inside one transaction (run through
        // the execution strategy, which PostgreSQL's retry-on-failure requires of user transactions).
        int saved;
        if (Database.CurrentTransaction is not null)
        {
            saved = await base.SaveChangesAsync(false, cancellationToken);
            await WriteAuditAsync(pending, cancellationToken);
        }
        else
        {
            saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var transaction = await Database.BeginTransactionAsync(ct);
                var count = await base.SaveChangesAsync(false, ct);
                await WriteAuditAsync(pending, ct);
                await transaction.CommitAsync(ct);
                return count;
            }, cancellationToken);
        }
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Concord saves asynchronously, so that every change is audited (SaveChangesAsync).");

    async Task WriteAuditAsync(List<AuditTrail.Pending> pending, CancellationToken ct)
    {
        var entries = AuditTrail.Complete(pending, viewer, clock.GetUtcNow().UtcDateTime);
        foreach (var a in entries)
        {
            // Plain SQL, not the change tracker: the tracked changes above are not accepted until the
            // transaction commits, and a second SaveChanges would write them again.
            // A null account (the system, the demo loader) is written as NULL: EF has no parameter type for a bare null.
            const string Insert = "INSERT INTO \"AuditEntries\" (\"At\", \"ActorName\", \"RecordType\", \"RecordId\", \"Action\", \"Changes\", \"AccountId\") VALUES ({0}, {1}, {2}, {3}, {4}, {5}, ";
            if (a.AccountId is { } accountId)
                await Database.ExecuteSqlRawAsync(Insert + "{6})", [a.At, a.ActorName, a.RecordType, a.RecordId, a.Action.ToString(), a.Changes, accountId], ct);
            else
                await Database.ExecuteSqlRawAsync(Insert + "NULL)", [a.At, a.ActorName, a.RecordType, a.RecordId, a.Action.ToString(), a.Changes], ct);
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
            if (entry.Entity is ITranslatable translatable)
            {
                if (entry.State == EntityState.Modified) ClearStaleVerifications(entry, translatable.Translation);
                TranslationRules.Changed();
            }
        }
    }

    // A verification covers the words that were checked. A changed translation loses its own; a changed
    // original (or a different original language) loses every one, since each was checked against it.
    static void ClearStaleVerifications(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, TranslationState state)
    {
        var originalLanguage = entry.ComplexProperty(nameof(ITranslatable.Translation)).Property(nameof(TranslationState.Original));
        var changed = new HashSet<string>();
        foreach (var text in entry.ComplexProperties.Where(p => p.Metadata.ClrType == typeof(LocalizedText)))
            foreach (var language in LocalizedText.Languages)
            {
                var value = text.Property(LocalizedText.Property(language));
                if (!Equals(value.OriginalValue, value.CurrentValue)) changed.Add(language);
            }
        var originalMoved = !Equals(originalLanguage.OriginalValue, originalLanguage.CurrentValue);
        foreach (var language in LocalizedText.Languages)
            if (originalMoved || changed.Contains(language) || changed.Contains(state.Original) || language == state.Original)
                state.ClearVerification(language);
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
