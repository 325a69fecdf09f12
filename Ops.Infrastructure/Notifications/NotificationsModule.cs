using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Auth;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// Notifications: in-app notices, templates, channels and their senders, the message log, the blacklist and the
/// outbox dispatcher (<c>/message</c> and <c>/notifications</c>, <c>message.*</c>).
/// </summary>
public static class NotificationsModule
{
    public static OpsModule Definition { get; } = new(NotificationPermissions.Descriptor, (s, c, e) => s.AddNotificationsModule(c, e), ApplyConfigurations);

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<INotificationService, NotificationService>();
        services.AddScoped<ITemplateService, TemplateService>();
        services.AddScoped<IMessageService, MessageService>();
        services.AddScoped<IMessageLogService, MessageLogService>();
        services.AddScoped<IBlacklistService, BlacklistService>();
        services.AddScoped<IChannelConfigService, ChannelConfigService>();
        services.AddScoped<INotificationSettingsService, NotificationSettingsService>();
        services.AddScoped<MessageBatch>();
        services.AddScoped<IMessageSender, WebhookSender>();
        services.AddScoped<IMessageSender, InAppSender>();
        services.AddScoped<IMessageSender, SmsGatewaySender>();
        services.AddScoped<IMessageSender, EmailSender>();
        services.AddScoped<IMessageSender, DingTalkRobotSender>();
        services.AddScoped<IMessageSender, FeishuRobotSender>();
        services.AddScoped<IMessageSender, WeComRobotSender>();
        var outbox = configuration.GetSection("Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
        services.AddSingleton(outbox);
        services.AddSingleton<ChannelRateLimiter>();
        services.AddOutbox<MessageLog, MessageStatus, MessageDelivery>(outbox);
        return services;
    }

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(NotificationsModule));
}
