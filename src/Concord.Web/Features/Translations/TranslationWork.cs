using System.Linq.Expressions;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Concord.Features.Translations;

public enum TranslatableKind { Instrument, Meeting, Commitment, Report, Activity, Organisation }

// The translation work left in the record: which records lack a text in a language, or hold one nobody
// has checked, per kind of record. Every query goes through the visibility filter, so a reader counts
// and sees only what they may read.
public static class TranslationWork
{
    public static readonly TranslatableKind[] Kinds = Enum.GetValues<TranslatableKind>();
    public static readonly TranslationStatus[] Open = [TranslationStatus.Missing, TranslationStatus.Unverified];

    // One row of the queue: the record, its main text and where to read and edit it.
    public sealed record Row(TranslatableKind Kind, int Id, int Version, LocalizedText Text, LocalizedText? Second, LocalizedText? Third, TranslationState State, int? CommitmentId)
    {
        // Every text of the record that holds something, so a translator sees all they are checking.
        public IEnumerable<LocalizedText> Texts => new[] { Text, Second, Third }.Where(t => t is not null && !t.IsEmpty)!;

        public string Url => Kind switch
        {
            TranslatableKind.Report => $"/commitments/{CommitmentId}#report-{Id}",
            _ => $"/{Segment(Kind)}/{Id}",
        };
        public string EditUrl => Kind switch
        {
            TranslatableKind.Report => $"/commitments/{CommitmentId}/reports/{Id}/edit",
            _ => $"/{Segment(Kind)}/{Id}/edit",
        };
    }

    public static string Segment(TranslatableKind kind) => kind switch
    {
        TranslatableKind.Instrument => "instruments",
        TranslatableKind.Meeting => "meetings",
        TranslatableKind.Commitment => "commitments",
        TranslatableKind.Report => "reports",
        TranslatableKind.Activity => "activities",
        _ => "organisations",
    };

