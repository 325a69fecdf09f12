using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>The portal's own housekeeping on Quartz: a durable job with one repeating trigger, replaced at each start.</summary>
internal static class RecurringJobs
{
    public static async Task ScheduleAsync<TJob>(ISchedulerFactory schedulers, JobKey key, TimeSpan interval, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
        await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name, key.Group).ForJob(job)
            .StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>Schedules <typeparamref name="TJob"/> under <paramref name="key"/> every <paramref name="interval"/> (read from the options at start) when the portal starts.</summary>
    public static IServiceCollection AddRecurringJob<TJob>(this IServiceCollection services, JobKey key, Func<IServiceProvider, TimeSpan> interval)
        where TJob : IJob =>
        services.AddHostedService(sp => new Startup<TJob>(sp.GetRequiredService<ISchedulerFactory>(), key, interval(sp)));

    private sealed class Startup<TJob>(ISchedulerFactory schedulers, JobKey key, TimeSpan interval) : IHostedService
        where TJob : IJob
    {
        public Task StartAsync(CancellationToken cancellationToken) => ScheduleAsync<TJob>(schedulers, key, interval, cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
