using System.Buffers.Text;
using System.Security.Cryptography;

namespace Concord.Features.Accounts.Tokens;

// What a personal access token may be given, and how one is made.
public static class PersonalTokens
{
    public const int DefaultDays = 90;
    public const int MaxDays = 365;

    // The scopes each role may put on a token: never more than the role itself may do. Reading is part
    // of every token (a script that reports or edits reads first). An administrator's token reads only:
    // administration needs a signed-in session with its second factor (Access.CanAdminister).
    public static IReadOnlyList<string> AllowedScopes(Role role) => role switch
    {
        Role.Coordinator => [TokenScopes.Read, TokenScopes.Report, TokenScopes.Edit],
        Role.FocalPoint => [TokenScopes.Read, TokenScopes.Report],
        _ => [TokenScopes.Read],
    };

    // "cnc_" and 32 random bytes, base64url: 256 bits nobody guesses. The prefix recognises a Concord
    // token in a leaked file or a secret scanner; the 8 characters after it name the token in lists.
    public static (string Token, string Prefix) Generate()
    {
        var token = TokenAuthenticationHandler.Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, token.Substring(TokenAuthenticationHandler.Prefix.Length, 8));
    }
}
