using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ops.Domain.Notifications;

namespace Ops.Infrastructure.Notifications;

/// <summary>Delivers one message over one channel; throws <see cref="DeliveryException"/> when it did not arrive.</summary>
public interface IMessageSender
{
    MessageChannel Channel { get; }

    Task SendAsync(MessageLog message, CancellationToken cancellationToken);
}

public sealed class DeliveryException(string message) : Exception(message);

/// <summary>Generic webhook settings (channel configuration; the secret is stored encrypted).</summary>
public sealed record WebhookSettings(string Url, string? Secret, IReadOnlyDictionary<string, string>? Headers)
{
    public const string Key = "channel.webhook";
}

/// <summary>
/// POSTs the rendered JSON body. Headers: <c>X-Ops-Message-Id</c> (receivers de-duplicate on it),
/// <c>X-Ops-Timestamp</c> and <c>X-Ops-Signature</c> = hex HMAC-SHA256(secret, timestamp + "." + body).
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, MessageBatch batch, TimeProvider clock) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.Webhook;

    public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
    {
        var config = await batch.SettingAsync<WebhookSettings>(WebhookSettings.Key, cancellationToken)
            ?? throw new DeliveryException(DeliveryTexts.WebhookNotConfigured);
        // Always the configured address: a caller-supplied URL would let senders reach internal hosts
        // with the webhook's secret headers and signature (the recipient is only a label here).
        var url = config.Url;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(message.Content, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Ops-Message-Id", message.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Ops-Timestamp", timestamp);
        if (!string.IsNullOrEmpty(config.Secret))
        {
            request.Headers.Add("X-Ops-Signature", Sign(config.Secret, timestamp, message.Content));
        }

        foreach (var (name, value) in config.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await clients.CreateClient(nameof(WebhookSender)).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryException($"HTTP {(int)response.StatusCode} from {new Uri(url).GetLeftPart(UriPartial.Authority)}");
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}
