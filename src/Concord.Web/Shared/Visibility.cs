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

// The query filter every restrictable record is mapped with (RecordMapping.MapRecord).
public static class VisibilityRule
{
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

    public static Expression<Func<T, bool>> VisibleToReader<T>()
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        var body = new ReplaceParameter(Rule.Parameters[0], parameter).Visit(Rule.Body);
        foreach (var path in RestrictableParents.GetValueOrDefault(typeof(T)) ?? [])
        {
            var parent = path.Aggregate((Expression)parameter, Expression.Property);
            body = Expression.AndAlso(body, new ReplaceParameter(Rule.Parameters[0], parent).Visit(Rule.Body));
        }
        return Expression.Lambda<Func<T, bool>>(body, parameter);
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
