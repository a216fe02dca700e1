using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Concord.Shared;

// Which language a record was written in, and for each other language whether a person who reads
// both has checked the translation against the original, and who. Mapped as an EF complex type:
// columns Translation_Original, Translation_LoVerifiedBy, Translation_LoVerifiedAt, ...
//
// A verification belongs to the words that were checked: it is cleared when the translation or the
// original changes afterwards (ClearStaleVerifications, run by ConcordDb on every save), so "verified"
// never covers text nobody has read.
public sealed class TranslationState
{
    public string Original { get; set; } = Cultures.Default;

    public string? ViVerifiedBy { get; set; }
    public DateTime? ViVerifiedAt { get; set; }
    public string? EnVerifiedBy { get; set; }
    public DateTime? EnVerifiedAt { get; set; }
    public string? LoVerifiedBy { get; set; }
    public DateTime? LoVerifiedAt { get; set; }

    public (string? By, DateTime? At) VerificationOf(string language) => language switch
    {
        "vi" => (ViVerifiedBy, ViVerifiedAt),
        "en" => (EnVerifiedBy, EnVerifiedAt),
        "lo" => (LoVerifiedBy, LoVerifiedAt),
        _ => (null, null),
    };

    public void Verify(string language, string? by, DateTime? at)
    {
        switch (language)
        {
            case "vi": (ViVerifiedBy, ViVerifiedAt) = (by, at); break;
            case "en": (EnVerifiedBy, EnVerifiedAt) = (by, at); break;
            case "lo": (LoVerifiedBy, LoVerifiedAt) = (by, at); break;
        }
    }

    public void ClearVerification(string language) => Verify(language, null, null);
}

public enum TranslationStatus
{
    // The record was written in this language.
    Original,
    // At least one of the record's texts exists in the original but not in this language.
    Missing,
    // Every text is there, and nobody has checked it against the original yet.
    Unverified,
    Verified,
}

// A record whose texts are held in several languages: instruments, meetings, commitments,
// progress reports, activities and organisations. Its texts are its LocalizedText properties, all of
// them (TranslationRules.TextsOf): a new text property is translated, verified and queued like the others.
public interface ITranslatable
{
    TranslationState Translation { get; }
}

public static class TranslationRules
{
    public static TranslationStatus StatusOf(TranslationState state, IEnumerable<LocalizedText> texts, string language)
    {
        if (state.Original == language) return TranslationStatus.Original;
        var written = texts.Where(t => !t.IsEmpty).ToList();
        if (written.Any(t => string.IsNullOrWhiteSpace(t.In(language)))) return TranslationStatus.Missing;
        return state.VerificationOf(language).At is null ? TranslationStatus.Unverified : TranslationStatus.Verified;
    }

    public static TranslationStatus StatusOf(this ITranslatable record, string language) =>
        StatusOf(record.Translation, TextsOf(record), language);

    // The record's texts, read through the getters of its LocalizedText properties, found once per type.
    public static IEnumerable<LocalizedText> TextsOf(ITranslatable record) =>
        TextGetters.GetOrAdd(record.GetType(), type => type.GetProperties()
                .Where(p => p.PropertyType == typeof(LocalizedText) && p.CanRead)
                .Select(p => (Func<object, LocalizedText>)(o => (LocalizedText)p.GetValue(o)!)).ToArray())
            .Select(get => get(record));

    static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<object, LocalizedText>[]> TextGetters = new();

    // A verification covers the words that were checked. A changed translation loses its own; a changed
    // original (or a different original language) loses every one, since each was checked against it.
    public static void ClearStaleVerifications(EntityEntry entry, TranslationState state)
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

