using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ops.Infrastructure.Persistence;

/// <summary>Healthy when the configured database answers.</summary>
internal sealed class DatabaseHealthCheck(DatabaseMigrator migrator, DatabaseOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await migrator.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy($"{options.Provider} reachable")
                : HealthCheckResult.Unhealthy($"{options.Provider} not reachable");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{options.Provider} not reachable", ex);
        }
    }
}
