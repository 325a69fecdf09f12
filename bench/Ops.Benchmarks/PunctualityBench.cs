using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler;
using Quartz;

namespace Ops.Benchmarks;

/// <summary>
/// Cron punctuality: the portal's persistent store (SQLite, MariaDB) side by side with Quartz's RAMJobStore,
/// in one run. Two loads: 1,000 jobs a minute (each job once a minute, spread over the seconds) and
/// 300 jobs every second. Delay = actual start − scheduled fire time; misfires counted by a trigger
/// listener, and fires that never came by comparing with what the crons should have produced.
/// </summary>
internal static class PunctualityBench
{
    public static async Task RunAsync(string? mysqlServer, TimeSpan perMinuteWindow, TimeSpan perSecondWindow)
    {
        var stores = new List<(string Name, Action<IQuartzBuilder> Configure, Func<Task> Cleanup)> { ("RAMJobStore", q => q.UseInMemoryStore(), () => Task.CompletedTask) };
        var file = Path.Combine(Path.GetTempPath(), $"ops-bench-quartz-{Guid.NewGuid():N}.db");
        await using (var wal = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            // As the portal's migrator leaves its database.
            await wal.OpenAsync();
            await using var pragma = wal.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL;";
            await pragma.ExecuteNonQueryAsync();
        }

        Action<IQuartzBuilder> sqlite = q => SchedulerModule.ConfigureQuartz(q, Options(), DatabaseProvider.Sqlite, $"Data Source={file}");
        stores.Add(("SQLite (portal store)", sqlite, () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(leftover);
            }

            return Task.CompletedTask;
        }));
        if (!string.IsNullOrWhiteSpace(mysqlServer))
        {
            var schema = $"ops_bench_{Guid.NewGuid():N}"[..24];
            var connection = new MySqlConnectionStringBuilder(mysqlServer) { Database = schema }.ConnectionString;
            Action<IQuartzBuilder> mysql = q => SchedulerModule.ConfigureQuartz(q, Options(), DatabaseProvider.MySql, connection);
            stores.Add(("MariaDB (portal store)", mysql, () => DropAsync(mysqlServer, schema)));
            await CreateAsync(mysqlServer, schema);
        }

        Console.WriteLine($"{"store",-24} {"load",-20} {"fires",7} {"expected",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"misfires",9}");
        foreach (var (name, configure, cleanup) in stores)
        {
            try
            {
                await MeasureAsync(name, "1,000 jobs/min", configure, 1_000, i => $"{i % 60} * * * * ?", perMinuteWindow, perJobPerMinute: 1);
                await MeasureAsync(name, "300 jobs every 1 s", configure, 300, _ => "* * * * * ?", perSecondWindow, perJobPerMinute: 60);
            }
            finally
            {
                await cleanup();
            }
        }
    }

    private static SchedulerOptions Options() => new() { Name = "bench", MaxConcurrency = int.Parse(Environment.GetEnvironmentVariable("BENCH_THREADS") ?? "10", CultureInfo.InvariantCulture) };

    private static async Task MeasureAsync(string store, string load, Action<IQuartzBuilder> configure, int jobs, Func<int, string> cron, TimeSpan window, int perJobPerMinute)
    {
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        var name = $"bench-{Guid.NewGuid():N}";
        services.AddQuartz(q =>
        {
            configure(q);
            q.ConfigureScheduler(s => s.InstanceName = name);
            q.AddTriggerListener<MisfireCounter>();
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        RecordingJob.Fires.Clear();
        MisfireCounter.Count = 0;
        for (var i = 0; i < jobs; i++)
        {
            var job = JobBuilder.Create<RecordingJob>().WithIdentity($"j{i}", "bench").Build();
            var trigger = TriggerBuilder.Create().WithIdentity($"t{i}", "bench").ForJob(job)
                .WithCronSchedule(cron(i), c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
            await scheduler.ScheduleJob(job, trigger, default);
        }

        await scheduler.Start();

        // Measure whole seconds after a warm-up of a few seconds.
        var start = DateTimeOffset.UtcNow.AddSeconds(5);
        start = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, start.Second, TimeSpan.Zero).AddSeconds(1);
        var end = start + window;
        await Task.Delay(end - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        await scheduler.Shutdown(false);

        var inWindow = RecordingJob.Fires.Where(f => f.Scheduled >= start && f.Scheduled < end).ToList();
        var delays = inWindow.Select(f => (f.Fired - f.Scheduled).TotalMilliseconds).Order().ToList();
        var expected = (long)Math.Round(jobs * perJobPerMinute * window.TotalMinutes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store,-24} {load,-20} {inWindow.Count,7} {expected,9} {Percentile(delays, 0.50),8:F1} {Percentile(delays, 0.99),8:F1} {(delays.Count == 0 ? 0 : delays[^1]),8:F1} {MisfireCounter.Count,9}"));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task CreateAsync(string server, string schema)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{schema}` CHARACTER SET utf8mb4";
        await command.ExecuteNonQueryAsync();
    }

    private static async Task DropAsync(string server, string schema)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS `{schema}`";
        await command.ExecuteNonQueryAsync();
    }

    internal sealed class RecordingJob : IJob
    {
        public static ConcurrentQueue<(DateTimeOffset Scheduled, DateTimeOffset Fired)> Fires { get; } = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Fires.Enqueue((context.ScheduledFireTimeUtc ?? context.FireTimeUtc, DateTimeOffset.UtcNow));
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class MisfireCounter : ITriggerListener
    {
        public static int Count;

        public string Name => "misfire-counter";

        public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(false);

        public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.CompletedTask;
        }

        public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
