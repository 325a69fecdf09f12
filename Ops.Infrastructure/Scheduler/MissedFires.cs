using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// Before Quartz starts: the cron fires missed while the portal was down follow each trigger's misfire policy,
/// whatever the downtime. Quartz alone counts a fire as misfired only when it is later than its threshold (60 s), so
/// after a shorter downtime it replayed every missed fire at once. Here "fire once now" fires once for all of them, and
/// "do nothing" fires none; either way the trigger then runs on from now. While the portal runs, Quartz's threshold
/// still applies, so a busy second under load is fired late rather than skipped.
/// Unclustered only: in a cluster the other nodes kept firing, and a node that restarts missed nothing.
/// </summary>
internal sealed class MissedFires(ISchedulerFactory schedulers, SchedulerOptions options, TimeProvider clock, ILogger<MissedFires> logger) : IHostedService
{
    /// <summary>In a one-off fire's data: when the last missed fire was due (the run's scheduled time).</summary>
    public const string MissedAtKey = "missedAt";

    /// <summary>How many missed fire times are counted at most for the log line.</summary>
    private const int CountLimit = 10_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Clustered)
        {
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken))
        {
            if (await scheduler.GetTrigger(key, cancellationToken) is ICronTrigger { } trigger && trigger.NextFireTimeUtc is { } next && next < now)
            {
                await ApplyPolicyAsync(scheduler, trigger, next, now, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ApplyPolicyAsync(IScheduler scheduler, ICronTrigger trigger, DateTimeOffset firstMissed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (lastMissed, missed) = LastBefore(trigger, firstMissed, now);
        // The same trigger (schedule, zone, policy, data), going on from now.
        await scheduler.RescheduleJob(trigger.Key, trigger.GetTriggerBuilder().StartAt(now).Build(), cancellationToken);
        var fireOnce = trigger.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed;
        if (fireOnce)
        {
            var once = TriggerBuilder.Create().WithIdentity(trigger.Key.Name + "-missed", trigger.Key.Group).ForJob(trigger.JobKey)
                .UsingJobData(trigger.JobDataMap)
                .UsingJobData(MissedAtKey, lastMissed.ToString("O", CultureInfo.InvariantCulture))
                .UsingJobData(JobScheduleSync.TriggerKey, nameof(Domain.Scheduler.JobTriggerType.Missed))
                .StartAt(now)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            await scheduler.ScheduleTrigger(once, TriggerConflict.Replace, cancellationToken);
        }

        logger.LogInformation("{Trigger} missed {Count} fires while the portal was down (last due {Last:O}); {Policy}",
            trigger.Key, missed >= CountLimit ? $"{CountLimit}+" : missed.ToString(CultureInfo.InvariantCulture), lastMissed, fireOnce ? "fired once now" : "none fired");
    }

    private static (DateTimeOffset Last, int Count) LastBefore(ICronTrigger trigger, DateTimeOffset first, DateTimeOffset now)
    {
        var (last, count) = (first, 1);
        while (count < CountLimit && trigger.GetFireTimeAfter(last) is { } next && next < now)
        {
            (last, count) = (next, count + 1);
        }

        return (last, count);
    }
}
