using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Concord.Data;

// A query compiled once (EF.CompileAsyncQuery) for each model it runs against. The queries every request makes (the
// session's or the token's check, a commitment's page, a list page's leads and report dates) are built as expression
// trees on each call otherwise, with reflection over every member they name: most of what such a request allocated.
// EF binds a compiled query to the first model it meets and refuses any other, and a process can hold several
// (the SQLite and the PostgreSQL context; the tests' hosts), so there is one compilation per model.
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    readonly ConditionalWeakTable<IModel, TQuery> byModel = new();

    // Looked up first, so that the request's path makes no callback for the table (it compiles only once per model).
    public TQuery For(DbContext db) => byModel.TryGetValue(db.Model, out var query) ? query : byModel.GetValue(db.Model, _ => compile());
}
