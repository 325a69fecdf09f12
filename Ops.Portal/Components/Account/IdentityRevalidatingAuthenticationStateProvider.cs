using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Components.Account;

/// <summary>
/// Keeps an open circuit's sign-in honest. Every 30 seconds: the session is alive (not revoked,
/// not idle, not past the absolute limit), the account active, the security stamp unchanged.
/// A revoked session (sign-out elsewhere, user disabled) ends the circuit at once through the bus.
/// </summary>
internal sealed class IdentityRevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly Task<AuthenticationState> SignedOut = Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())));

    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly IEventBus _events;
    private readonly Lock _gate = new();
    private IDisposable? _subscription;
    private bool _disposed;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options, IEventBus events)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _events = events;
        // Every scope that asks who the user is gets one of these: the logout request's, every short service scope. Only a
        // circuit is ever given a state; listening for revoked sessions anywhere else would ask a state that is not
        // there, and the bus would log each failure as a warning (what a logout used to leave in the log).
        AuthenticationStateChanged += _ => ListenForRevokedSessions();
    }

    private void ListenForRevokedSessions()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _subscription ??= _events.Subscribe<SessionsRevoked>(OnSessionsRevokedAsync);
            }
        }
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateSystemScope();
        var principal = authenticationState.User;
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var user = await userManager.GetUserAsync(principal);
        if (user is null || !user.IsActive)
        {
            return false;
        }

        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        if (!await sessions.IsAliveAsync(principal.FindFirstValue(SessionService.ClaimType), user.Id, touch: false, cancellationToken))
        {
            return false;
        }

        return principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType) == await userManager.GetSecurityStampAsync(user);
    }

    private async Task OnSessionsRevokedAsync(SessionsRevoked revoked)
    {
        var state = await GetAuthenticationStateAsync();
        var sessionId = state.User.FindFirstValue(SessionService.ClaimType);
        if (long.TryParse(state.User.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            && userId == revoked.UserId && (sessionId is null || revoked.SessionIds.Contains(sessionId)))
        {
            SetAuthenticationState(SignedOut);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_gate)
            {
                _disposed = true;
                _subscription?.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
