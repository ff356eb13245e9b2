namespace FlexWork.Web.Security;

/// <summary>Guards redirects: only paths of this app, never "//host" or "/\host" (open redirects).</summary>
internal static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && Uri.IsWellFormedUriString(url, UriKind.Relative);

    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";
}
