using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

using static Ops.Portal.Tests.Notifications.OutboxTestKit;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The outbox across restarts: a host stopped mid-batch, and a process that died while sending.</summary>
public sealed class OutboxRestartTests
{
    public static TheoryData<Ops.Infrastructure.Persistence.DatabaseProvider> Providers =>
        [Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite, Ops.Infrastructure.Persistence.DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task HostStoppedMidBatch_AndStartedAgain_DeliversEachMessageExactlyOnce(Ops.Infrastructure.Persistence.DatabaseProvider provider)
    {
        const int Messages = 40;
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(provider);
        // One send at a time, so that a held send leaves the rest of the batch unstarted (the parallel case:
        // OutboxBatchTests.StopMidBatch_FinishesTheStartedRows_AndHandsBackTheRest).
        var oneAtATime = new Dictionary<string, string?>(ThreeAttempts) { ["Outbox:Parallelism"] = "1" };
        var first = new OpsWebFactory(clock: clock, settings: oneAtATime, database: database);
        _ = first.CreateClient();
        await ConfigureAsync(first, receiver);

        // The first message is held at the receiver while the other 39 are queued, so the next pass claims all 39 in one
        // batch; the sixth request (the fifth of that batch) is then held, and the host stops with it in flight and 34
        // claimed but not started.
        var (firstHeld, releaseFirst) = receiver.Hold(1);
        var (sixthHeld, releaseSixth) = receiver.Hold(6);
        await SendAsync(first, "message 0", key: "m0");
        await firstHeld.WaitAsync(TimeSpan.FromSeconds(30));
        for (var i = 1; i < Messages; i++)
        {
            await SendAsync(first, $"message {i}", key: $"m{i}");
        }

        releaseFirst();
        await sixthHeld.WaitAsync(TimeSpan.FromSeconds(30));
        // The stop reaches the dispatcher a moment after ApplicationStopping releases the sixth: the seventh, should it
        // start in between, is held until the stop has surely been seen, so the rest of the batch stays unstarted.
        var (_, releaseSeventh) = receiver.Hold(7);
        first.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() =>
        {
            releaseSixth();
            _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(_ => releaseSeventh(), TaskScheduler.Default);
        });
        await first.DisposeAsync();

        // The one in flight was finished; those claimed but not started were handed back, not left under a lease. (One
        // more may have gone in between the release and the stop.)
        var deliveredBeforeRestart = receiver.Received.Count;
        Assert.InRange(deliveredBeforeRestart, 6, 7);
        await using (var db = Open(database))
        {
            Assert.Equal(deliveredBeforeRestart, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent));
            Assert.Equal(Messages - deliveredBeforeRestart, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Pending && m.LeaseOwner == null));
        }

        await using var second = new OpsWebFactory(clock: clock, settings: oneAtATime, database: database);
        _ = second.CreateClient();
        await Driver(second).UntilAsync(() => CountAsync(second, MessageStatus.Sent), sent => sent == Messages);

        var ids = receiver.Received.Select(r => r.Headers["X-Ops-Message-Id"]).ToList();
        Assert.Equal(Messages, ids.Count);
        Assert.Equal(Messages, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MessageBeingSentWhenTheProcessDied_IsSentAgainAtTheRestart_NotWhenTheLeaseRunsOut_AndSaysSo(Ops.Infrastructure.Persistence.DatabaseProvider provider)
    {
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(provider);
        var first = new OpsWebFactory(clock: clock, settings: ThreeAttempts, database: database);
        _ = first.CreateClient();
        await ConfigureAsync(first, receiver);
        await SendAsync(first, "in flight at the crash");
        var sent = await UntilAsync(first, m => m.Status == MessageStatus.Sent);
        await first.DisposeAsync();

        // As a killed process leaves it: sending, under a lease of two more minutes held by a process that is gone
        // (a container that came back with another host name).
        DateTimeOffset? held = clock.GetUtcNow().AddMinutes(2);
        await using (var db = Open(database))
        {
            await db.MessageLogs.Where(m => m.Id == sent.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.LeaseOwner, "old-container/" + new string('0', 32))
                .SetProperty(m => m.LeaseUntil, held));
        }

        await using var second = new OpsWebFactory(clock: clock, settings: ThreeAttempts, database: database);
        _ = second.CreateClient();
        var resent = await UntilAsync(second, m => m.Status == MessageStatus.Sent && m.ResentAfterRestart == 1);

        Assert.True(clock.GetUtcNow() < held, "sent again before the dead process's lease ran out");
        Assert.Equal(2, receiver.Received.Count); // at least once: the receiver de-duplicates on the message id
        Assert.All(receiver.Received, r => Assert.Equal(sent.Id.ToString(CultureInfo.InvariantCulture), r.Headers["X-Ops-Message-Id"]));
        Assert.Equal(1, resent.ResentAfterRestart);
        await using var scope = second.Services.CreateSystemScope();
        var shown = await scope.ServiceProvider.GetRequiredService<IMessageLogService>().QueryAsync(new MessageLogFilter(), new PageRequest());
        Assert.Equal(1, Assert.Single(shown.Items).ResentAfterRestart); // the message log says which deliveries were resent
    }
}
