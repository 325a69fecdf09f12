using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Config;

namespace Ops.Infrastructure.Notifications;

public enum SmtpTls
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The SMTP account mail goes out through (channel configuration; the password is stored encrypted).</summary>
public sealed record SmtpSettings(string Host, int Port, SmtpTls Tls, string? UserName, string? Password, string From, string? FromName)
{
    public const string Key = "channel.email";
}

/// <summary>E-mail over SMTP with MailKit: the rendered HTML body, the rendered subject.</summary>
internal sealed class EmailSender(SettingsStore settings, EgressPolicy egress) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.Email;

    public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
    {
        var smtp = await settings.GetAsync<SmtpSettings?>(SmtpSettings.Key, null, cancellationToken)
            ?? throw new DeliveryException(DeliveryTexts.EmailNotConfigured);
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress(smtp.FromName ?? "Ops", smtp.From));
        try
        {
            mail.To.Add(MailboxAddress.Parse(message.Recipient));
        }
        catch (ParseException)
        {
            throw new DeliveryException(DeliveryTexts.NotAnEmail(message.Recipient));
        }

        mail.Subject = message.Subject ?? "";
        mail.Body = new BodyBuilder { HtmlBody = message.Content }.ToMessageBody();
        mail.Headers.Add("X-Ops-Message-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var client = new SmtpClient { Timeout = 20_000 };
        try
        {
            var tls = smtp.Tls switch
            {
                SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpTls.StartTls => SecureSocketOptions.StartTls,
                _ => SecureSocketOptions.None,
            };
            // The socket comes through the egress policy: the SMTP host is whatever an administrator typed.
            await client.ConnectAsync(await egress.ConnectAsync(smtp.Host, smtp.Port, cancellationToken), smtp.Host, smtp.Port, tls, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(mail, cancellationToken);
            await client.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or AuthenticationException or IOException or System.Net.Sockets.SocketException or SslHandshakeException)
        {
            throw new DeliveryException($"SMTP: {ex.Message}");
        }
    }
}
