using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Ops.Benchmarks;

/// <summary>Delays of one load on one store: p50 / p99 / max in ms, misfires, fires later than 1 s; <c>Behind</c> when fires were still queued at the end (the delays are then lower bounds).</summary>
internal sealed record Punctuality(int Fires, long Expected, double P50, double P99, double Max, int Misfires, int Late, bool Behind);

/// <summary>One load on one store: schedule the jobs, let them fire, collect the delays in a window of whole seconds.</summary>
internal static partial class PunctualityBench
{
    private static async Task<Punctuality?> MeasureAsync(string store, string load, Action<IQuartzBuilder> configure, int jobs, Func<int, string> cron, TimeSpan window, Func<DateTimeOffset, int> dueAt)
    {
        if (window <= TimeSpan.Zero)
        {
            return null;
        }

        var services = new ServiceCollection();
        // BENCH_LOG=1 shows Quartz's own warnings and errors (a store that fires nothing says why there).
        services.AddLogging(b => b.AddConsole().SetMinimumLevel(Environment.GetEnvironmentVariable("BENCH_LOG") == "1" ? LogLevel.Warning : LogLevel.None));
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
        var stopped = DateTimeOffset.UtcNow;
        await scheduler.Shutdown(false);

        var inWindow = RecordingJob.Fires.Where(f => f.Scheduled >= start && f.Scheduled < end).ToList();
        var delays = inWindow.Select(f => (f.Fired - f.Scheduled).TotalMilliseconds).ToList();

        // A fire still queued when the run stopped is at least (stop − scheduled) late: counting it so keeps a store that
        // fell behind from looking punctual on the few fires it managed (its percentiles are then lower bounds, "≥").
        var came = inWindow.GroupBy(f => f.Scheduled).ToDictionary(g => g.Key, g => g.Count());
        var missing = 0;
        for (var second = start; second < end; second = second.AddSeconds(1))
        {
            var owed = Math.Max(0, dueAt(second) - came.GetValueOrDefault(second));
            missing += owed;
            delays.AddRange(Enumerable.Repeat((stopped - second).TotalMilliseconds, owed));
        }

        delays.Sort();
        var figures = new Punctuality(
            inWindow.Count, inWindow.Count + missing, Percentile(delays, 0.50), Percentile(delays, 0.99),
            delays.Count == 0 ? 0 : delays[^1], MisfireCounter.Count, delays.Count(d => d > 1000), missing > 0);
        var bound = missing > 0 ? "≥" : " ";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{store,-24} {load,-20} {figures.Fires,7} {figures.Expected,9} {bound}{figures.P50,7:F1} {bound}{figures.P99,7:F1} {bound}{figures.Max,7:F1} {figures.Misfires,9} {figures.Late,6}"));
        if (missing > 0)
        {
            var reached = RecordingJob.Fires.IsEmpty ? (DateTimeOffset?)null : RecordingJob.Fires.Max(f => f.Scheduled);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{"",-24}   behind: {missing:N0} fires of the window had not come when the run stopped; the latest fire handled was scheduled {(reached is { } r ? $"{(end - r).TotalSeconds:F1} s before the window's end" : "– (none came)")}"));
        }

        return figures;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

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
