using System.Linq.Expressions;
using Concord.Data;
using Concord.Features.Commitments;

namespace Concord.Shared;

// Who may read a record. What a ministry chose to publish is public; the working record is shared by
// the signed-in officials of both sides; a record restricted to one side is seen only by that side's
// accounts (administrators included), never by the other side's, whatever id is typed in a URL.
// Enforced by a query filter on every query (VisibilityRule below), so no page or endpoint can forget it.
public enum Visibility
{
    Public,
    Partners,
    Restricted,
}

public interface IRestrictable
{
    Visibility Visibility { get; set; }
    // The side (VN or LA) a Restricted record belongs to; null otherwise.
    string? RestrictedTo { get; set; }
}

// Who may see a record, as a key (VisibilityRule.ClassOf).
public sealed class VisibilityClass
{
    public Visibility Visibility { get; init; }
    public string Side { get; init; } = "";
}

// A record withdrawn by a coordinator (made by mistake, a duplicate) is gone from every list, search,
// count and API answer, like one the reader may not see, by a second query filter beside visibility
// (VisibilityRule.NotWithdrawn). It is not deleted: its history and audit stay, and a coordinator of the
// side that withdrew it restores it from /withdrawn (Features/Withdrawals).
public interface IWithdrawable
{
    DateTime? WithdrawnAt { get; set; }
    string? WithdrawnBy { get; set; }
    // The side (VN or LA) of the coordinator who withdrew it: only that side restores it.
    string? WithdrawnSide { get; set; }
    string? WithdrawalReason { get; set; }
}

// The query filters every restrictable record is mapped with (RecordMapping.MapRecord). Named, so that the
// withdrawn-records page can lift the withdrawal filter alone (IgnoreQueryFilters([VisibilityRule.Withdrawn]))
// and still see only what its reader may.
public static class VisibilityRule
{
    public const string Visible = "Visible";
    public const string Withdrawn = "Withdrawn";

    // EF replaces every ConcordDb a query filter mentions with the context that runs the query, and reads
    // the viewer from that context for each query (the model, filter included, is built once per context
    // type). This field only stands for that context in the expression; it is never read.
    static readonly ConcordDb Reader = null!;

    static readonly Expression<Func<IRestrictable, bool>> Rule = x =>
        Reader.ViewerSeesAll
        || x.Visibility == Visibility.Public
        || (Reader.ViewerSignedIn && (x.Visibility == Visibility.Partners || (x.Visibility == Visibility.Restricted && x.RestrictedTo == Reader.ViewerCountry)));

    // A clause of restricted minutes and a report on a restricted clause are hidden with what they belong to,
    // whatever their own visibility says: a side may restrict minutes after their clauses were shared.
    static readonly Dictionary<Type, string[][]> RestrictableParents = new()
    {
        [typeof(Commitment)] = [[nameof(Commitment.Instrument)]],
        [typeof(ProgressReport)] = [[nameof(ProgressReport.Commitment)], [nameof(ProgressReport.Commitment), nameof(Commitment.Instrument)]],
    };

    // The query filters of a mapped type, by what it is: a restrictable one is seen by the readers its visibility
    // allows, a withdrawable one is gone once withdrawn. The one place both models take them from: the model built
    // at start (RecordMapping.MapQueryFilters) and the compiled one (Data/CompiledModels/CompiledModelFilters.cs).
    public static IEnumerable<(string Name, LambdaExpression Filter)> FiltersOf(Type type)
    {
        if (typeof(IRestrictable).IsAssignableFrom(type)) yield return (Visible, VisibleToReader(type));
        if (typeof(IWithdrawable).IsAssignableFrom(type)) yield return (Withdrawn, NotWithdrawn(type));
    }

