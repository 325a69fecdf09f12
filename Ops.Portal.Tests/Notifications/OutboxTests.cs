using System.Globalization;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The durable outbox against a real webhook receiver: signatures, retries, failure, restarts.</summary>
public sealed class OutboxTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new()
    {
        ["Outbox:PollInterval"] = "00:00:00.050",
        ["Outbox:BaseDelay"] = "00:00:00.200",
        ["Outbox:MaxDelay"] = "00:00:02",
        ["Outbox:MaxAttempts"] = "3",
    };

    [Fact]
    public async Task Webhook_IsDeliveredOnce_WithAValidSignature()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: FastOutbox);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);

        Assert.Equal(1, (await SendAsync(factory, "deploy \"v2\" ✓", key: "deploy-42")).Value);
        Assert.Equal(0, (await SendAsync(factory, "deploy \"v2\" ✓", key: "deploy-42")).Value);
        var log = await WaitForAsync(factory, m => m.Status == MessageStatus.Sent);

        var (body, headers, _) = Assert.Single(receiver.Received);
        Assert.Equal("deploy \"v2\" ✓", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("text").GetString());
        Assert.Equal(WebhookSender.Sign("hook-secret", headers["X-Ops-Timestamp"], body), headers["X-Ops-Signature"]);
        Assert.Equal(log.Id.ToString(CultureInfo.InvariantCulture), headers["X-Ops-Message-Id"]);
        Assert.Equal("on", headers["X-Team"]);
    }

    [Fact]
    public async Task TwoFailures_ThenSuccess_SendsOnTheThirdAttempt_WithBackoff()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: FastOutbox);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);
        receiver.FailNext(2);

        await SendAsync(factory, "retry me");
        var log = await WaitForAsync(factory, m => m.Status == MessageStatus.Sent);

        Assert.Equal(3, log.Attempts);
        var attempts = await AttemptsAsync(factory, log.Id);
        Assert.Equal([false, false, true], attempts.Select(a => a.Success));
        Assert.Contains("HTTP 500", attempts[0].Error, StringComparison.Ordinal);
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromMilliseconds(200), "first backoff");
        Assert.True(attempts[2].At - attempts[1].At >= TimeSpan.FromMilliseconds(400), "doubled backoff");
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task ReceiverDown_FailsAfterTheLimit_WithTheErrorKept()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var factory = new OpsWebFactory(settings: FastOutbox);
        _ = factory.CreateClient();
        await ConfigureAsync(factory, url);

        await SendAsync(factory, "nobody listens");
        var log = await WaitForAsync(factory, m => m.Status == MessageStatus.Failed);

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

        Assert.Equal(MessageStatus.Sent, (await WaitForAsync(factory, m => m.Status == MessageStatus.Sent)).Status);
        Assert.Single(back.Received);
    }

    [Fact]
    public async Task HostStoppedMidDispatch_AndStartedAgain_DeliversEachMessageExactlyOnce()
    {
        const int Messages = 40;
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite);
        // 20 a second: the stop always lands mid-dispatch, however fast the machine.
        var paced = new Dictionary<string, string?>(FastOutbox) { ["Outbox:RateLimits:Webhook"] = "20", ["Outbox:RateWindow"] = "00:00:01" };
        var first = new OpsWebFactory(settings: paced, database: database);
        _ = first.CreateClient();
        await ConfigureAsync(first, receiver);
        for (var i = 0; i < Messages; i++)
        {
            await SendAsync(first, $"message {i}", key: $"m{i}");
        }

        await WaitUntilAsync(() => receiver.Received.Count >= 5);
        await first.DisposeAsync();
        var deliveredBeforeRestart = receiver.Received.Count;

        await using var second = new OpsWebFactory(settings: paced, database: database);
        _ = second.CreateClient();
        await WaitUntilAsync(() => receiver.Received.Count >= Messages);
        await Task.Delay(500);

        Assert.InRange(deliveredBeforeRestart, 5, Messages - 1);
        var ids = receiver.Received.Select(r => r.Headers["X-Ops-Message-Id"]).ToList();
        Assert.Equal(Messages, ids.Count);
        Assert.Equal(Messages, ids.Distinct().Count());
    }

    [Fact]
    public async Task MessageBeingSentWhenTheProcessDied_IsSentAgainAtTheRestart_NotWhenTheLeaseRunsOut_AndSaysSo()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite);
        var first = new OpsWebFactory(settings: FastOutbox, database: database);
        _ = first.CreateClient();
        await ConfigureAsync(first, receiver);
        await SendAsync(first, "in flight at the crash");
        var sent = await WaitForAsync(first, m => m.Status == MessageStatus.Sent);
        await first.DisposeAsync();

        // As a killed process leaves it: sending, under a lease of two more minutes held by a process that is gone
        // (a container that came back with another host name).
        DateTimeOffset? held = DateTimeOffset.UtcNow.AddMinutes(2);
        await using (var db = new Ops.Infrastructure.Persistence.SqliteOpsDbContext(
            new DbContextOptionsBuilder<Ops.Infrastructure.Persistence.SqliteOpsDbContext>().UseSqlite(database.ConnectionString).Options))
        {
            await db.MessageLogs.Where(m => m.Id == sent.Id).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.LeaseOwner, "old-container/" + new string('0', 32))
                .SetProperty(m => m.LeaseUntil, held));
        }

        await using var second = new OpsWebFactory(settings: FastOutbox, database: database);
        _ = second.CreateClient();
        var resent = await WaitForAsync(second, m => m.Status == MessageStatus.Sent && m.ResentAfterRestart == 1);

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
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?>(FastOutbox)
        {
            ["Outbox:RateLimits:Webhook"] = "3",
            ["Outbox:RateWindow"] = "00:00:01.500",
        });
        _ = factory.CreateClient();
        await ConfigureAsync(factory, receiver);

        for (var i = 0; i < 5; i++)
        {
            await SendAsync(factory, $"burst {i}");
        }

        await WaitUntilAsync(() => receiver.Received.Count == 5);
        var times = receiver.Received.Select(r => r.At).Order().ToList();
        Assert.Equal(5, times.Count);
        Assert.True(times[2] - times[0] < TimeSpan.FromSeconds(1), "the first three go at once");
        Assert.True(times[3] - times[0] >= TimeSpan.FromMilliseconds(1_400), $"the fourth waits for the window: {times[3] - times[0]}");
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        Assert.All(await db.MessageLogs.AsNoTracking().ToListAsync(), m => Assert.Equal((MessageStatus.Sent, 1), (m.Status, m.Attempts)));
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

    private static async Task<MessageLog> WaitForAsync(OpsWebFactory factory, Func<MessageLog, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            await using var scope = factory.Services.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var log = await db.MessageLogs.AsNoTracking().OrderBy(m => m.Id).FirstAsync();
            if (done(log))
            {
                return log;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The message did not reach the expected state.");
    }

    private static async Task<List<MessageAttempt>> AttemptsAsync(OpsWebFactory factory, long id)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.MessageAttempts.AsNoTracking().Where(a => a.MessageId == id).OrderBy(a => a.Number).ToListAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25);
        }
    }
}
