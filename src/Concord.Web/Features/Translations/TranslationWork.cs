using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

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

    // Six counts (three languages, not translated or not verified) of one kind of record.
    public sealed record SixCounts(int ViMissing, int ViUnverified, int EnMissing, int EnUnverified, int LoMissing, int LoUnverified)
    {
        public int For(string language, TranslationStatus status) => (language, status) switch
        {
            ("vi", TranslationStatus.Missing) => ViMissing, ("vi", TranslationStatus.Unverified) => ViUnverified,
            ("en", TranslationStatus.Missing) => EnMissing, ("en", TranslationStatus.Unverified) => EnUnverified,
            ("lo", TranslationStatus.Missing) => LoMissing, ("lo", TranslationStatus.Unverified) => LoUnverified,
            _ => 0,
        };

        public static SixCounts Of(Func<string, TranslationStatus, int> count) => new(
            count("vi", TranslationStatus.Missing), count("vi", TranslationStatus.Unverified),
            count("en", TranslationStatus.Missing), count("en", TranslationStatus.Unverified),
            count("lo", TranslationStatus.Missing), count("lo", TranslationStatus.Unverified));
    }

    // The home page's counts, per language, over every kind, from the kept counts the reader may see.
    public static async Task<Totals> TotalsAsync(ConcordDb db, CancellationToken ct)
    {
        var counts = (await TranslationCounts.ForReaderAsync(db, ct)).Values.ToList();
        return new Totals(LocalizedText.Languages.SelectMany(l => Open.Select(s => (l, s)))
            .ToDictionary(x => x, x => counts.Sum(c => c.For(x.l, x.s))));
    }
}
