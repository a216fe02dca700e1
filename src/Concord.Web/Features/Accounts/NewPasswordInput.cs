using System.ComponentModel.DataAnnotations;
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

    public void CheckConfirmation(ModelStateDictionary modelState, IStringLocalizer t, string prefix = "Input")
    {
        if (NewPassword is not null && ConfirmPassword is not null && NewPassword != ConfirmPassword)
            modelState.AddModelError($"{prefix}.{nameof(ConfirmPassword)}", t["AccountAdmin.Error.PasswordsDiffer"]);
    }
}

public sealed class ChangePasswordInput : NewPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    public string? CurrentPassword { get; set; }
}
