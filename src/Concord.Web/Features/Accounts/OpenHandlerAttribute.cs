namespace Concord.Features.Accounts;

// On a handler of an anonymous page that anyone may post to on purpose (signing in, an error page
// re-executed for a failed POST). The page is already anonymous; the marker says someone decided so,
// as [HandlerAuthorize] does for the handlers that need a policy (EndpointCoverageTests asks for one or the other).
[AttributeUsage(AttributeTargets.Method)]
public sealed class OpenHandlerAttribute : Attribute;
