using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>Channel configuration from the UI: secrets encrypted and write-only, validation, and Send test against a real receiver.</summary>
public sealed class ChannelConfigTests
{
    [Fact]
    public async Task Secret_IsStoredEncrypted_NeverReturned_AndKeptWhenLeftEmpty()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var channels = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IChannelConfigService>();

        Assert.True((await channels.SaveAsync(MessageChannel.Webhook, new ChannelConfigInput { Url = receiver.Url, Secret = "s3cret-value", Headers = "X-Token: abc" })).IsSuccess);
        var shown = await channels.GetAsync(MessageChannel.Webhook);
        Assert.Null(shown.Secret);
        Assert.True(shown.HasSecret);
        Assert.Equal($"X-Token: {ChannelConfigMapper.Masked}", shown.Headers);
        await using (var db = await harness.CreateDbContextAsync())
        {
            var row = await db.SystemSettings.AsNoTracking().SingleAsync(s => s.Key == WebhookSettings.Key);
            Assert.True(row.IsEncrypted);
            Assert.DoesNotContain("s3cret", row.Value, StringComparison.Ordinal);
        }

        shown.Url = receiver.Url;
        Assert.True((await channels.SaveAsync(MessageChannel.Webhook, shown)).IsSuccess);
        var test = await channels.TestAsync(MessageChannel.Webhook, "default");

        Assert.True(test.Value.Ok, test.Value.Message);
        var (body, headers, _) = Assert.Single(receiver.Received);
        Assert.Equal("abc", headers["X-Token"]);
        Assert.Equal(WebhookSender.Sign("s3cret-value", headers["X-Ops-Timestamp"], body), headers["X-Ops-Signature"]);
        var summary = (await channels.ListAsync()).Single(c => c.Channel == MessageChannel.Webhook);
        Assert.Equal((true, true, harness.Clock.Now), (summary.Configured, summary.LastTestOk!.Value, summary.LastTestAt!.Value));

        // The stored secret never follows a new address, and a recipient never redirects the webhook.
        Assert.Equal("message.channel.secret_reenter", (await channels.SaveAsync(MessageChannel.Webhook, new ChannelConfigInput { Url = "http://attacker.example/hook" })).Error!.Code);
        Assert.True((await channels.TestAsync(MessageChannel.Webhook, "http://127.0.0.1:9/elsewhere")).Value.Ok);
        Assert.Equal(2, receiver.Received.Count);
    }

    [Fact]
    public async Task FailedTest_IsRecordedWithTheError()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync();
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var channels = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IChannelConfigService>();
        await channels.SaveAsync(MessageChannel.DingTalk, new ChannelConfigInput { Url = url, Secret = "robot" });

        var test = await channels.TestAsync(MessageChannel.DingTalk, "group");

        Assert.False(test.Value.Ok);
        Assert.False(string.IsNullOrWhiteSpace(test.Value.Message));
        var summary = (await channels.ListAsync()).Single(c => c.Channel == MessageChannel.DingTalk);
        Assert.Equal(false, summary.LastTestOk);
        Assert.Equal(test.Value.Message, summary.LastTestMessage);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAReason_AndChangesNothing()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var channels = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IChannelConfigService>();
        var sms = new ChannelConfigInput { Url = "http://127.0.0.1:9/sms", BodyTemplate = """{"to":"${phone}","text":"${content}"}""" };
        Assert.True((await channels.SaveAsync(MessageChannel.Sms, sms)).IsSuccess);

        Assert.Equal("message.channel.url_invalid", (await channels.SaveAsync(MessageChannel.Sms, new ChannelConfigInput { Url = "ftp://x", BodyTemplate = "x" })).Error!.Code);
        var unknown = await channels.SaveAsync(MessageChannel.Sms, new ChannelConfigInput { Url = "http://gw/sms", BodyTemplate = "${phone} ${sign}" });
        Assert.Equal(("message.channel.body_variable", (object)"sign"), (unknown.Error!.Code, unknown.Error.Args[0]));
        Assert.Equal("message.channel.method_invalid", (await channels.SaveAsync(MessageChannel.Sms, new ChannelConfigInput { Url = "http://gw/sms", BodyTemplate = "x", Method = "DELETE" })).Error!.Code);
        Assert.Equal("message.channel.from_invalid", (await channels.SaveAsync(MessageChannel.Email, new ChannelConfigInput { Host = "smtp", From = "not-an-address" })).Error!.Code);
        Assert.Equal("message.channel.header_invalid", (await channels.SaveAsync(MessageChannel.Webhook, new ChannelConfigInput { Url = "http://hook", Headers = "no colon here" })).Error!.Code);
        Assert.Equal("message.channel.test_recipient_required", (await channels.TestAsync(MessageChannel.Email, " ")).Error!.Code);

        Assert.Equal("http://127.0.0.1:9/sms", (await channels.GetAsync(MessageChannel.Sms)).Url);
        var configured = (await channels.ListAsync()).Where(c => c.Configured).Select(c => c.Channel).ToHashSet();
        Assert.Equal(new HashSet<MessageChannel> { MessageChannel.Sms, MessageChannel.InApp }, configured);
    }

    [Fact]
    public async Task CallersWithoutThePermission_AreRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = await harness.UserAsync("nobody");
        var channels = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IChannelConfigService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => channels.ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => channels.SaveAsync(MessageChannel.Webhook, new ChannelConfigInput { Url = "http://x" }));
        await Assert.ThrowsAsync<ForbiddenException>(() => channels.TestAsync(MessageChannel.Webhook, "default"));
    }
}