    static LambdaExpression VisibleToReader(Type type)
    {
        var parameter = Expression.Parameter(type, "x");
        var body = new ReplaceParameter(Rule.Parameters[0], parameter).Visit(Rule.Body);
        foreach (var path in RestrictableParents.GetValueOrDefault(type) ?? [])
        {
            var parent = path.Aggregate((Expression)parameter, Expression.Property);
            body = Expression.AndAlso(body, new ReplaceParameter(Rule.Parameters[0], parent).Visit(Rule.Body));
        }
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(bool)), body, parameter);
    }

    // Not withdrawn, nor under something withdrawn (a clause of withdrawn minutes, a report on a withdrawn clause).
    public static Expression<Func<T, bool>> NotWithdrawn<T>() => (Expression<Func<T, bool>>)NotWithdrawn(typeof(T));

    static LambdaExpression NotWithdrawn(Type type)
    {
        var parameter = Expression.Parameter(type, "x");
        Expression Live(Expression record) =>
            Expression.Equal(Expression.Property(record, nameof(IWithdrawable.WithdrawnAt)), Expression.Constant(null, typeof(DateTime?)));
        var body = Live(parameter);
        foreach (var path in RestrictableParents.GetValueOrDefault(type) ?? [])
            body = Expression.AndAlso(body, Live(path.Aggregate((Expression)parameter, Expression.Property)));
        return Expression.Lambda(typeof(Func<,>).MakeGenericType(type, typeof(bool)), body, parameter);
    }

    // Seen by every signed-in official of either side: neither it nor what it belongs to is kept to one side.
    // What a reader who is not signed in is sent to sign in for (SignInFirst); a record kept to one side stays
    // "not found" to them, as it is to the other side.
    public static Expression<Func<T, bool>> SharedWithBothSides<T>()
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        Expression Shared(Expression record) =>
            Expression.NotEqual(Expression.Property(record, nameof(IRestrictable.Visibility)), Expression.Constant(Visibility.Restricted));
        var body = Shared(parameter);
        foreach (var path in RestrictableParents.GetValueOrDefault(typeof(T)) ?? [])
            body = Expression.AndAlso(body, Shared(path.Aggregate((Expression)parameter, Expression.Property)));
        return Expression.Lambda<Func<T, bool>>(body, parameter);
    }

    // No restriction along the record: any signed-in reader (or anyone, when public) passes.
    public const string NoSide = "";
    // Two restrictions along the record that name different sides, or one that names none: no reader's side
    // equals it, so only the all-seeing system counts such a record (a restriction with no side, which no form or
    // API call writes, is counted for nobody else, though the filter above would show it to an account without a side).
    public const string NoReadersSide = "*";

    // What the filter above asks of a reader for a record and what it belongs to, as one (visibility, side) pair
    // a table of counts can be keyed by (Features/Translations/TranslationCounts.cs): the strictest visibility
    // along the record, and the side all its restrictions name. The filter applied to the pair lets a reader
    // through exactly when it lets them through for the record and each of its parents.
    public static Expression<Func<T, VisibilityClass>> ClassOf<T>()
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var chain = new List<Expression> { parameter };
        foreach (var path in RestrictableParents.GetValueOrDefault(typeof(T)) ?? [])
            chain.Add(path.Aggregate((Expression)parameter, Expression.Property));

        Expression Is(Expression record, Visibility visibility) =>
            Expression.Equal(Expression.Property(record, nameof(IRestrictable.Visibility)), Expression.Constant(visibility));
        Expression SideOf(Expression record) =>
            Expression.Coalesce(Expression.Property(record, nameof(IRestrictable.RestrictedTo)), Expression.Constant(NoReadersSide));
        Expression Any(Visibility visibility) => chain.Select(r => Is(r, visibility)).Aggregate(Expression.OrElse);

        var strictest = Expression.Condition(Any(Visibility.Restricted), Expression.Constant(Visibility.Restricted),
            Expression.Condition(Any(Visibility.Partners), Expression.Constant(Visibility.Partners), Expression.Constant(Visibility.Public)));
        // The first restricted record along the chain names the side, unless a later restricted one names another.
        Expression side = Expression.Constant(NoSide);
        for (var k = chain.Count - 1; k >= 0; k--)
        {
            var first = chain[k];
            var agree = chain.Skip(k + 1)
                .Select(r => (Expression)Expression.OrElse(Expression.Not(Is(r, Visibility.Restricted)), Expression.Equal(SideOf(r), SideOf(first))))
                .Aggregate((Expression)Expression.Constant(true), Expression.AndAlso);
            side = Expression.Condition(Is(first, Visibility.Restricted),
                Expression.Condition(agree, SideOf(first), Expression.Constant(NoReadersSide)), side);
        }
        var body = Expression.MemberInit(Expression.New(typeof(VisibilityClass)),
            Expression.Bind(typeof(VisibilityClass).GetProperty(nameof(VisibilityClass.Visibility))!, strictest),
            Expression.Bind(typeof(VisibilityClass).GetProperty(nameof(VisibilityClass.Side))!, side));
        return Expression.Lambda<Func<T, VisibilityClass>>(body, parameter);
    }

    sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        // x.Visibility on the interface becomes the entity's own property, which EF can translate.
        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == from
                ? Expression.Property(to, node.Member.Name)
                : base.VisitMember(node);
    }
}
