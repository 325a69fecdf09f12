using System.Globalization;
using System.Text;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Config;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// An HTTP SMS gateway: where to call, how, and the request body as a template over
/// <c>${phone}</c>, <c>${content}</c> and <c>${messageId}</c> (values JSON-escaped for a JSON body,
/// percent-encoded for a form body, so a value can never add fields of its own).
/// The signing secret is stored encrypted.
/// </summary>
public sealed record SmsGatewaySettings(string Url, string Method, string BodyTemplate, string? Secret, string ContentType = "application/json")
{
    public const string Key = "channel.sms";

    public static readonly IReadOnlyList<string> Variables = ["phone", "content", "messageId"];
}

/// <summary>
/// Sends an SMS through the configured gateway. Signed like the generic webhook:
/// <c>X-Ops-Timestamp</c> and <c>X-Ops-Signature</c> = hex HMAC-SHA256(secret, timestamp + "." + body).
/// Any non-2xx answer is a failed attempt.
/// </summary>
internal sealed class SmsGatewaySender(IHttpClientFactory clients, SettingsStore settings, TimeProvider clock) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.Sms;

    public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
    {
        var gateway = await settings.GetAsync<SmsGatewaySettings?>(SmsGatewaySettings.Key, null, cancellationToken)
            ?? throw new DeliveryException(DeliveryTexts.SmsNotConfigured);
        var body = RenderBody(gateway, message);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(new HttpMethod(gateway.Method.ToUpperInvariant()), gateway.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, gateway.ContentType),
        };
        request.Headers.Add("X-Ops-Message-Id", message.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Ops-Timestamp", timestamp);
        if (!string.IsNullOrEmpty(gateway.Secret))
        {
            request.Headers.Add("X-Ops-Signature", WebhookSender.Sign(gateway.Secret, timestamp, body));
        }

        using var response = await clients.CreateClient(nameof(SmsGatewaySender)).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryException($"SMS gateway answered HTTP {(int)response.StatusCode}");
        }
    }

    public static string RenderBody(SmsGatewaySettings gateway, MessageLog message)
    {
        var escaping = gateway.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? TemplateEscaping.Json
            : gateway.ContentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? TemplateEscaping.Url
            : TemplateEscaping.None;
        var values = new Dictionary<string, string?>
        {
            ["phone"] = message.Recipient,
            ["content"] = message.Content,
            ["messageId"] = message.Id.ToString(CultureInfo.InvariantCulture),
        };
        var rendered = TemplateRenderer.Render(gateway.BodyTemplate, values, escaping);
        return rendered.IsSuccess ? rendered.Value : throw new DeliveryException($"SMS body template: {rendered.Error}");
    }
}
