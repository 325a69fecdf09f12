using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure;

/// <summary>What runs once before the portal serves: migrations, permission seed, first admin.</summary>
public static class OpsStartup
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PermissionSeeder>().SeedAsync(PermissionCatalog.All, cancellationToken);
    }

    /// <summary>Migrates (unless <c>Database:AutoMigrate=false</c>), seeds permissions, ensures the admin user.</summary>
    public static async Task<AdminBootstrapResult> InitializeAsync(IServiceProvider services, string? adminPassword, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.AutoMigrate)
        {
            await MigrateAsync(services, cancellationToken);
        }
        else
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpsStartup))
                .LogInformation("Database:AutoMigrate is false; run 'dotnet run --project Ops.Portal -- migrate' to update the schema");
        }

        await using var scope = services.CreateSystemScope();
        return await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(adminPassword);
    }
}
