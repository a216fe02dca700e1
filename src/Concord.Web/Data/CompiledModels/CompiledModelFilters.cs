using Concord.Shared;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Internal;

namespace Concord.Data.CompiledModels
{
    // The compiled models (Sqlite/, Postgres/) are EF's model written as code by scripts/compile-model.sh, so that a start
    // does not build it: building it was about 1.1 s of a start on SQLite. EF does not write query filters into a compiled
    // model, and Concord's visibility and withdrawal rules are query filters; they are added here as the model loads, from
    // the same rules the built model takes them from (RecordMapping.MapQueryFilters). CompiledModelTests compares the two
    // models, filters included, on both databases, and fails when the model changed and the script was not run again.
    static class CompiledModelFilters
    {
        public static void AddTo(RuntimeModel model)
        {
            // What EF's own conversion of a built model into a runtime one writes (RuntimeModelConvention): the filters
            // as an annotation. Its types are public but marked internal to EF (EF1001): an upgrade of EF that changes
            // them fails every test that reads a record, not silently.
#pragma warning disable EF1001
            foreach (var entityType in ((IModel)model).GetEntityTypes().Cast<RuntimeEntityType>())
            {
                var filters = VisibilityRule.FiltersOf(entityType.ClrType).Select(f => (IQueryFilter)new RuntimeQueryFilter(f.Name, f.Filter)).ToList();
                if (filters.Count > 0 && !((IEntityType)entityType).HasSharedClrType)
                    entityType.AddAnnotation(CoreAnnotationNames.QueryFilter, new QueryFilterCollection(filters));
            }
#pragma warning restore EF1001
        }
    }

    // EF calls these once, as each compiled model loads, before it finalizes the model.
    namespace Sqlite
    {
        public partial class SqliteConcordDbModel
        {
            partial void Customize() => CompiledModelFilters.AddTo(this);
        }
    }

    namespace Postgres
    {
        public partial class PostgresConcordDbModel
        {
            partial void Customize() => CompiledModelFilters.AddTo(this);
        }
    }
}
