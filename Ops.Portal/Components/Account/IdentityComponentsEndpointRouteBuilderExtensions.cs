using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Components.Account;

internal static class IdentityComponentsEndpointRouteBuilderExtensions
{
    /// <summary>Endpoints the account pages post to.</summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async (ClaimsPrincipal user, SignInManager<OpsUser> signInManager, SessionService sessions, [FromForm] string? returnUrl) =>
        {
            if (user.FindFirstValue(SessionService.ClaimType) is { } sessionId
                && long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId))
            {
                await sessions.RevokeAsync(userId, only: sessionId);
            }

            await signInManager.SignOutAsync();
            var target = string.IsNullOrEmpty(returnUrl) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? "/Account/Login"
                : returnUrl;
            return TypedResults.LocalRedirect(target.StartsWith('/') ? target : "~/" + target);
        });
        return accountGroup;
    }
}
