using System.Security.Claims;
using Concord.Features.Accounts;

namespace Concord.Shared;

// Who is doing this, read once per request from the signed-in principal. Outside a request (start-up,
// the demo loader, the generator) it is the system, which sees every record.
public sealed class CurrentUser
{
    public int? AccountId { get; init; }
    public string Name { get; init; } = "anonymous";
    public Role? Role { get; init; }
    // The side: VN, LA or a third party's country; null when not signed in.
    public string? Country { get; init; }
    public int? OrganisationId { get; init; }
    // Set when the request came with a personal access token: what the token allows, within the role.
    public IReadOnlySet<string>? TokenScopes { get; init; }
    public bool IsSystem { get; init; }

    public bool IsSignedIn => AccountId is not null;
    public bool CanEdit => Access.CanEditRecord(this);

    public static readonly CurrentUser Anonymous = new();
    public static readonly CurrentUser System = new() { Name = "system", IsSystem = true };

    public static CurrentUser From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true) return Anonymous;
        // Between the password and the second factor the pending cookie names the account, but nobody is signed in yet.
        if (principal.HasClaim(c => c.Type == ConcordClaims.Pending)) return Anonymous;
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!int.TryParse(id, out var accountId)) return Anonymous;
        var scopes = principal.FindFirstValue(ConcordClaims.TokenScopes);
        return new CurrentUser
        {
            AccountId = accountId,
            Name = principal.FindFirstValue(ClaimTypes.Name) ?? "",
            Role = Enum.TryParse<Role>(principal.FindFirstValue(ClaimTypes.Role), out var role) ? role : null,
            Country = principal.FindFirstValue(ConcordClaims.Country),
            OrganisationId = int.TryParse(principal.FindFirstValue(ConcordClaims.Organisation), out var org) ? org : null,
            TokenScopes = scopes is null ? null : scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
        };
    }
}

public static class ConcordClaims
{
    public const string Country = "concord:country";
    public const string Organisation = "concord:org";
    public const string Session = "concord:sid";
    public const string Token = "concord:token";
    public const string TokenScopes = "concord:scopes";
    // On the short-lived cookie between the password and the second factor: "mfa" or "enrol".
    public const string Pending = "concord:pending";
    // The interface language the account chose (Account.Language), read by AccountLanguageProvider.
    public const string Language = "concord:lang";
}
