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
}
