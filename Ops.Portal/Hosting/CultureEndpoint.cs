using Microsoft.AspNetCore.Localization;
using Ops.Infrastructure.Auth;
using Ops.Portal.Localization;

namespace Ops.Portal.Hosting;

/// <summary>
/// <c>GET /culture/set?culture=zh-CN&amp;redirectUri=/x</c>: stores the language in the culture
/// cookie (and the user's profile when signed in) and returns to the page.
/// </summary>
internal static class CultureEndpoint
{
    public static void MapCultureEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", async (HttpContext context, string culture, string? redirectUri, IProfileService profiles, TimeProvider clock) =>
        {
            if (!Cultures.IsSupported(culture))
            {
                return Results.BadRequest();
            }

            culture = Cultures.Normalize(culture);
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                Cultures.CookieValue(culture),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), HttpOnly = false, SameSite = SameSiteMode.Lax, IsEssential = true });
            if (context.User.Identity?.IsAuthenticated == true)
            {
                await profiles.SetCultureAsync(culture);
            }

            var target = string.IsNullOrEmpty(redirectUri) || !Uri.IsWellFormedUriString(redirectUri, UriKind.Relative) || redirectUri.StartsWith("//", StringComparison.Ordinal)
                ? "/"
                : redirectUri;
            return Results.LocalRedirect(target.StartsWith('/') ? target : "/" + target);
        });
}
