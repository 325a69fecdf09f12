using System.Globalization;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

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
