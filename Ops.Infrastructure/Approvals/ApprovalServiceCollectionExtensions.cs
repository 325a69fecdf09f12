using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure.Approvals;

public static class ApprovalServiceCollectionExtensions
{
    /// <summary>The approval services, the callback outbox dispatcher and (with the scheduler on) the due-time timers and the file cleanup.</summary>
    public static IServiceCollection AddOpsApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        var callbacks = configuration.GetSection("Approvals:Callbacks").Get<ApprovalCallbackOptions>() ?? new ApprovalCallbackOptions();
        services.AddSingleton(callbacks);
        services.AddSingleton(configuration.GetSection("Approvals:Timers").Get<ApprovalTimerOptions>() ?? new ApprovalTimerOptions());
        services.AddSingleton((configuration.GetSection(ApprovalFileOptions.SectionName).Get<ApprovalFileOptions>() ?? new ApprovalFileOptions()).Validated());
        var notices = configuration.GetSection("Approvals:Notices").Get<ApprovalNoticeOptions>() ?? new ApprovalNoticeOptions();
        notices.Channels = notices.Channels.Count == 0 ? [Ops.Domain.Notifications.MessageChannel.InApp] : notices.Channels.Distinct().ToList();
        services.AddSingleton(notices);
        services.AddSingleton<ApprovalEffects>();
        services.AddScoped<ApprovalCallbacks>();
        services.AddScoped<ApprovalStore>();
        services.AddSingleton<ApprovalDelegationCache>();
        services.AddScoped<ApprovalTimers>();
        services.AddSingleton<ApprovalTimerBackoff>();
        services.AddScoped<IApprovalDefinitionService, ApprovalDefinitionService>();
        services.AddScoped<IApprovalService, ApprovalService>();
        services.AddScoped<IApprovalInbox, ApprovalInbox>();
        services.AddScoped<IApprovalDelegationService, ApprovalDelegationService>();
        services.AddScoped<ApprovalDemoSeeder>();
        services.AddScoped<IApprovalFileService, ApprovalFileService>();
        services.AddScoped<ApprovalFileCleanup>();
        services.AddHttpClient(ApprovalCallbackDelivery.HttpClientName).ConfigurePrimaryHttpMessageHandler((handler, _) => ((SocketsHttpHandler)handler).AllowAutoRedirect = false);
        services.AddOutbox<ApprovalCallback, CallbackStatus, ApprovalCallbackDelivery>(callbacks);

        var scheduler = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        if (scheduler.Enabled)
        {
            services.AddHostedService<ApprovalTimerStartup>();
            services.AddHostedService<ApprovalFileCleanupStartup>();
        }

        return services;
    }
}
