namespace Concord.Shared;

// Every "go back to" address a request carries (?returnUrl=, a form's returnUrl) passes here before it
// reaches a redirect. Only a path on this site is kept: not "//host" or "/\host" (browsers read both as
// another site), not a control character (a tab or newline is dropped by browsers, which turns "/\t/host"
// into "//host"), not a character outside printable ASCII ("/。/" may be read as "/./" by one browser and
// cannot go into a Location header as it is, which made LocalRedirect throw). Anything else becomes the fallback.
public static class ReturnUrls
{
    public static string Local(string? url, string fallback = "/") => IsLocal(url) ? url! : fallback;

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is > ' ' and < '\x7f' and not '\\');
}
