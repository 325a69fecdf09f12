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
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = TestDatabase.Create(Ops.Infrastructure.Persistence.DatabaseProvider.Sqlite);
        var first = new OpsWebFactory(settings: FastOutbox, database: database);
        _ = first.CreateClient();
        await ConfigureAsync(first, receiver);
        for (var i = 0; i < 40; i++)
        {
            await SendAsync(first, $"message {i}", key: $"m{i}");
        }

        await WaitUntilAsync(() => receiver.Received.Count >= 5);
        await first.DisposeAsync();
        var deliveredBeforeRestart = receiver.Received.Count;

        await using var second = new OpsWebFactory(settings: FastOutbox, database: database);
        _ = second.CreateClient();
        await WaitUntilAsync(() => receiver.Received.Count >= 40);
        await Task.Delay(500);

        Assert.InRange(deliveredBeforeRestart, 5, 39);
        var ids = receiver.Received.Select(r => r.Headers["X-Ops-Message-Id"]).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
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

/// <summary>The IM robots, checked at a real receiver the way each platform checks them.</summary>
public sealed class RobotChannelTests
{
    private static readonly Dictionary<string, string?> FastOutbox = new() { ["Outbox:PollInterval"] = "00:00:00.050" };

    [Theory]
    [InlineData(MessageChannel.DingTalk)]
    [InlineData(MessageChannel.Feishu)]
    [InlineData(MessageChannel.WeCom)]
    public async Task Robot_ReceivesMarkdownOrText_WithItsPlatformsSignature(MessageChannel channel)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: FastOutbox);
        _ = factory.CreateClient();
        var name = channel.ToString().ToLowerInvariant();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var url = channel == MessageChannel.WeCom ? $"{receiver.BaseUrl}/robot/{name}?key=robot-key" : $"{receiver.BaseUrl}/robot/{name}";
            await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(RobotSettings.KeyFor(channel), "notification",
                new RobotSettings(url, channel == MessageChannel.WeCom ? null : "robot-secret"), encrypt: true);
            await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                "alert", "告警", channel, "告警", "**${title}** 已触发", null, null, [new TemplateParameter("title", null, null)], true));
            var queued = await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
                new SendRequest("alert", [], ["default"], new Dictionary<string, string?> { ["title"] = "CPU_95%" }));
            Assert.Equal(1, queued.Value);
        }

        for (var i = 0; i < 200 && receiver.Robots.IsEmpty; i++)
        {
            await Task.Delay(25);
        }

        var (_, query, body) = Assert.Single(receiver.Robots);
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        switch (channel)
        {
            case MessageChannel.DingTalk:
                var timestamp = long.Parse(query["timestamp"], CultureInfo.InvariantCulture);
                // DingTalk's check: base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)).
                var expected = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes("robot-secret"), System.Text.Encoding.UTF8.GetBytes($"{timestamp}\nrobot-secret")));
                Assert.Equal(expected, query["sign"]);
                Assert.Equal("**CPU\\_95%** 已触发", (string?)json["markdown"]!["text"]);
                break;
            case MessageChannel.Feishu:
                // Feishu's check: base64(HMAC-SHA256(key = timestamp + "\n" + secret, data = empty)).
                var feishu = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
                    System.Text.Encoding.UTF8.GetBytes($"{(string)json["timestamp"]!}\nrobot-secret"), Array.Empty<byte>()));
                Assert.Equal(feishu, (string?)json["sign"]);
                Assert.Contains("CPU\\_95%", (string?)json["content"]!["text"], StringComparison.Ordinal);
                break;
            default:
                Assert.Equal("robot-key", query["key"]);
                Assert.Contains("CPU\\_95%", (string?)json["markdown"]!["content"], StringComparison.Ordinal);
                break;
        }
    }
}

/// <summary>E-mail through a real SMTP server.</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task Email_ArrivesWithTheRenderedSubjectAndEscapedBody_InTheRecipientsLanguage()
    {
        await using var smtp = SmtpReceiver.Start();
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" });
        _ = factory.CreateClient();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(SmtpSettings.Key, "email",
                new SmtpSettings("127.0.0.1", smtp.Port, SmtpTls.None, null, null, "ops@ops.example", "Ops 运维平台"), encrypt: true);
            await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                "job.failed", "任务失败", MessageChannel.Email, "任务 ${job} 失败", "<p>${job}：${error}</p>", "Job ${job} failed", "<p>${job}: ${error}</p>",
                [new TemplateParameter("job", null, null), new TemplateParameter("error", null, null)], true));
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
            var english = new Ops.Infrastructure.Auth.OpsUser { UserName = "ann", Email = "ann@ops.example", IsActive = true, PreferredCulture = "en-US" };
            var chinese = new Ops.Infrastructure.Auth.OpsUser { UserName = "li", Email = "li@ops.example", IsActive = true };
            await users.CreateAsync(english);
            await users.CreateAsync(chinese);
            var queued = await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(new SendRequest(
                "job.failed", [english.Id, chinese.Id], [], new Dictionary<string, string?> { ["job"] = "nightly<backup>", ["error"] = "exit 1 & more" }));
            Assert.Equal(2, queued.Value);
        }

        for (var i = 0; i < 200 && smtp.Messages.Count < 2; i++)
        {
            await Task.Delay(25);
        }

        var byRecipient = smtp.Messages.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal("Job nightly<backup> failed", byRecipient["ann@ops.example"].Subject);
        Assert.Equal("<p>nightly&lt;backup&gt;: exit 1 &amp; more</p>", byRecipient["ann@ops.example"].HtmlBody!.Trim());
        Assert.Equal("任务 nightly<backup> 失败", byRecipient["li@ops.example"].Subject);
        Assert.Equal("ops@ops.example", byRecipient["li@ops.example"].From.Mailboxes.Single().Address);
    }
}
