using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Config;

namespace Ops.Infrastructure.Notifications;

/// <summary>An IM group robot: its webhook address and, where the robot signs, its secret (stored encrypted).</summary>
public sealed record RobotSettings(string Url, string? Secret)
{
    public static string KeyFor(MessageChannel channel) => $"channel.{channel.ToString().ToLowerInvariant()}";
}

/// <summary>Shared delivery of robot messages: load the settings, post, read the robot's own error code.</summary>
internal abstract class RobotSender(IHttpClientFactory clients, SettingsStore settings, TimeProvider clock) : IMessageSender
{
    public abstract MessageChannel Channel { get; }

    protected TimeProvider Clock => clock;

    public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
    {
        var robot = await settings.GetAsync<RobotSettings?>(RobotSettings.KeyFor(Channel), null, cancellationToken)
            ?? throw new DeliveryException(DeliveryTexts.RobotNotConfigured(Channel));
        var (url, body) = Build(robot, message);
        using var response = await clients.CreateClient(Channel.ToString()).PostAsJsonAsync(url, body, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        var code = response.IsSuccessStatusCode ? ErrorCode(answer) : (int)response.StatusCode;
        if (code != 0)
        {
            throw new DeliveryException($"{Channel} answered {code}: {(answer.Length > 300 ? answer[..300] : answer)}");
        }
    }

    protected abstract (string Url, object Body) Build(RobotSettings robot, MessageLog message);

    private static int ErrorCode(string answer)
    {
        try
        {
            var node = JsonNode.Parse(answer);
            return (node?["errcode"] ?? node?["code"] ?? node?["StatusCode"])?.GetValue<int>() ?? 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return -1;
        }
    }

    protected static string HmacBase64(byte[] key, string data) => Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data)));
}

/// <summary>DingTalk robot: markdown; signed with timestamp (ms) + "\n" + secret, HMAC-SHA256, base64, in the query.</summary>
internal sealed class DingTalkRobotSender(IHttpClientFactory clients, SettingsStore settings, TimeProvider clock) : RobotSender(clients, settings, clock)
{
    public override MessageChannel Channel => MessageChannel.DingTalk;

    public static string Sign(string secret, long timestampMs) =>
        HmacBase64(Encoding.UTF8.GetBytes(secret), $"{timestampMs.ToString(CultureInfo.InvariantCulture)}\n{secret}");

    protected override (string Url, object Body) Build(RobotSettings robot, MessageLog message)
    {
        var url = robot.Url;
        if (!string.IsNullOrEmpty(robot.Secret))
        {
            var timestamp = Clock.GetUtcNow().ToUnixTimeMilliseconds();
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + $"timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(robot.Secret, timestamp))}";
        }

        return (url, new { msgtype = "markdown", markdown = new { title = message.Subject ?? message.TemplateCode ?? "Ops", text = message.Content } });
    }
}

/// <summary>Feishu robot: signed with key timestamp (s) + "\n" + secret over an empty message, in the body.</summary>
internal sealed class FeishuRobotSender(IHttpClientFactory clients, SettingsStore settings, TimeProvider clock) : RobotSender(clients, settings, clock)
{
    public override MessageChannel Channel => MessageChannel.Feishu;

    public static string Sign(string secret, long timestampSeconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{timestampSeconds.ToString(CultureInfo.InvariantCulture)}\n{secret}"), Array.Empty<byte>()));

    protected override (string Url, object Body) Build(RobotSettings robot, MessageLog message)
    {
        var text = message.Subject is null ? message.Content : $"{message.Subject}\n{message.Content}";
        if (string.IsNullOrEmpty(robot.Secret))
        {
            return (robot.Url, new { msg_type = "text", content = new { text } });
        }

        var timestamp = Clock.GetUtcNow().ToUnixTimeSeconds();
        return (robot.Url, new { timestamp = timestamp.ToString(CultureInfo.InvariantCulture), sign = Sign(robot.Secret, timestamp), msg_type = "text", content = new { text } });
    }
}

/// <summary>WeCom group robot: markdown to the webhook whose key is in the address; no signature.</summary>
internal sealed class WeComRobotSender(IHttpClientFactory clients, SettingsStore settings, TimeProvider clock) : RobotSender(clients, settings, clock)
{
    public override MessageChannel Channel => MessageChannel.WeCom;

    protected override (string Url, object Body) Build(RobotSettings robot, MessageLog message) =>
        (robot.Url, new { msgtype = "markdown", markdown = new { content = message.Subject is null ? message.Content : $"**{message.Subject}**\n{message.Content}" } });
}
