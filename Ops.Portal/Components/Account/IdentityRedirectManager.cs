using Microsoft.AspNetCore.Components;

namespace Ops.Portal.Components.Account;

/// <summary>Redirects from static SSR account pages, refusing open redirects (template code).</summary>
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

        // Only local paths: anything else (another host, "//x", "/\\x") goes to the dashboard.
        if (!IsLocal(uri))
        {
            uri = navigationManager.Uri.StartsWith(navigationManager.BaseUri, StringComparison.Ordinal) && uri.StartsWith(navigationManager.BaseUri, StringComparison.Ordinal)
                ? navigationManager.ToBaseRelativePath(uri)
                : "/dashboard";
        }

        navigationManager.NavigateTo(uri);
    }

    public static bool IsLocal(string uri) =>
        uri.Length == 0
        || (uri[0] == '/' && (uri.Length == 1 || (uri[1] != '/' && uri[1] != '\\')))
        || (uri[0] != '/' && Uri.IsWellFormedUriString(uri, UriKind.Relative) && !uri.Contains(':', StringComparison.Ordinal) && !uri.StartsWith('\\'));

    public void RedirectTo(string uri, Dictionary<string, object?> queryParameters)
    {
        var uriWithoutQuery = navigationManager.ToAbsoluteUri(uri).GetLeftPart(UriPartial.Path);
        RedirectTo(navigationManager.GetUriWithQueryParameters(uriWithoutQuery, queryParameters));
    }

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }
}
