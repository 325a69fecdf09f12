using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure.Approvals;

/// <summary>Approvals: definitions, instances, the inbox, delegation, files and callbacks (<c>/workflow</c>, <c>workflow.*</c>).</summary>
public static class ApprovalsModule
{
    public static OpsModule Definition { get; } = new(ApprovalPermissions.Descriptor, (s, c, e) => s.AddApprovalsModule(c, e), ApplyConfigurations);

    /// <summary>
    /// The approval engine's value objects (process, form and their parts) are stored as JSON columns, never as tables
    /// of their own: every non-entity class of the domain namespace is kept out of the model before the configurations.
    /// </summary>
    public static void ApplyConfigurations(ModelBuilder builder)
    {
        var approvals = typeof(ApprovalDefinition);
        foreach (var type in approvals.Assembly.GetTypes().Where(t => t.Namespace == approvals.Namespace && t.IsClass && !(t.IsAbstract && t.IsSealed)
            && !typeof(Entity).IsAssignableFrom(t) && !t.IsDefined(typeof(CompilerGeneratedAttribute), false)))
        {
            builder.Ignore(type);
        }

        ModuleConfigurations.Apply(builder, typeof(ApprovalsModule));
    }

    /// <summary>The approval services, the callback outbox dispatcher and (with the scheduler on) the due-time timers and the file cleanup.</summary>
    public static IServiceCollection AddApprovalsModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
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
            services.AddRecurringJob<ApprovalTimerJob>(ApprovalTimerJob.Key, sp => sp.GetRequiredService<ApprovalTimerOptions>().Interval);
            services.AddRecurringJob<ApprovalFileCleanupJob>(ApprovalFileCleanupJob.Key, sp => sp.GetRequiredService<ApprovalFileOptions>().CleanupInterval);
        }

        return services;
    }
}
