using Microsoft.AspNetCore.Components;

namespace FlexWork.Web.Components.Account;

internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    public void RedirectTo(string? uri)
    {
        uri ??= "";

        // Prevent open redirects: absolute URLs only within this app, relative ones only as paths.
        if (uri.StartsWith(navigationManager.BaseUri, StringComparison.OrdinalIgnoreCase))
        {
            uri = navigationManager.ToBaseRelativePath(uri);
        }
        else if (uri.StartsWith("//", StringComparison.Ordinal) || uri.StartsWith("/\\", StringComparison.Ordinal)
                 || !Uri.IsWellFormedUriString(uri, UriKind.Relative))
        {
            uri = "";
        }

        navigationManager.NavigateTo(uri);
    }

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        var newUri = navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters);
        RedirectTo(newUri);
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        AppendStatus(context, message);
        RedirectTo(uri);
    }

    /// <summary>A message for the next page to show (<c>StatusMessage</c>), for redirects made outside a component.</summary>
    public static void AppendStatus(HttpContext context, string message) =>
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context)
        => RedirectToWithStatus(CurrentPath, message, context);

    public void RedirectToInvalidUser() => RedirectTo("Account/InvalidUser");
}
