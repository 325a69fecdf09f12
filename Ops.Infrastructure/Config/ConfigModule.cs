using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common.Modules;

namespace Ops.Infrastructure.Config;

/// <summary>Configuration center: system settings so far (<c>/config</c>, <c>config.*</c>).</summary>
public static class ConfigModule
{
    public static OpsModule Definition { get; } = new(ConfigPermissions.Descriptor, (s, c, e) => s.AddConfigModule(c, e), ApplyConfigurations);

    public static IServiceCollection AddConfigModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<SettingsStore>();
        return services;
    }

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(ConfigModule));
}
