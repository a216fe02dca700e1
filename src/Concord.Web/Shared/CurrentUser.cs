namespace Concord.Shared;

// The one seam for "who is doing this". Until accounts exist every visitor is the same
// anonymous editor; the accounts work replaces this with the signed-in user and their side
// without touching the pages that ask it.
public sealed class CurrentUser
{
    public string Name { get; init; } = "anonymous";
    public bool CanEdit { get; init; } = true;
}
