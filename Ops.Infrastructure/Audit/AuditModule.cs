using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common.Modules;

namespace Ops.Infrastructure.Audit;

/// <summary>Audit and monitoring: the audit trail and the login log (<c>/audit</c>, <c>audit.*</c>).</summary>
public static class AuditModule
{
    public static OpsModule Definition { get; } = new(AuditPermissions.Descriptor, (s, c, e) => s.AddAuditModule(c, e), ApplyConfigurations);

    public static IServiceCollection AddAuditModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<ILoginLogService, LoginLogService>();
        services.AddScoped<IAuditTrail, AuditTrail>();
        return services;
    }

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(AuditModule));
}
