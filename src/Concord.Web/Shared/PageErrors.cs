using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Concord.Shared;

public static class PageErrors
{
    // Puts business-rule errors beside their fields ("Input.TitleVi"), in the reader's language.
    public static void AddRuleErrors(this ModelStateDictionary modelState, Dictionary<string, string> errors, IStringLocalizer t, string prefix = "Input")
    {
        foreach (var (field, key) in errors)
            modelState.AddModelError($"{prefix}.{field}", t[key]);
    }
}
