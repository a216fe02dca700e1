using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Errors;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[AllowAnonymous]
public class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string MessageKey { get; private set; } = "Error.Message";

    public void OnGet(int? code) => Describe(code);
    // A failed POST is re-executed here as a POST; it only describes the error.
    [Concord.Features.Accounts.OpenHandler]
    public void OnPost(int? code) => Describe(code);

    void Describe(int? code)
    {
        if (code == 404)
        {
            TitleKey = "Error.NotFoundTitle";
            MessageKey = "Error.NotFoundMessage";
        }
        else if (code == 429)
        {
            TitleKey = "Error.RateLimitedTitle";
            MessageKey = "Error.RateLimitedMessage";
        }
        else if (code == 503)
        {
            // A service Concord needs (the file store) could not be reached; nothing was changed.
            TitleKey = "Error.UnavailableTitle";
            MessageKey = "Error.UnavailableMessage";
        }
        else if (code == 403)
        {
            // Signed in, but the account's role or side does not allow this (Access.cs).
            TitleKey = "Access.ForbiddenTitle";
            MessageKey = "Access.ForbiddenMessage";
        }
        Response.StatusCode = code is >= 400 and < 600 ? code.Value : 500;
    }
}
