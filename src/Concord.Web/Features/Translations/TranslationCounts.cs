using System.Linq.Expressions;
using System.Text;
using Concord.Data;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SixCounts = Concord.Features.Translations.TranslationWork.SixCounts;

namespace Concord.Features.Translations;

// How many records of a kind lack a text in a language, or hold one nobody has verified, per visibility class:
// the strictest visibility along the record and what it belongs to, and the side its restrictions name
// (VisibilityRule.ClassOf). Kept in the database and changed in the transaction of every save that changes a
// translatable record (TranslationCountChange, run by ConcordDb), so that every instance reads the same counts,
// right after each save, withdrawal and import; counting 5,000,000 reports per view took seconds.
//
// A reader's count is the sum of the rows the visibility filter lets them read: the rows are mapped with the same
// filter as the records (VisibilityRule.Visible), so a count never includes a record the reader may not see.
// Withdrawn records, and what belongs to them, are in no row.
public sealed class TranslationCount : IRestrictable
{
    public TranslatableKind Kind { get; set; }
    public string Language { get; set; } = "";
    public TranslationStatus Status { get; set; }
    public Visibility Visibility { get; set; }
    // VisibilityRule.NoSide when nothing along the records restricts them, NoReadersSide when their restrictions disagree.
    public string? RestrictedTo { get; set; } = VisibilityRule.NoSide;
    public int Count { get; set; }
}

sealed class TranslationCountMapping : IEntityTypeConfiguration<TranslationCount>
{
    public void Configure(EntityTypeBuilder<TranslationCount> e)
    {
        e.HasKey(x => new { x.Kind, x.Language, x.Status, x.Visibility, x.RestrictedTo });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Language).HasMaxLength(2);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Visibility).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.RestrictedTo).HasMaxLength(2).IsRequired();
        e.MapQueryFilters();
    }
}

public static class TranslationCounts
{
    public readonly record struct Key(TranslatableKind Kind, string Language, TranslationStatus Status, Visibility Visibility, string Side)
    {
        public override string ToString() => $"{Kind} {Language} {Status} {Visibility}{(Side.Length > 0 ? " " + Side : "")}";
    }

    public sealed record Difference(Key Key, int Stored, int Counted);

    // The reader's counts per kind of record: one small statement over at most a few hundred rows.
    public static async Task<Dictionary<TranslatableKind, SixCounts>> ForReaderAsync(ConcordDb db, CancellationToken ct)
    {
        var rows = await db.TranslationCounts.AsNoTracking()
            .GroupBy(c => new { c.Kind, c.Language, c.Status })
            .Select(g => new { g.Key.Kind, g.Key.Language, g.Key.Status, Count = g.Sum(c => c.Count) })
            .ToListAsync(ct);
        return TranslationWork.Kinds.ToDictionary(k => k, k => SixCounts.Of((language, status) =>
            rows.Where(r => r.Kind == k && r.Language == language && r.Status == status).Sum(r => r.Count)));
    }

    // Counts every record again and puts the result in place of the kept counts; returns what it corrected
    // (nothing when the kept counts were right). `recount-translations` on the command line. The saves that
    // change counts meanwhile wait for it (the table is locked), then add their change to the new counts.
    public static async Task<IReadOnlyList<Difference>> RecountAsync(ConcordDb db, CancellationToken ct) =>
        (await RecountAsync(db, onlyWhenEmpty: false, ct))!;

    // At start: counts when the table is empty, that is never counted (a new table, or a bulk load that emptied
    // it and stopped before counting). True when it counted. Several instances starting at once count once.
    // A table with rows was counted: that answer needs no transaction, nor on PostgreSQL the lock that would queue every
    // instance's start and every save behind it; an empty table is looked at again under the lock.
    public static async Task<bool> EnsureCountedAsync(ConcordDb db, CancellationToken ct) =>
        !await db.TranslationCounts.IgnoreQueryFilters().AnyAsync(ct) && await RecountAsync(db, onlyWhenEmpty: true, ct) is not null;

    // `dotnet Concord.Web.dll recount-translations`: after a repair by hand in the database, or to check the kept counts.
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var corrected = await RecountAsync(db, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine(corrected.Count == 0
            ? $"Translation counts recounted in {seconds} s: the kept counts were right."
            : $"Translation counts recounted in {seconds} s: {corrected.Count} kept counts were wrong and are corrected:");
        foreach (var d in corrected) output.WriteLine($"  {d.Key}: kept {d.Stored}, counted {d.Counted}");
        return 0;
    }

