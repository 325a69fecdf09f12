using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Audit;
using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// Database, Identity stores, Data Protection, the permission guard and the audit trail.
    /// The host supplies <see cref="ICurrentUser"/> and <see cref="IRequestOriginAccessor"/>.
    /// </summary>
    public static IServiceCollection AddOpsInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddScoped<ActorContext>();
        services.AddScoped<IdempotentCommands>();
        services.AddSingleton<IEventBus, InMemoryEventBus>();
        services.AddOpsPersistence(configuration, environment);

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(auth);
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = auth.PasswordHashIterations);
        services.AddIdentityCore<OpsUser>(o =>
            {
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = PasswordPolicyValidator.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = auth.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = auth.LockoutDuration;
            })
            .AddRoles<OpsRole>()
            .AddEntityFrameworkStores<OpsDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddClaimsPrincipalFactory<OpsUserClaimsPrincipalFactory>();

        services.AddDataProtection()
            .SetApplicationName("Ops")
            .PersistKeysToDbContext<OpsDbContext>();

        services.AddSingleton<IUserAccessStore, UserAccessStore>();
        services.AddScoped<IPermissionGuard, PermissionGuard>();
        services.AddScoped<PermissionSeeder>();
        services.AddScoped<AdminBootstrapper>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<SignInService>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<UnknownUserPassword>();
        services.AddScoped<SessionService>();
        services.AddScoped<LoginRecorder>();
        services.AddScoped<MfaService>();
        services.AddScoped<AvatarStore>();
        services.AddScoped<Config.SettingsStore>();
        services.AddScoped<RegistrationService>();
        services.AddHttpClient();
        // Every outbound HTTP client the portal makes goes through the egress policy (jobs, channels, callbacks, SSO).
        services.AddSingleton(configuration.GetSection(EgressOptions.SectionName).Get<EgressOptions>() ?? new EgressOptions());
        services.AddSingleton<EgressPolicy>();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<EgressPolicy>().CreateHandler()));
        services.AddScoped<Auth.Sso.ISsoConnector, Auth.Sso.WeComConnector>();
        services.AddScoped<Auth.Sso.ISsoConnector, Auth.Sso.DingTalkConnector>();
        services.AddScoped<Auth.Sso.ISsoConnector, Auth.Sso.FeishuConnector>();
        services.AddScoped<Auth.Sso.ISsoConnector, Auth.Sso.OidcConnector>();
        services.AddScoped<Auth.Sso.SsoService>();
        services.AddScoped<IProfileService, ProfileService>();
        services.AddScoped<IPermissionService, PermissionService>();
        services.AddScoped<IDepartmentService, DepartmentService>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<IRoleService, RoleService>();
        services.AddScoped<IDataScopeProvider, DataScopeProvider>();
        services.AddScoped<PrivilegeCeiling>();
        services.AddScoped<IUserService, UserService>();
        services.AddScoped<IUserAdministration, UserAdministration>();
        services.AddScoped<IUserExchange, UserExchange>();
        services.AddScoped<ILoginLogService, LoginLogService>();
        services.AddScoped<Ops.Domain.Notifications.INotificationService, Notifications.NotificationService>();
        services.AddScoped<Ops.Domain.Notifications.ITemplateService, Notifications.TemplateService>();
        services.AddScoped<Ops.Domain.Notifications.IMessageService, Notifications.MessageService>();
        services.AddScoped<Ops.Domain.Notifications.IMessageLogService, Notifications.MessageLogService>();
        services.AddScoped<Ops.Domain.Notifications.IBlacklistService, Notifications.BlacklistService>();
        services.AddScoped<Notifications.IChannelConfigService, Notifications.ChannelConfigService>();
        services.AddScoped<Ops.Domain.Notifications.INotificationSettingsService, Notifications.NotificationSettingsService>();
        services.AddScoped<Notifications.IMessageSender, Notifications.WebhookSender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.InAppSender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.SmsGatewaySender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.EmailSender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.DingTalkRobotSender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.FeishuRobotSender>();
        services.AddScoped<Notifications.IMessageSender, Notifications.WeComRobotSender>();
        var outbox = configuration.GetSection("Outbox").Get<Notifications.OutboxOptions>() ?? new Notifications.OutboxOptions();
        services.AddSingleton(outbox);
        services.AddSingleton<Notifications.ChannelRateLimiter>();
        services.AddSingleton(sp => new NodeIdentity(sp.GetRequiredService<SchedulerOptions>()));
        services.AddOutbox<Ops.Domain.Notifications.MessageLog, Ops.Domain.Notifications.MessageStatus, Notifications.MessageDelivery>(outbox);
        services.AddOpsScheduler(configuration, environment);
        services.AddOpsApprovals(configuration);
        services.AddScoped<ISystemInfoService, SystemInfoService>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}
