using System.Diagnostics;
using System.Reflection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common;

public sealed record SystemInfo(string Version, string DatabaseProvider, bool Healthy, TimeSpan Uptime);

/// <summary>Facts for the dashboard: version, database provider, health, uptime.</summary>
public interface ISystemInfoService
{
    Task<SystemInfo> GetAsync(CancellationToken cancellationToken = default);
}

internal sealed class SystemInfoService(HealthCheckService health, DatabaseOptions database, TimeProvider clock) : ISystemInfoService
{
    public static string Version { get; } =
        (Assembly.GetEntryAssembly() ?? typeof(SystemInfoService).Assembly)
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public async Task<SystemInfo> GetAsync(CancellationToken cancellationToken = default)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var started = new DateTimeOffset(Process.GetCurrentProcess().StartTime.ToUniversalTime());
        return new SystemInfo(Version, database.Provider.ToString(), report.Status == HealthStatus.Healthy, clock.GetUtcNow() - started);
    }
}
