using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Common;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Infrastructure.Persistence;

internal static class DatabaseRegistration
{
    public static IServiceCollection AddOpsPersistence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(options);
        services.AddSingleton(new PortalDatabase(options.Provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString(configuration, environment, options)).DataSource)
            : null));
        services.AddSingleton<AuditingInterceptor>();
        services.TryAddSingleton<OutboxSignals>();
        services.AddSingleton<OutboxWakeInterceptor>();
        services.TryAddSingleton<EntityWrites>();
        services.AddSingleton<EntityWritesInterceptor>();
        var connection = ConnectionString(configuration, environment, options);

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteDirectory(connection!);
                services.AddPooledDbContextFactory<SqliteOpsDbContext>((sp, o) =>
                    ConfigureSqlite(o, connection!).AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<OutboxWakeInterceptor>(), sp.GetRequiredService<EntityWritesInterceptor>(), new SqlitePragmas()));
                services.AddScoped<IDbContextFactory<OpsDbContext>, OpsDbContextFactory<SqliteOpsDbContext>>();
                break;
            case DatabaseProvider.MySql:
                if (string.IsNullOrWhiteSpace(connection))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is MySql but ConnectionStrings:Ops is empty. Set ConnectionStrings__Ops.");
                }

                services.AddPooledDbContextFactory<MySqlOpsDbContext>((sp, o) =>
                    ConfigureMySql(o, connection, options.ServerVersion).AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<OutboxWakeInterceptor>(), sp.GetRequiredService<EntityWritesInterceptor>()));
                services.AddScoped<IDbContextFactory<OpsDbContext>, OpsDbContextFactory<MySqlOpsDbContext>>();
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or MySql.");
        }

        // Identity's stores and Data Protection resolve a scoped context.
        services.AddScoped<OpsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContext());
        services.AddScoped<DatabaseMigrator>();
        return services;
    }

    /// <summary>The configured connection string; for SQLite the default file when none is set; null for MySQL without one.</summary>
    public static string? ConnectionString(IConfiguration configuration, IHostEnvironment environment, DatabaseOptions options)
    {
        var connection = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        connection = string.IsNullOrWhiteSpace(connection) ? null : connection;
        return options.Provider == DatabaseProvider.Sqlite ? connection ?? DatabaseOptions.DefaultSqliteConnectionString(environment.ContentRootPath) : connection;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connection) =>
        options.UseSqlite(connection, sqlite => sqlite.MigrationsHistoryTable("__ef_migrations_history"));

    public static DbContextOptionsBuilder ConfigureMySql(DbContextOptionsBuilder options, string connection, string serverVersion) =>
        options.UseMySql(connection, ServerVersion.Parse(serverVersion), mysql => mysql.MigrationsHistoryTable("__ef_migrations_history"));

    private static void EnsureSqliteDirectory(string connection)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection);
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory) && builder.DataSource != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}
