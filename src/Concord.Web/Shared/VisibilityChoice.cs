namespace Concord.Shared;

// Who may read a record, as its editor chooses it on a form or in the API: published, shared by both
// sides, or kept to the editor's own side. Restricting keeps a record to the side of whoever restricts
// it, so a side can only ever hide its own records from the other, never the other's from itself.
public static class VisibilityChoice
{
    // A string key to localize, or null when the choice is fine. `allowPublic` is false for progress
    // reports, which are shared with both sides or kept to their own.
    public static string? Check(Visibility? chosen, CurrentUser editor, bool allowPublic = true)
    {
        if (chosen is not { } value) return null;
        if (!Enum.IsDefined(value)) return "Validation.UnknownChoice";
        if (value == Visibility.Public && !allowPublic) return "Access.ReportNotPublic";
        // A third party's official has no side to keep a record to.
        if (value == Visibility.Restricted && !Sides.IsKnown(editor.Country)) return "Access.CannotRestrict";
        return null;
    }

    // No choice keeps what the record has (a new record is shared by both sides).
    public static void Apply(IRestrictable record, Visibility? chosen, string? side)
    {
        if (chosen is not { } value) return;
        record.Visibility = value;
        record.RestrictedTo = value == Visibility.Restricted ? side : null;
    }
}

// The radio buttons of a form (Features/Shared/_Visibility.cshtml). `Side` is the editor's side, to which
// "only my side" restricts; without one that choice is not offered.
public sealed record VisibilityField(string Name, Visibility? Value, string? Side, bool OfferPublic = true);

// The badge on a record's page (Features/Shared/_VisibilityBadge.cshtml).
public sealed record VisibilityBadge(Visibility Visibility, string? RestrictedTo);
