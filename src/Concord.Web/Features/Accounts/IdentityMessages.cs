using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// Identity reports what went wrong as codes with English descriptions; the reader gets our own message
// in their language, beside the field it is about.
public static class IdentityMessages
{
    static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        ["PasswordTooShort"] = "AccountAdmin.Error.PasswordTooShort",
        ["PasswordTooLong"] = "AccountAdmin.Error.PasswordTooLong",
        ["PasswordCommon"] = "AccountAdmin.Error.PasswordCommon",
        ["PasswordMismatch"] = "AccountAdmin.Error.PasswordMismatch",
        ["UserAlreadyHasPassword"] = "AccountAdmin.Error.LinkUsed",
        ["InvalidToken"] = "AccountAdmin.Error.LinkInvalid",
        ["DuplicateEmail"] = "AccountAdmin.Error.DuplicateEmail",
        ["DuplicateUserName"] = "AccountAdmin.Error.DuplicateEmail",
        ["InvalidEmail"] = "AccountAdmin.Error.EmailInvalid",
        ["InvalidUserName"] = "AccountAdmin.Error.EmailInvalid",
        ["ConcurrencyFailure"] = "Common.Conflict",
    };

    public static string Message(IdentityError error, IStringLocalizer t) =>
        t[Keys.GetValueOrDefault(error.Code, "AccountAdmin.Error.Other"), PasswordRules.MinimumLength, PasswordRules.MaximumLength];

    // One message per field, all of its errors together: a field shows only its first error, and
    // "Password123" is both too short and too easy to guess.
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, IStringLocalizer t, string passwordField, string? emailField = null)
    {
        var byField = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : e.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? emailField ?? "" : "");
        foreach (var field in byField)
            modelState.AddModelError(field.Key, string.Join(" ", field.Select(e => Message(e, t)).Distinct()));
    }
}
