using Microsoft.Extensions.Logging.Abstractions;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>The in-process bus: every subscriber gets each event, none waits for or is stopped by another.</summary>
public sealed class EventBusTests
{
    private sealed record Ping(int N);

    private sealed record ForUser(long UserId, string Text) : Ops.Domain.Common.IUserEvent;

    [Fact]
    public async Task UserSubscribers_GetOnlyTheirOwnEvents_AndGlobalSubscribersGetAll()
    {
        var bus = new InMemoryEventBus(NullLogger<InMemoryEventBus>.Instance);
        var alice = new List<string>();
        var bob = new List<string>();
        var all = new List<string>();
        using var a = bus.SubscribeForUser<ForUser>(1, e => { alice.Add(e.Text); return Task.CompletedTask; });
        var b = bus.SubscribeForUser<ForUser>(2, e => { bob.Add(e.Text); return Task.CompletedTask; });
        using var g = bus.Subscribe<ForUser>(e => { all.Add(e.Text); return Task.CompletedTask; });

        await bus.PublishAsync(new ForUser(1, "for alice"));
        await bus.PublishAsync(new ForUser(2, "for bob"));
        b.Dispose();
        await bus.PublishAsync(new ForUser(2, "after bob left"));
        await bus.PublishAsync(new ForUser(3, "nobody"));

        Assert.Equal(["for alice"], alice);
        Assert.Equal(["for bob"], bob);
        Assert.Equal(["for alice", "for bob", "after bob left", "nobody"], all);
    }

    [Fact]
    public async Task ASlowSubscriber_DoesNotDelayTheOthers_AndAFailingOneDoesNotStopThem()
    {
        var bus = new InMemoryEventBus(NullLogger<InMemoryEventBus>.Instance);
        var release = new TaskCompletionSource();
        var fastGot = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Many slow subscribers: the fast one is behind some of them whatever order the bus keeps.
        var slow = Enumerable.Range(0, 20).Select(_ => bus.Subscribe<Ping>(async _ => await release.Task)).ToList();
        using var broken = bus.Subscribe<Ping>(_ => throw new InvalidOperationException("closed circuit"));
        using var fast = bus.Subscribe<Ping>(p => { fastGot.TrySetResult(p.N); return Task.CompletedTask; });

        var publish = bus.PublishAsync(new Ping(7));

        Assert.Equal(7, await fastGot.Task.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.False(publish.IsCompleted);
        release.SetResult();
        await publish.WaitAsync(TimeSpan.FromSeconds(2));
        slow.ForEach(s => s.Dispose());
    }
}
