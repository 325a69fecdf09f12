using System.Net.Mail;
using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Infrastructure.Notifications;

/// <summary>Turns the flat channel form into each channel's settings record and back, validating on the way in.</summary>
internal static class ChannelConfigMapper
{
    private static readonly string[] Methods = ["POST", "PUT", "GET"];

    /// <summary>Header values may be credentials: shown masked, and a masked value on save keeps the stored one.</summary>
    public const string Masked = "******";

    public static string KeyFor(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => SmtpSettings.Key,
        MessageChannel.Sms => SmsGatewaySettings.Key,
        MessageChannel.Webhook => WebhookSettings.Key,
        _ => RobotSettings.KeyFor(channel),
    };

    public static ChannelConfigInput ToInput(object? stored) => stored switch
    {
        SmtpSettings s => new() { Host = s.Host, Port = s.Port, Tls = s.Tls, UserName = s.UserName, From = s.From, FromName = s.FromName, HasSecret = !string.IsNullOrEmpty(s.Password) },
        SmsGatewaySettings s => new() { Url = s.Url, Method = s.Method, BodyTemplate = s.BodyTemplate, ContentType = s.ContentType, HasSecret = !string.IsNullOrEmpty(s.Secret) },
        WebhookSettings s => new() { Url = s.Url, Headers = string.Join('\n', (s.Headers ?? new Dictionary<string, string>()).Select(h => $"{h.Key}: {Masked}")), HasSecret = !string.IsNullOrEmpty(s.Secret) },
        RobotSettings s => new() { Url = s.Url, HasSecret = !string.IsNullOrEmpty(s.Secret) },
        _ => new(),
    };

    /// <summary>
    /// The settings record to store. The stored secret is kept when no new one is given, but only for
    /// the same endpoint: pointing a stored password at another host must not hand it over there.
    /// </summary>
    public static Result<object> ToSettings(MessageChannel channel, ChannelConfigInput input, object? stored)
    {
        var built = Build(channel, input, SecretOf(stored), (stored as WebhookSettings)?.Headers);
        var keepsOldSecret = (!input.ClearSecret && string.IsNullOrEmpty(input.Secret) && !string.IsNullOrEmpty(SecretOf(stored)))
            || (input.Headers?.Contains(Masked, StringComparison.Ordinal) == true);
        if (built.IsSuccess && keepsOldSecret && EndpointOf(built.Value) != EndpointOf(stored))
        {
            return Error.Invalid("message.channel.secret_reenter").On("channel.secret");
        }

        return built;
    }

    private static string? EndpointOf(object? settings) => settings switch
    {
        SmtpSettings s => $"{s.Host}|{s.Port}|{s.Tls}|{s.UserName}",
        SmsGatewaySettings s => s.Url,
        WebhookSettings s => s.Url,
        RobotSettings s => s.Url,
        _ => null,
    };

    private static Result<object> Build(MessageChannel channel, ChannelConfigInput input, string? storedSecret, IReadOnlyDictionary<string, string>? storedHeaders)
    {
        var secret = input.ClearSecret ? null : string.IsNullOrEmpty(input.Secret) ? storedSecret : input.Secret.Trim();
        if (channel == MessageChannel.Email)
        {
            return Email(input, secret);
        }

        if (!Uri.TryCreate(input.Url?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Error.Invalid("message.channel.url_invalid").On("channel.url");
        }

        return channel switch
        {
            MessageChannel.Sms => Sms(input, url, secret),
            MessageChannel.Webhook => Headers(input.Headers, storedHeaders).Map(h => (object)new WebhookSettings(url.ToString(), secret, h)),
            MessageChannel.WeCom => new RobotSettings(url.ToString(), null),
            _ => new RobotSettings(url.ToString(), secret),
        };
    }

    public static string? SecretOf(object? stored) => stored switch
    {
        SmtpSettings s => s.Password,
        SmsGatewaySettings s => s.Secret,
        WebhookSettings s => s.Secret,
        RobotSettings s => s.Secret,
        _ => null,
    };

    private static Result<object> Email(ChannelConfigInput input, string? password)
    {
        if (string.IsNullOrWhiteSpace(input.Host))
        {
            return Error.Invalid("message.channel.host_required").On("channel.host");
        }

        if (input.Port is < 1 or > 65535)
        {
            return Error.Invalid("message.channel.port_invalid").On("channel.port");
        }

        if (!MailAddress.TryCreate(input.From?.Trim(), out _))
        {
            return Error.Invalid("message.channel.from_invalid").On("channel.from");
        }

        return new SmtpSettings(input.Host.Trim(), input.Port, input.Tls, Blank(input.UserName), password, input.From!.Trim(), Blank(input.FromName));
    }

    private static Result<object> Sms(ChannelConfigInput input, Uri url, string? secret)
    {
        var method = input.Method.Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            return Error.Invalid("message.channel.method_invalid").On("channel.method");
        }

        if (string.IsNullOrWhiteSpace(input.BodyTemplate))
        {
            return Error.Invalid("message.channel.body_required").On("channel.body_template");
        }

        if (TemplateRenderer.Undeclared(input.BodyTemplate, SmsGatewaySettings.Variables) is [var first, ..])
        {
            return Error.Invalid("message.channel.body_variable", first).On("channel.body_template");
        }

        return new SmsGatewaySettings(url.ToString(), method, input.BodyTemplate, secret, string.IsNullOrWhiteSpace(input.ContentType) ? "application/json" : input.ContentType.Trim());
    }

    private static Result<IReadOnlyDictionary<string, string>?> Headers(string? text, IReadOnlyDictionary<string, string>? stored)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                return Error.Invalid("message.channel.header_invalid", line).On("channel.headers");
            }

            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (value == Masked)
            {
                var kept = stored?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
                if (kept is null)
                {
                    return Error.Invalid("message.channel.header_invalid", line).On("channel.headers");
                }

                value = kept;
            }

            headers[name] = value;
        }

        return headers.Count == 0 ? null : headers;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
