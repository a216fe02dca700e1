using Concord.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Concord.Features.Api;

// The browsable API reference: Scalar's standalone script, served from its package (ApiSetup), reads the
// OpenAPI document named on <script id="api-reference">. Our own page rather than the package's, whose
// page starts Scalar with an inline script that the Content-Security-Policy refuses.
[AllowAnonymous]
public class ReferenceModel : PageModel
{
    // Scalar injects its stylesheet as a <style> element carrying this nonce (<meta property="csp-nonce">).
    public string StyleNonce { get; private set; } = "";

    public void OnGet() => StyleNonce = SecurityHeaders.StyleNonce(HttpContext);
}
