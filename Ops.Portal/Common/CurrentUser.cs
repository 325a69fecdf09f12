using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Common;

/// <summary>
/// The actor of a circuit or request, read from the authentication state. Static SSR pages and
/// minimal APIs have no circuit state yet, so the request's principal stands in there.
/// </summary>
internal sealed class CurrentUser(
    AuthenticationStateProvider authenticationState,
    ActorContext actorContext,
    IHttpContextAccessor httpContextAccessor) : ICurrentUser
{
    public async ValueTask<Actor> GetActorAsync(CancellationToken cancellationToken = default)
    {
        if (actorContext.Override is { } overridden)
        {
            return overridden;
        }

        ClaimsPrincipal? principal;
        try
        {
            principal = (await authenticationState.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // No component rendering in this scope (minimal API, middleware): use the request's
            // principal; start-up and background work have neither and stay anonymous.
            principal = httpContextAccessor.HttpContext?.User;
        }

        return FromPrincipal(principal);
    }

    public static Actor FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            return Actor.Anonymous;
        }

        return new Actor(id, principal.Identity.Name ?? id.ToString(CultureInfo.InvariantCulture), true, false);
    }
}
