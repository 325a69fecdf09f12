using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Config;

namespace Ops.Infrastructure.Notifications;

internal sealed class ChannelConfigService(
    SettingsStore settings, IPermissionGuard guard, ICurrentUser currentUser, IAuditTrail audit, IServiceProvider services, TimeProvider clock)
    : IChannelConfigService
{
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    public async Task<IReadOnlyList<ChannelSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Channels.View, cancellationToken);
        var rows = new List<ChannelSummary>();
        foreach (var channel in Enum.GetValues<MessageChannel>())
        {
            var configured = channel == MessageChannel.InApp || await LoadAsync(channel, cancellationToken) is not null;
            var test = await settings.GetAsync<ChannelTestRecord?>(ChannelTestRecord.KeyFor(channel), null, cancellationToken);
            rows.Add(new ChannelSummary(channel, configured, test?.At, test?.Ok, test?.Message));
        }

        return rows;
    }

    public async Task<ChannelConfigInput> GetAsync(MessageChannel channel, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Channels.View, cancellationToken);
        return ChannelConfigMapper.ToInput(await LoadAsync(channel, cancellationToken));
    }

    public async Task<Result> SaveAsync(MessageChannel channel, ChannelConfigInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Channels.Edit, cancellationToken);
        if (channel == MessageChannel.InApp)
        {
            return Error.Invalid("message.channel.not_configurable");
        }

        var stored = await LoadAsync(channel, cancellationToken);
        var next = ChannelConfigMapper.ToSettings(channel, input, stored);
        if (next.IsFailure)
        {
            return next.Error!;
        }

        await StoreAsync(channel, next.Value, cancellationToken);
        await audit.RecordAsync(new AuditEntry("message", "channel.save", "channel", channel.ToString()), cancellationToken);
        return Result.Success();
    }

    public async Task<Result<ChannelTestRecord>> TestAsync(MessageChannel channel, string? recipient, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Channels.Test, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var address = channel == MessageChannel.InApp ? actor.Name : recipient?.Trim();
        if (string.IsNullOrEmpty(address))
        {
            return Error.Invalid("message.channel.test_recipient_required");
        }

        var sender = services.GetServices<IMessageSender>().Single(s => s.Channel == channel);
        var message = new MessageLog(channel, address, actor.UserId, "channel.test", "Ops 渠道测试 / channel test",
            TestContent(channel), "channel.test", channel.ToString(), null, clock.GetUtcNow());
        var record = await SendAsync(sender, message, cancellationToken);
        await settings.SetAsync(ChannelTestRecord.KeyFor(channel), "notification", record, cancellationToken: cancellationToken);
        await audit.RecordAsync(new AuditEntry("message", "channel.test", "channel", channel.ToString(), Detail: record.Ok ? "ok" : record.Message), cancellationToken);
        return record;
    }

    private async Task<ChannelTestRecord> SendAsync(IMessageSender sender, MessageLog message, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TestTimeout);
        try
        {
            await sender.SendAsync(message, timeout.Token);
            return new ChannelTestRecord(clock.GetUtcNow(), true, "OK");
        }
        catch (Exception ex) when (ex is DeliveryException or HttpRequestException or IOException or OperationCanceledException
            or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Security.AuthenticationException
            or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            var text = ex is OperationCanceledException ? $"Timed out after {TestTimeout.TotalSeconds:0} s" : ex.Message;
            return new ChannelTestRecord(clock.GetUtcNow(), false, text.Length > 500 ? text[..500] : text);
        }
    }

    private static string TestContent(MessageChannel channel) => channel switch
    {
        MessageChannel.Email => "<p>这是一封来自 Ops 的渠道测试邮件。</p><p>This is a channel test from Ops.</p>",
        MessageChannel.Webhook => """{"event":"channel.test","text":"Ops channel test"}""",
        _ => "Ops 渠道测试 / channel test",
    };

    private async Task<object?> LoadAsync(MessageChannel channel, CancellationToken cancellationToken)
    {
        var key = ChannelConfigMapper.KeyFor(channel);
        return channel switch
        {
            MessageChannel.InApp => null,
            MessageChannel.Email => await settings.GetAsync<SmtpSettings?>(key, null, cancellationToken),
            MessageChannel.Sms => await settings.GetAsync<SmsGatewaySettings?>(key, null, cancellationToken),
            MessageChannel.Webhook => await settings.GetAsync<WebhookSettings?>(key, null, cancellationToken),
            _ => await settings.GetAsync<RobotSettings?>(key, null, cancellationToken),
        };
    }

    private Task StoreAsync(MessageChannel channel, object value, CancellationToken cancellationToken)
    {
        var key = ChannelConfigMapper.KeyFor(channel);
        return value switch
        {
            SmtpSettings s => settings.SetAsync(key, "notification", s, encrypt: true, cancellationToken),
            SmsGatewaySettings s => settings.SetAsync(key, "notification", s, encrypt: true, cancellationToken),
            WebhookSettings s => settings.SetAsync(key, "notification", s, encrypt: true, cancellationToken),
            RobotSettings s => settings.SetAsync(key, "notification", s, encrypt: true, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(value)),
        };
    }
}
