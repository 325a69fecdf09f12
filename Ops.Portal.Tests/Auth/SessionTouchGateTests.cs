using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>A burst of requests of one session records its activity once per interval, not once per request.</summary>
public sealed class SessionTouchGateTests
{
    [Fact]
    public async Task OfTwoHundredSimultaneousRequests_OneWritesTheActivity_ThenOneAgainAfterTheInterval()
    {
        var gate = new SessionTouchGate();
        var now = DateTimeOffset.UtcNow;

        var first = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => gate.TryClaim("session-a", now, TimeSpan.FromMinutes(1)))));
        var soon = gate.TryClaim("session-a", now.AddSeconds(59), TimeSpan.FromMinutes(1));
        var later = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => gate.TryClaim("session-a", now.AddMinutes(1), TimeSpan.FromMinutes(1)))));
        var other = gate.TryClaim("session-b", now, TimeSpan.FromMinutes(1));

        Assert.Equal(1, first.Count(c => c));
        Assert.False(soon);
        Assert.Equal(1, later.Count(c => c));
        Assert.True(other);
    }
}
