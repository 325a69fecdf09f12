using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Portal.Components.Account;

namespace Ops.Portal.Tests.Auth;

/// <summary>A revoked session ends the circuit that holds it; providers of scopes without a circuit stay out of it, silently.</summary>
public sealed class SessionRevokedHandlerTests
{
    [Fact]
    public async Task ARevokedSession_SignsOutItsCircuit_AndScopesWithoutAState_LogNothing()
    {
        var logs = new CapturedLogs();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var bus = new InMemoryEventBus(loggers.CreateLogger<InMemoryEventBus>());
        await using var services = new ServiceCollection().BuildServiceProvider();
        IdentityRevalidatingAuthenticationStateProvider Provider() =>
            new(loggers, services.GetRequiredService<IServiceScopeFactory>(), Options.Create(new IdentityOptions()), bus);

        using var circuit = Provider();
        using var otherCircuit = Provider();
        using var request = Provider(); // a request or service scope: asked who the user is, never given a state
        using var shortScope = Provider();
        circuit.SetAuthenticationState(Task.FromResult(SignedIn(7, "s1")));
        otherCircuit.SetAuthenticationState(Task.FromResult(SignedIn(7, "s2")));

        await bus.PublishAsync(new SessionsRevoked(7, ["s1"]));

        Assert.False((await circuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        Assert.True((await otherCircuit.GetAuthenticationStateAsync()).User.Identity!.IsAuthenticated);
        Assert.Empty(logs.AtLeast(LogLevel.Warning));
    }

    private static AuthenticationState SignedIn(long userId, string session) =>
        new(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(SessionService.ClaimType, session)],
            "test")));
}
