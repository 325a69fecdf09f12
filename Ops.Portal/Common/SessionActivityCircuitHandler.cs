using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Common;

/// <summary>
/// Counts what the user does in a circuit as session activity, so the idle timeout measures the
/// person, not the HTTP requests an interactive page no longer makes. Written at most once a minute.
/// </summary>
internal sealed class SessionActivityCircuitHandler(
    AuthenticationStateProvider authenticationState, IServiceScopeFactory scopeFactory, TimeProvider clock) : CircuitHandler
{
    private DateTimeOffset _lastTouch = DateTimeOffset.MinValue;

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var now = clock.GetUtcNow();
            if (now - _lastTouch >= SessionService.TouchInterval)
            {
                _lastTouch = now;
                await TouchAsync();
            }

            await next(context);
        };

    private async Task TouchAsync()
    {
        var user = (await authenticationState.GetAuthenticationStateAsync()).User;
        if (long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId))
        {
            await using var scope = scopeFactory.CreateSystemScope();
            await scope.ServiceProvider.GetRequiredService<SessionService>()
                .IsAliveAsync(user.FindFirstValue(SessionService.ClaimType), userId, touch: true);
        }
    }
}
