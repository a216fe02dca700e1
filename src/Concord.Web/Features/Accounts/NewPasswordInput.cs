using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Accounts;

// A new password, typed twice: a mistyped passphrase would lock its owner out. The rules themselves
// (length, the common and contextual lists) are PasswordRules', run by Identity when the password is set.
public class NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    public string? NewPassword { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    public string? ConfirmPassword { get; set; }

    // Every problem at once: the rules are checked here too, not only when Identity sets the password,
    // so that a mistyped confirmation does not hide that the password itself would be refused.
    public async Task CheckAsync(UserManager<Account> users, Account account, ModelStateDictionary modelState, IStringLocalizer t, string prefix = "Input")
    {
        if (NewPassword is not null && ConfirmPassword is not null && NewPassword != ConfirmPassword)
            modelState.AddModelError($"{prefix}.{nameof(ConfirmPassword)}", t["AccountAdmin.Error.PasswordsDiffer"]);
        if (NewPassword is null) return;
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, account, NewPassword)).Errors);
        if (errors.Count > 0)
            modelState.AddIdentityErrors(IdentityResult.Failed([.. errors]), t, $"{prefix}.{nameof(NewPassword)}");
    }
}

public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    public string? CurrentPassword { get; set; }
}
