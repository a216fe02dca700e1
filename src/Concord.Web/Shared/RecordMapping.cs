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
        MapQueryFilters(e);
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
        }
        if (typeof(IWithdrawable).IsAssignableFrom(typeof(T)))
        {
            e.Property(nameof(IWithdrawable.WithdrawnBy)).HasMaxLength(256);
            e.Property(nameof(IWithdrawable.WithdrawnSide)).HasMaxLength(2);
            e.Property(nameof(IWithdrawable.WithdrawalReason)).HasMaxLength(1000);
        }
    }

    // Every query of these records goes through these filters (Shared/Visibility.cs): a record restricted to one side
    // cannot be reached by the other side, by a list, a search, a report or an id typed in a URL, and a withdrawn
    // one by nobody.
    public static void MapQueryFilters(this EntityTypeBuilder e)
    {
        if (ForCompiledModel) return;
        foreach (var (name, filter) in VisibilityRule.FiltersOf(e.Metadata.ClrType))
            e.HasQueryFilter(name, filter);
    }

    // Set only by `dotnet ef dbcontext optimize` (scripts/compile-model.sh, through Data/DesignTimeFactories.cs): EF
    // cannot write query filters into a compiled model, so it is generated without them and they are added to it
    // as it loads (Data/CompiledModels/CompiledModelFilters.cs). Never set while Concord runs.
    public static bool ForCompiledModel { get; set; }

    public static void MapSearchable<T>(this EntityTypeBuilder<T> e) where T : class, ISearchable
    {
        e.Property(x => x.SearchText).HasDefaultValue("");
    }
}