    // The original language a form or an API call did not name: the one the editor works in if the
    // record has text in it, else the first language it has text in.
    public static string GuessOriginal(IEnumerable<LocalizedText> texts, string editorLanguage)
    {
        var written = texts.Where(t => !t.IsEmpty).ToList();
        if (written.Any(t => !string.IsNullOrWhiteSpace(t.In(editorLanguage)))) return editorLanguage;
        foreach (var language in LocalizedText.Languages)
            if (written.Any(t => !string.IsNullOrWhiteSpace(t.In(language)))) return language;
        return editorLanguage;
    }

    // Records that need work in `language`, as a query the database answers: written in another
    // language, and either missing a text in this one or not verified. Built as an expression tree over
    // the entity's LocalizedText properties so that EF translates it to plain column tests on both databases.
    public static Expression<Func<T, bool>> Needs<T>(string language, TranslationStatus status) where T : ITranslatable
    {
        var x = Expression.Parameter(typeof(T), "x");
        var suffix = LocalizedText.Property(language);
        var state = Expression.Property(x, nameof(ITranslatable.Translation));
        Expression notOriginal = Expression.NotEqual(Expression.Property(state, nameof(TranslationState.Original)), Expression.Constant(language));

        Expression? missing = null, written = null;
        foreach (var property in typeof(T).GetProperties().Where(p => p.PropertyType == typeof(LocalizedText)))
        {
            var t = Expression.Property(x, property);
            var lacks = Blank(Expression.Property(t, suffix));
            var any = LocalizedText.Languages.Where(l => l != language)
                .Select(l => (Expression)Expression.Not(Blank(Expression.Property(t, LocalizedText.Property(l)))))
                .Aggregate(Expression.OrElse);
            var gap = Expression.AndAlso(lacks, any);
            missing = missing is null ? gap : Expression.OrElse(missing, gap);
            var has = Expression.Not(lacks);
            written = written is null ? has : Expression.OrElse(written, has);
        }
        var unverified = Expression.Equal(Expression.Property(state, suffix + "VerifiedAt"), Expression.Constant(null, typeof(DateTime?)));
        var body = status switch
        {
            TranslationStatus.Missing => Expression.AndAlso(notOriginal, missing!),
            // Complete but unchecked: no gap, something written, no verification.
            TranslationStatus.Unverified => Expression.AndAlso(notOriginal, Expression.AndAlso(Expression.Not(missing!), Expression.AndAlso(written!, unverified))),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        return Expression.Lambda<Func<T, bool>>(body, x);
    }

    // Concord stores no empty strings for texts (inputs are cleaned to null), so null is blank.
    static Expression Blank(Expression value) => Expression.Equal(value, Expression.Constant(null, typeof(string)));
}

// The "written in" choice on every form and API input of a translatable record, checked and applied
// the same way everywhere (as VisibilityChoice is for visibility).
public static class OriginalLanguageChoice
{
    // An error key, or null: the language must be one Concord holds, and the record must have text in it.
    public static string? Check(string? chosen, params LocalizedText[] texts)
    {
        if (chosen is null) return null;
        if (!LocalizedText.Languages.Contains(chosen)) return "Validation.UnknownChoice";
        if (texts.All(t => t.IsEmpty)) return null; // the empty text has its own message
        return texts.Any(t => !string.IsNullOrWhiteSpace(t.In(chosen))) ? null : "Translations.NoTextInOriginal";
    }

    // Left out (an API call that does not name it), the original stays as it was while the record still
    // has text in it; otherwise it is guessed from the texts and the editor's language.
    public static void Apply(ITranslatable record, string? chosen)
    {
        var isNew = record is Record { Id: 0 };
        if (chosen is not null && LocalizedText.Languages.Contains(chosen)) { record.Translation.Original = chosen; return; }
        var texts = TranslationRules.TextsOf(record).ToList();
        var keep = !isNew && texts.Any(t => !string.IsNullOrWhiteSpace(t.In(record.Translation.Original)));
        if (!keep) record.Translation.Original = TranslationRules.GuessOriginal(texts, Cultures.Language);
    }
}

public sealed record OriginalLanguageField(string Name, string? Value);
