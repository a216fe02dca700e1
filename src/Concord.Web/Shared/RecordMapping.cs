using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Concord.Shared;

// The mapping every record shares, called from each feature's mapping (Features/*/*Mapping.cs), so a
// new record gets the version check, its translation state and the visibility filter by one line.
public static class RecordMapping
{
    public static void MapRecord<T>(this EntityTypeBuilder<T> e) where T : Record
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
            e.HasQueryFilter(VisibilityRule.Visible, VisibilityRule.VisibleToReader<T>());
        }
        if (typeof(IWithdrawable).IsAssignableFrom(typeof(T)))
        {
            e.Property(nameof(IWithdrawable.WithdrawnBy)).HasMaxLength(256);
            e.Property(nameof(IWithdrawable.WithdrawnSide)).HasMaxLength(2);
            e.Property(nameof(IWithdrawable.WithdrawalReason)).HasMaxLength(1000);
            e.HasQueryFilter(VisibilityRule.Withdrawn, VisibilityRule.NotWithdrawn<T>());
        }
    }

    public static void MapSearchable<T>(this EntityTypeBuilder<T> e) where T : class, ISearchable
    {
        e.Property(x => x.SearchText).HasDefaultValue("");
    }
}
