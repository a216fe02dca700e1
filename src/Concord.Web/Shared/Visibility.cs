namespace Concord.Shared;

// Who may read a record. What a ministry chose to publish is public; the working record is shared by
// the signed-in officials of both sides; a record restricted to one side is seen only by that side's
// accounts (administrators included), never by the other side's, whatever id is typed in a URL.
// Enforced by a query filter on every query (ConcordDb), so no page or endpoint can forget it.
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
