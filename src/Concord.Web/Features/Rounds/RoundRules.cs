using Concord.Features.Accounts;
using Concord.Shared;

namespace Concord.Features.Rounds;

// Who runs a round: a side's round is its coordinators'; a round both sides share, either side's coordinators.
public static class RoundRules
{
    // The confirmation shown after closing (Flash.RoundClosed in Rounds.strings.json).
    public const string ClosedFlash = "RoundClosed";

    public static bool MayManage(CurrentUser user, Round round) =>
        Access.CanEditRecord(user) && Sides.IsKnown(user.Country) && (round.Side is null || round.Side == user.Country);

    // Whose reports a round asks for that this user might write: their own side, if the round asks it.
    public static bool AsksSide(Round round, string? side) => side is not null && round.Sides.Contains(side);
}
