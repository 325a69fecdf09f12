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

/// <summary>
/// The durable outbox against a real webhook receiver: signatures, waking, retries, failure, the rate limit (restarts: <see cref="OutboxRestartTests"/>). Time is a FakeTimeProvider
/// the test advances; the test waits on the dispatcher's passes, never on the clock.
/// </summary>
public sealed class OutboxTests
{
    // The claim, lease and record statements are conditional updates: MariaDB runs them too.
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Webhook_IsDeliveredOnce_WithAValidSignature(DatabaseProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(provider, clock: NewClock(), settings: ThreeAttempts);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);

        Assert.Equal(1, (await SendAsync(factory, "deploy \"v2\" ✓", key: "deploy-42")).Value);
        Assert.Equal(0, (await SendAsync(factory, "deploy \"v2\" ✓", key: "deploy-42")).Value);
        var log = await UntilAsync(factory, m => m.Status == MessageStatus.Sent);

        var (body, headers, _) = Assert.Single(receiver.Received);
        Assert.Equal("deploy \"v2\" ✓", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());
        Assert.Equal(WebhookSender.Sign("hook-secret", headers["X-Ops-Timestamp"], body), headers["X-Ops-Signature"]);
        Assert.Equal(log.Id.ToString(CultureInfo.InvariantCulture), headers["X-Ops-Message-Id"]);
        Assert.Equal("on", headers["X-Team"]);
    }

    [Fact]
    public async Task AnEnqueuedMessage_IsSentAtOnce_NotAtTheNextPoll()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(clock: NewClock(), settings: ThreeAttempts);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);
        var dispatcher = factory.Services.GetRequiredService<OutboxDispatcher<MessageLog, MessageStatus>>();

        // The clock stands still, so the poll never comes: only the commit of the message can wake the dispatcher.
        await SendAsync(factory, "now, please");
        for (var passes = 0; ; passes++)
        {
            var next = dispatcher.NextPass;
            if ((await FirstAsync(factory)).Status == MessageStatus.Sent)
            {
                break;
            }

            Assert.True(passes < 10, "the message was not sent");
            await next.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Single(receiver.Received);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoFailures_ThenSuccess_SendsOnTheThirdAttempt_WithBackoff(DatabaseProvider provider)
    {
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(provider, clock: clock, settings: ThreeAttempts);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);
        receiver.FailNext(2);

        await SendAsync(factory, "retry me");
        await UntilAsync(factory, m => m.Attempts == 1);

        // The backoff is 10 s, then doubled: not a moment earlier.
        clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromTicks(1));
        await Driver(factory).PassAsync();
        Assert.Equal(1, (await FirstAsync(factory)).Attempts);
        clock.Advance(TimeSpan.FromTicks(1));
        await UntilAsync(factory, m => m.Attempts == 2);
        clock.Advance(TimeSpan.FromSeconds(20) - TimeSpan.FromTicks(1));
        await Driver(factory).PassAsync();
        Assert.Equal(2, (await FirstAsync(factory)).Attempts);
        clock.Advance(TimeSpan.FromTicks(1));
        var log = await UntilAsync(factory, m => m.Status == MessageStatus.Sent);

        Assert.Equal(3, log.Attempts);
        var attempts = await AttemptsAsync(factory, log.Id);
        Assert.Equal([false, false, true], attempts.Select(a => a.Success));
        Assert.Contains("HTTP 500", attempts[0].Error, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), attempts[1].At - attempts[0].At);
        Assert.Equal(TimeSpan.FromSeconds(20), attempts[2].At - attempts[1].At);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task ReceiverDown_FailsAfterTheLimit_WithTheErrorKept()
    {
        var clock = NewClock();
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var factory = new OpsWebFactory(clock: clock, settings: ThreeAttempts);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, url);

        await SendAsync(factory, "nobody listens");
        await UntilAsync(factory, m => m.Attempts == 1);
        clock.Advance(TimeSpan.FromSeconds(10));
        await UntilAsync(factory, m => m.Attempts == 2);
        clock.Advance(TimeSpan.FromSeconds(20));
        var log = await UntilAsync(factory, m => m.Status == MessageStatus.Failed);

        Assert.Equal(3, log.Attempts);
        Assert.False(string.IsNullOrEmpty(log.LastError));
        Assert.Equal(3, (await AttemptsAsync(factory, log.Id)).Count);

        // The log shows it among the failures; once the receiver is back, a resend delivers it.
        await using var back = await WebhookReceiver.StartAsync();
        await ConfigureAsync(factory, back);
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var logs = scope.ServiceProvider.GetRequiredService<IMessageLogService>();
            var failed = await logs.QueryAsync(new MessageLogFilter(Status: MessageStatus.Failed, BusinessType: "deploy", BusinessId: "42"), new PageRequest());
            Assert.Equal(log.Id, Assert.Single(failed.Items).Id);
            Assert.Equal(3, (await logs.GetAsync(log.Id)).Value.Attempts.Count);
            Assert.True((await logs.ResendAsync(log.Id)).IsSuccess);
            Assert.Equal("message.log.not_failed", (await logs.ResendAsync(log.Id)).Error!.Code);
        }

        Assert.Equal(MessageStatus.Sent, (await UntilAsync(factory, m => m.Status == MessageStatus.Sent)).Status);
        Assert.Single(back.Received);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RateLimit_HoldsBackMessagesBeyondTheWindow_WithoutSpendingAttempts(DatabaseProvider provider)
    {
        var clock = NewClock();
        var start = clock.GetUtcNow();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(provider, clock: clock, settings: new Dictionary<string, string?>(ThreeAttempts)
        {
            ["Outbox:RateLimits:Webhook"] = "3",
            ["Outbox:RateWindow"] = "00:01:00",
        });
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(factory, $"burst {i}");
        }

        // The first three go at once; the other two wait for the window, however many passes run meanwhile.
        await Driver(factory).UntilAsync(() => CountAsync(factory, MessageStatus.Sent), sent => sent == 3);
        clock.Advance(TimeSpan.FromSeconds(59));
        await Driver(factory).PassAsync();
        Assert.Equal(3, receiver.Received.Count);
        clock.Advance(TimeSpan.FromSeconds(1));
        await Driver(factory).UntilAsync(() => CountAsync(factory, MessageStatus.Sent), sent => sent == 5);

        Assert.Equal(5, receiver.Received.Count);
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var logs = await db.MessageLogs.AsNoTracking().OrderBy(m => m.SentAt).ToListAsync();
        Assert.All(logs, m => Assert.Equal((MessageStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal([start, start, start, start.AddMinutes(1), start.AddMinutes(1)], logs.Select(m => m.SentAt!.Value));
    }
}
