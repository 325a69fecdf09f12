using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>
/// The durable outbox against a real webhook receiver: signatures, retries, failure, restarts. Time is a FakeTimeProvider
/// the test advances; the test waits on the dispatcher's passes, never on the clock.
/// </summary>
public sealed class OutboxTests
{
    private static readonly Dictionary<string, string?> ThreeAttempts = new() { ["Outbox:MaxAttempts"] = "3" };

    private static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Webhook_IsDeliveredOnce_WithAValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(clock: NewClock(), settings: ThreeAttempts);
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

    [Fact]
    public async Task TwoFailures_ThenSuccess_SendsOnTheThirdAttempt_WithBackoff()
    {
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(clock: clock, settings: ThreeAttempts);
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

    [Fact]
    public async Task HostStoppedMidBatch_AndStartedAgain_DeliversEachMessageExactlyOnce()
    {
        const int Messages = 40;
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite);
        var first = new OpsWebFactory(clock: clock, settings: ThreeAttempts, database: database);
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
        first.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(releaseSixth);
        await first.DisposeAsync();

        // The one in flight was finished; those claimed but not started were handed back, not left under a lease. (The
        // stop reaches the dispatcher a moment after the release, so one more may have gone in between.)
        var deliveredBeforeRestart = receiver.Received.Count;
        Assert.InRange(deliveredBeforeRestart, 6, Messages - 1);
        await using (var db = Open(database))
        {
            Assert.Equal(deliveredBeforeRestart, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent));
            Assert.Equal(Messages - deliveredBeforeRestart, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Pending && m.LeaseOwner == null));
        }

        await using var second = new OpsWebFactory(clock: clock, settings: ThreeAttempts, database: database);
        _ = second.CreateClient();
        await Driver(second).UntilAsync(() => CountAsync(second, MessageStatus.Sent), sent => sent == Messages);

        var ids = receiver.Received.Select(r => r.Headers["X-Ops-Message-Id"]).ToList();
        Assert.Equal(Messages, ids.Count);
        Assert.Equal(Messages, ids.Distinct().Count());
    }

    [Fact]
    public async Task MessageBeingSentWhenTheProcessDied_IsSentAgainAtTheRestart_NotWhenTheLeaseRunsOut_AndSaysSo()
    {
        var clock = NewClock();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite);
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

    [Fact]
    public async Task RateLimit_HoldsBackMessagesBeyondTheWindow_WithoutSpendingAttempts()
    {
        var clock = NewClock();
        var start = clock.GetUtcNow();
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(clock: clock, settings: new Dictionary<string, string?>(ThreeAttempts)
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

    private static async Task ConfigureAsync(OpsWebFactory factory, WebhookReceiver receiver) => await ConfigureAsync(factory, receiver.Url);

    private static async Task ConfigureAsync(OpsWebFactory factory, string url)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(WebhookSettings.Key, "notification",
            new WebhookSettings(url, "hook-secret", new Dictionary<string, string> { ["X-Team"] = "on" }), encrypt: true);
        var templates = scope.ServiceProvider.GetRequiredService<ITemplateService>();
        if ((await templates.ListAsync(null, new PageRequest())).TotalCount == 0)
        {
            await templates.CreateAsync(new TemplateInput("deploy.done", "部署完成", MessageChannel.Webhook, null, "{\"text\":\"${text}\"}", null, null,
                [new TemplateParameter("text", null, "v1")], true));
        }
    }

    private static async Task<Result<int>> SendAsync(OpsWebFactory factory, string text, string? key = null)
    {
        await using var scope = factory.Services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
            new SendRequest("deploy.done", [], ["default"], new Dictionary<string, string?> { ["text"] = text }, "deploy", "42", key));
    }

    private static OutboxDriver<MessageLog, MessageStatus> Driver(OpsWebFactory factory) => new(factory.Services);

    private static Task<MessageLog> UntilAsync(OpsWebFactory factory, Func<MessageLog, bool> done) =>
        Driver(factory).UntilAsync(() => FirstAsync(factory), done);

    private static async Task<MessageLog> FirstAsync(OpsWebFactory factory)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageLogs.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
    }

    private static async Task<int> CountAsync(OpsWebFactory factory, MessageStatus status)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageLogs.CountAsync(m => m.Status == status);
    }

    private static Ops.Infrastructure.Persistence.SqliteOpsDbContext Open(TestDatabase database) =>
        new Ops.Infrastructure.Persistence.SqliteOpsDbContext(
            new DbContextOptionsBuilder<Ops.Infrastructure.Persistence.SqliteOpsDbContext>().UseSqlite(database.ConnectionString).Options);

    private static async Task<List<MessageAttempt>> AttemptsAsync(OpsWebFactory factory, long id)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number).ToListAsync();
    }
}
