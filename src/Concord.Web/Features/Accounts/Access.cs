using Concord.Shared;

namespace Concord.Features.Accounts;

// Who may change what, in one place. Pages and the API check these on the server; the interface uses
// the same rules only to hide buttons a user could not use.
public static class Access
{
    // Policy names, given to every page and endpoint (AccessTests checks none is left without one).
    public const string SignedIn = "signed-in";
    public const string EditRecord = "edit-record";
    public const string Report = "report";
    public const string Administer = "administer";

    public static bool CanEditRecord(CurrentUser user) =>
        user.Role == Role.Coordinator && TokenAllows(user, TokenScopes.Edit);

    public static bool CanAdminister(CurrentUser user) =>
        user.Role == Role.Administrator && user.TokenScopes is null;

    public static bool MayReport(CurrentUser user) =>
        user.Role is Role.Coordinator or Role.FocalPoint && TokenAllows(user, TokenScopes.Report);

    // A progress report belongs to one side. A coordinator writes every report of their own side; a focal
    // point only on commitments led by their department (or a unit under it, or a body it succeeded:
    // `ownUnits` is OrganisationScope.ExpandAsync of the focal point's organisation). A side never writes
    // the other side's reports.
    public static bool CanReport(CurrentUser user, string reportCountry, IEnumerable<int> commitmentLeads, IReadOnlyCollection<int> ownUnits)
    {
        if (!MayReport(user) || user.Country != reportCountry) return false;
        if (user.Role == Role.Coordinator) return true;
        return commitmentLeads.Any(ownUnits.Contains);
    }

    // A token narrows what its owner may do, never widens it: a token without the scope is refused
    // even when the owner's role would allow the action.
    static bool TokenAllows(CurrentUser user, string scope) =>
        user.TokenScopes is null || user.TokenScopes.Contains(scope);
}
