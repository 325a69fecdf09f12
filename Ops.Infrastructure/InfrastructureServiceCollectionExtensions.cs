using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>
    /// What every module shares (database, Data Protection, the event bus, the egress policy for outbound HTTP,
    /// health checks), then each module of <see cref="OpsModules.All"/> registers its own services.
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

        services.AddDataProtection()
            .SetApplicationName("Ops")
            .PersistKeysToDbContext<OpsDbContext>();

        services.AddHttpClient();
        // Every outbound HTTP client the portal makes goes through the egress policy (jobs, channels, callbacks, SSO).
        services.AddSingleton(configuration.GetSection(EgressOptions.SectionName).Get<EgressOptions>() ?? new EgressOptions());
        services.AddSingleton<EgressPolicy>();
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<EgressPolicy>().CreateHandler()));
        services.AddSingleton(sp => new NodeIdentity(sp.GetRequiredService<SchedulerOptions>()));
        services.AddScoped<ISystemInfoService, SystemInfoService>();
        foreach (var module in OpsModules.All)
        {
            module.AddServices(services, configuration, environment);
        }

        // After the modules, as before the split: hosted services start in registration order.
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        return services;
    }
}
