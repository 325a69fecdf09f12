using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Auth;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler.Execution;
using Quartz;
using Quartz.Impl.AdoJobStore;

namespace Ops.Infrastructure.Scheduler;

/// <summary>Scheduler: jobs, flows, alerts and the scheduling log, on Quartz (<c>/scheduler</c>, <c>scheduler.*</c>).</summary>
public static class SchedulerModule
{
    public static OpsModule Definition { get; } = new(SchedulerPermissions.Descriptor, (s, c, e) => s.AddSchedulerModule(c, e), ApplyConfigurations);

    public static void ApplyConfigurations(ModelBuilder builder) => ModuleConfigurations.Apply(builder, typeof(SchedulerModule));

    /// <summary>
    /// Quartz in-process on a persistent store in the application database (tables created by Quartz's own
    /// provisioning), the job services, executors and the start-up recovery and sync.
    /// </summary>
    public static IServiceCollection AddSchedulerModule(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new SchedulerOptions();
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.Clustered && database.Provider != DatabaseProvider.MySql)
        {
            throw new InvalidOperationException(
                "Scheduler:Clustered=true needs Database:Provider=MySql: Quartz cannot run clustered on SQLite. " +
                "Turn clustering off for a single SQLite node, or move the portal to MySQL/MariaDB.");
        }

        services.AddSingleton(options);
        services.AddScoped<JobService>();
        services.AddScoped<IJobService>(sp => sp.GetRequiredService<JobService>());
        services.AddScoped<IJobRunService, JobRunService>();
        services.AddScoped<IJobAlertService, JobAlertService>();
        services.AddScoped<ISchedulerLogService, SchedulerLogService>();
        services.AddScoped<JobScheduleSync>();
        services.AddScoped<JobRunner>();
        services.AddScoped<JobAlerter>();
        services.AddScoped<JobRetries>();
        services.AddSingleton<Flows.FlowEngine>();
        services.AddScoped<Flows.FlowScheduleSync>();
        services.AddScoped<Flows.FlowAccess>();
        services.AddScoped<Ops.Domain.Scheduler.Flows.IJobFlowService, Flows.JobFlowService>();
        services.AddScoped<Ops.Domain.Scheduler.Flows.IFlowRunService, Flows.FlowRunService>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<JobRunSlots>();
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddHttpClient(HttpJobExecutor.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<IJobExecutor, HttpJobExecutor>();
        services.AddScoped<IJobExecutor, ShellJobExecutor>();
        services.AddScoped<IJobExecutor, PythonJobExecutor>();
        services.AddScoped<IJobExecutor, SqlJobExecutor>();

        var connection = DatabaseRegistration.ConnectionString(configuration, environment, database)
            ?? throw new InvalidOperationException("The scheduler needs ConnectionStrings:Ops.");
        services.AddQuartz(quartz => ConfigureQuartz(quartz, options, database.Provider, connection));

        if (options.Enabled)
        {
            // Missed fires follow their policy before Quartz starts; then interrupted runs are marked (and recoverable
            // jobs rerun) and triggers synced.
            services.AddHostedService<MissedFires>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = false);
            services.AddHostedService<SchedulerStartup>();
            services.AddHostedService<Flows.FlowStartup>();
        }

        return services;
    }

    private const string SqliteProvider = "SQLite-Microsoft";

    /// <summary>The portal's Quartz: its thread pool, and the persistent store in the application database (also used by the benchmark).</summary>
    public static void ConfigureQuartz(IQuartzBuilder quartz, SchedulerOptions options, DatabaseProvider provider, string connection)
    {
        // Quartz's slots are not the runs' limit (JobRunSlots is): a fired run waiting for a run slot holds a Quartz slot.
        var fireSlots = Math.Max(options.FireBatchSize, options.MaxConcurrency);
        quartz.UseDefaultThreadPool(fireSlots);
        quartz.ConfigureScheduler(s =>
        {
            s.InstanceName = options.Name;

            // Many triggers due at the same second are acquired in one transaction, not one each:
            // on a persistent store that is what keeps 300 fires a second on time.
            s.MaxBatchSize = fireSlots;
            s.BatchTriggerAcquisitionFireAheadTimeWindow = options.FireAheadWindow;
        });
        quartz.UsePersistentStore(store =>
        {
            store.ProvisionSchema();
            store.ConfigureStore(o =>
            {
                o.MisfireThreshold = options.MisfireThreshold;
                o.StoreJobDataAsStrings = true;
            });
            if (provider == DatabaseProvider.MySql)
            {
                store.UseMySqlConnector(connection);
                if (options.Clustered)
                {
                    store.UseClustering();
                }
            }
            else
            {
                // What UseSqlite does, with Quartz's Microsoft.Data.Sqlite description carrying our connection type (so
                // its connections get the portal's pragmas), registered under Quartz's own provider name, which replaces
                // the shipped one. The builder keeps the first delegate registered: SQLite's, with its in-process lock.
                store.UseDriverDelegate<SQLiteDelegate>();
                store.UseGenericDatabase(SqliteProvider, connection, QuartzSqliteConnection.Describe);
            }
        });
    }
}