    // The kept counts against a count of every record now, without changing anything (tests, and a check).
    public static async Task<IReadOnlyList<Difference>> CheckAsync(ConcordDb db, CancellationToken ct) =>
        Differences(await StoredAsync(db, ct), await CountRecordsAsync(db, ct));

    static async Task<IReadOnlyList<Difference>?> RecountAsync(ConcordDb db, bool onlyWhenEmpty, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        // Counting millions of rows outlasts the usual command timeout.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                // Readers still read the old counts; saves wait before changing them. (SQLite: one writer at a time already.)
                if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("""LOCK TABLE "TranslationCounts" IN EXCLUSIVE MODE""", token);
                if (onlyWhenEmpty && await db.TranslationCounts.IgnoreQueryFilters().AnyAsync(token)) return null;
                var stored = await StoredAsync(db, token);
                var counted = await CountRecordsAsync(db, token);
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "TranslationCounts" """, token);
                // A row for every kind, language and status even where nothing is left, so that an empty table means "never counted".
                var rows = TranslationWork.Kinds.SelectMany(k => LocalizedText.Languages.SelectMany(l => TranslationWork.Open.Select(s =>
                    new Key(k, l, s, Visibility.Public, VisibilityRule.NoSide)))).ToDictionary(k => k, _ => 0);
                foreach (var (key, n) in counted) rows[key] = n;
                await AddAsync(db, rows, token);
                await transaction.CommitAsync(token);
                return (IReadOnlyList<Difference>?)Differences(stored, counted);
            }, ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    static async Task<Dictionary<Key, int>> StoredAsync(ConcordDb db, CancellationToken ct) =>
        (await db.TranslationCounts.IgnoreQueryFilters().AsNoTracking().Where(c => c.Count != 0).ToListAsync(ct))
            .ToDictionary(c => new Key(c.Kind, c.Language, c.Status, c.Visibility, c.RestrictedTo!), c => c.Count);

    static List<Difference> Differences(Dictionary<Key, int> stored, Dictionary<Key, int> counted) =>
        [.. stored.Keys.Union(counted.Keys)
            .Select(k => new Difference(k, stored.GetValueOrDefault(k), counted.GetValueOrDefault(k)))
            .Where(d => d.Stored != d.Counted)
            .OrderBy(d => d.Key.ToString(), StringComparer.Ordinal)];

    static async Task<Dictionary<Key, int>> CountRecordsAsync(ConcordDb db, CancellationToken ct)
    {
        var counts = new Dictionary<Key, int>();
        foreach (var kind in TranslationWork.Kinds) await AddCountsAsync(db, kind, null, counts, +1, ct);
        return counts;
    }

    // Adds (sign +1) or takes away (-1) the counts of the records of a kind with these ids (all: null), read from the
    // database as they are now. The one way the counts are made: by a recount and before and after every save.
    internal static async Task AddCountsAsync(ConcordDb db, TranslatableKind kind, IReadOnlyCollection<int>? ids, Dictionary<Key, int> into, int sign, CancellationToken ct)
    {
        if (ids is null)
        {
            Add(await CountAsync(db, kind, null, ct));
            return;
        }
        // Chunks keep a statement's parameters few (an import saves thousands of reports at once).
        foreach (var chunk in ids.Chunk(1000)) Add(await CountAsync(db, kind, chunk, ct));

        void Add(List<Counted> rows)
        {
            foreach (var row in rows)
                foreach (var language in LocalizedText.Languages)
                    foreach (var status in TranslationWork.Open)
                    {
                        var n = row.Counts.For(language, status);
                        if (n == 0) continue;
                        var key = new Key(kind, language, status, row.Visibility, row.Side);
                        into[key] = into.GetValueOrDefault(key) + sign * n;
                    }
        }
    }

    static Task<List<Counted>> CountAsync(ConcordDb db, TranslatableKind kind, int[]? ids, CancellationToken ct) => kind switch
    {
        TranslatableKind.Instrument => CountAsync(db.Instruments, ids, ct),
        TranslatableKind.Meeting => CountAsync(db.Meetings, ids, ct),
        TranslatableKind.Commitment => CountAsync(db.Commitments, ids, ct),
        TranslatableKind.Report => CountAsync(db.ProgressReports, ids, ct),
        TranslatableKind.Activity => CountAsync(db.Activities, ids, ct),
        _ => CountAsync(db.Organisations, ids, ct),
    };

    sealed record Counted(Visibility Visibility, string Side, SixCounts Counts);

    // One statement: the six counts (three languages, missing or unverified) per visibility class, read past the
    // viewer's filter (a save changes counts the saving reader may not see), withdrawn records left out.
    static async Task<List<Counted>> CountAsync<T>(IQueryable<T> set, int[]? ids, CancellationToken ct) where T : Record, ITranslatable
    {
        var rows = set.IgnoreQueryFilters().AsNoTracking();
        if (typeof(IWithdrawable).IsAssignableFrom(typeof(T))) rows = rows.Where(VisibilityRule.NotWithdrawn<T>());
        if (ids is not null) rows = rows.Where(x => ids.Contains(x.Id));
        if (!typeof(IRestrictable).IsAssignableFrom(typeof(T)))
            return await rows.GroupBy(x => 1).Select(CountsPerGroup<T, int>(
                _ => Expression.Constant(Visibility.Public), _ => Expression.Constant(VisibilityRule.NoSide))).ToListAsync(ct);
        return await rows.GroupBy(VisibilityRule.ClassOf<T>()).Select(CountsPerGroup<T, VisibilityClass>(
            key => Expression.Property(key, nameof(VisibilityClass.Visibility)), key => Expression.Property(key, nameof(VisibilityClass.Side)))).ToListAsync(ct);
    }

    // g => new Counted(visibility, side, new SixCounts(g.Count(needs vi missing), ...)): COUNT(*) FILTER (WHERE ...) on
    // PostgreSQL, COUNT(CASE ...) on SQLite, with the queue's own rule (TranslationRules.Needs) as the condition.
    static Expression<Func<IGrouping<TKey, T>, Counted>> CountsPerGroup<T, TKey>(Func<Expression, Expression> visibility, Func<Expression, Expression> side) where T : ITranslatable
    {
        var group = Expression.Parameter(typeof(IGrouping<TKey, T>), "g");
        var key = Expression.Property(group, nameof(IGrouping<TKey, T>.Key));
        // SixCounts takes them in the order vi, en, lo, each Missing then Unverified.
        var counts = LocalizedText.Languages.SelectMany(l => TranslationWork.Open.Select(s => (Expression)Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group, TranslationRules.Needs<T>(l, s)))).ToArray();
        var six = Expression.New(typeof(SixCounts).GetConstructors().Single(), counts);
        var row = Expression.New(typeof(Counted).GetConstructors().Single(), visibility(key), side(key), six);
        return Expression.Lambda<Func<IGrouping<TKey, T>, Counted>>(row, group);
    }

    // Adds each change to its row, making the row the first time: `"Count" = "Count" + change` in the database, so
    // two saves at once each add their own (reading the count and writing the sum would lose one of them).
    internal static async Task AddAsync(ConcordDb db, IEnumerable<KeyValuePair<Key, int>> changes, CancellationToken ct)
    {
        // In key order, so that two saves changing the same rows take their locks in the same order.
        var ordered = changes.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(100))
        {
            var sql = new StringBuilder("""INSERT INTO "TranslationCounts" ("Kind", "Language", "Status", "Visibility", "RestrictedTo", "Count") VALUES """);
            var values = new List<object>();
            foreach (var (key, n) in chunk)
            {
                if (values.Count > 0) sql.Append(", ");
                var i = values.Count;
                sql.Append($"({{{i}}}, {{{i + 1}}}, {{{i + 2}}}, {{{i + 3}}}, {{{i + 4}}}, {{{i + 5}}})");
                values.AddRange([key.Kind.ToString(), key.Language, key.Status.ToString(), key.Visibility.ToString(), key.Side, n]);
            }
            sql.Append("""
                 ON CONFLICT ("Kind", "Language", "Status", "Visibility", "RestrictedTo")
                DO UPDATE SET "Count" = "TranslationCounts"."Count" + excluded."Count"
                """);
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), values, ct);
        }
    }
}