    // Newest first, by id (the primary key: keyset paging with no extra index), `before` the last id shown.
    // Texts and translation state are read column by column (new LocalizedText(...), new TranslationState {...}):
    // an owned value projected whole makes EF read the owner's entire row, search text included.
    public static Task<List<Row>> PageAsync(ConcordDb db, TranslatableKind kind, string language, TranslationStatus? status, int? before, int? only, int size, CancellationToken ct)
    {
        var after = before ?? int.MaxValue;
        var (from, to) = only is { } id ? (id, id) : (0, int.MaxValue);
        return kind switch
        {
            TranslatableKind.Instrument => db.Instruments.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<Instrument>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Title.Vi, x.Title.En, x.Title.Lo), new LocalizedText(x.Summary.Vi, x.Summary.En, x.Summary.Lo), null, new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, null)).ToListAsync(ct),
            TranslatableKind.Meeting => db.Meetings.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<Meeting>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Title.Vi, x.Title.En, x.Title.Lo), new LocalizedText(x.Agenda.Vi, x.Agenda.En, x.Agenda.Lo), new LocalizedText(x.Summary.Vi, x.Summary.En, x.Summary.Lo), new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, null)).ToListAsync(ct),
            TranslatableKind.Commitment => db.Commitments.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<Commitment>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Text.Vi, x.Text.En, x.Text.Lo), null, null, new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, null)).ToListAsync(ct),
            TranslatableKind.Report => db.ProgressReports.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<ProgressReport>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Narrative.Vi, x.Narrative.En, x.Narrative.Lo), null, null, new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, x.CommitmentId)).ToListAsync(ct),
            TranslatableKind.Activity => db.Activities.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<Activity>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Title.Vi, x.Title.En, x.Title.Lo), new LocalizedText(x.Description.Vi, x.Description.En, x.Description.Lo), null, new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, null)).ToListAsync(ct),
            _ => db.Organisations.AsNoTracking().Where(status is { } s ? TranslationRules.Needs<Organisation>(language, s) : x => true).Where(x => x.Id < after && x.Id >= from && x.Id <= to)
                .OrderByDescending(x => x.Id).Take(size).Select(x => new Row(kind, x.Id, x.Version, new LocalizedText(x.Name.Vi, x.Name.En, x.Name.Lo), null, null, new TranslationState { Original = x.Translation.Original, ViVerifiedBy = x.Translation.ViVerifiedBy, ViVerifiedAt = x.Translation.ViVerifiedAt, EnVerifiedBy = x.Translation.EnVerifiedBy, EnVerifiedAt = x.Translation.EnVerifiedAt, LoVerifiedBy = x.Translation.LoVerifiedBy, LoVerifiedAt = x.Translation.LoVerifiedAt }, null)).ToListAsync(ct),
        };
    }

    // One record's texts and translation state, whatever its state, for the panel on its page.
    public static async Task<Row?> OneAsync(ConcordDb db, TranslatableKind kind, int id, CancellationToken ct) =>
        (await PageAsync(db, kind, Cultures.Default, null, null, id, 1, ct)).SingleOrDefault();

    // The tracked record, for a verification; null when it does not exist or the reader may not see it.
    public static async Task<ITranslatable?> FindAsync(ConcordDb db, TranslatableKind kind, int id, CancellationToken ct) => kind switch
    {
        TranslatableKind.Instrument => await db.Instruments.FirstOrDefaultAsync(x => x.Id == id, ct),
        TranslatableKind.Meeting => await db.Meetings.FirstOrDefaultAsync(x => x.Id == id, ct),
        TranslatableKind.Commitment => await db.Commitments.FirstOrDefaultAsync(x => x.Id == id, ct),
        TranslatableKind.Report => await db.ProgressReports.FirstOrDefaultAsync(x => x.Id == id, ct),
        TranslatableKind.Activity => await db.Activities.FirstOrDefaultAsync(x => x.Id == id, ct),
        _ => await db.Organisations.FirstOrDefaultAsync(x => x.Id == id, ct),
    };

    // Who may say a translation is right: whoever may edit the record. A progress report belongs to
    // one side, so only that side's coordinator or the focal point who may write it verifies it.
    public static async Task<bool> MayVerifyAsync(ConcordDb db, CurrentUser user, ITranslatable record, CancellationToken ct) => record switch
    {
        ProgressReport r => await ReportAccess.AllowsAsync(db, user, r.CommitmentId, r.Country, ct),
        _ => Access.CanEditRecord(user),
    };

    // Whether the reader might verify anything: shows or hides the buttons, the server checks again.
    public static bool MightVerify(CurrentUser user) => Access.CanEditRecord(user) || Access.MayReport(user);

    public sealed record Totals(IReadOnlyDictionary<(string Language, TranslationStatus Status), int> ByLanguage)
    {
        public int this[string language, TranslationStatus status] => ByLanguage.GetValueOrDefault((language, status));
    }

    // Six counts (three languages, not translated or not verified) of one table in one statement:
    // COUNT(*) FILTER (WHERE ...) on PostgreSQL, COUNT(CASE ...) on SQLite, so a table is read once, not six times.
    public sealed record SixCounts(int ViMissing, int ViUnverified, int EnMissing, int EnUnverified, int LoMissing, int LoUnverified)
    {
        public int For(string language, TranslationStatus status) => (language, status) switch
        {
            ("vi", TranslationStatus.Missing) => ViMissing, ("vi", TranslationStatus.Unverified) => ViUnverified,
            ("en", TranslationStatus.Missing) => EnMissing, ("en", TranslationStatus.Unverified) => EnUnverified,
            ("lo", TranslationStatus.Missing) => LoMissing, ("lo", TranslationStatus.Unverified) => LoUnverified,
            _ => 0,
        };
    }

    static Task<SixCounts?> CountAllAsync<T>(IQueryable<T> set, Func<string, TranslationStatus, Expression<Func<T, bool>>> needs, CancellationToken ct) where T : class
    {
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var counts = LocalizedText.Languages.SelectMany(l => Open.Select(s => (Expression)Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Count), [typeof(T)], group, needs(l, s)))).ToArray();
        // The record's constructor takes them in the order vi, en, lo, each Missing then Unverified.
        var constructor = typeof(SixCounts).GetConstructors().Single();
        var select = Expression.Lambda<Func<IGrouping<int, T>, SixCounts>>(Expression.New(constructor, counts), group);
        return set.AsNoTracking().GroupBy(x => 1).Select(select).FirstOrDefaultAsync(ct)!;
    }

    // Every count of every kind: one statement per table, kept per visibility class until the next save
    // (ReaderCache): counting 5,000,000 reports on each view of the queue took seconds.
    public static Task<Dictionary<TranslatableKind, SixCounts>> ByKindAsync(ConcordDb db, IMemoryCache cache, CancellationToken ct) =>
        ReaderCache.GetAsync(cache, db, "translation-counts", null, () => ByKindAsync(db, ct));

    public static async Task<Dictionary<TranslatableKind, SixCounts>> ByKindAsync(ConcordDb db, CancellationToken ct)
    {
        var none = new SixCounts(0, 0, 0, 0, 0, 0);
        return new Dictionary<TranslatableKind, SixCounts>
        {
            [TranslatableKind.Instrument] = await CountAllAsync(db.Instruments, TranslationRules.Needs<Instrument>, ct) ?? none,
            [TranslatableKind.Meeting] = await CountAllAsync(db.Meetings, TranslationRules.Needs<Meeting>, ct) ?? none,
            [TranslatableKind.Commitment] = await CountAllAsync(db.Commitments, TranslationRules.Needs<Commitment>, ct) ?? none,
            [TranslatableKind.Report] = await CountAllAsync(db.ProgressReports, TranslationRules.Needs<ProgressReport>, ct) ?? none,
            [TranslatableKind.Activity] = await CountAllAsync(db.Activities, TranslationRules.Needs<Activity>, ct) ?? none,
            [TranslatableKind.Organisation] = await CountAllAsync(db.Organisations, TranslationRules.Needs<Organisation>, ct) ?? none,
        };
    }

    // The home page's counts, per language, over every kind, from the queue's counts (kept per visibility class).
    public static async Task<Totals> TotalsAsync(ConcordDb db, IMemoryCache cache, CurrentUser viewer, CancellationToken ct)
    {
        var sum = (await ByKindAsync(db, cache, ct)).Values.Aggregate(new SixCounts(0, 0, 0, 0, 0, 0), (a, t) => new SixCounts(
            a.ViMissing + t.ViMissing, a.ViUnverified + t.ViUnverified, a.EnMissing + t.EnMissing,
            a.EnUnverified + t.EnUnverified, a.LoMissing + t.LoMissing, a.LoUnverified + t.LoUnverified));
        var totals = new Totals(LocalizedText.Languages.SelectMany(l => Open.Select(st => (l, st)))
            .ToDictionary(x => (x.l, x.st), x => sum.For(x.l, x.st)));
        return totals;
    }
}
