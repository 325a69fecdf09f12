using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;
using Quartz;

namespace Ops.Infrastructure.Approvals;

/// <summary>Section <c>Approvals:Timers</c>: how often due tasks are looked for, and how often a due task is reminded again.</summary>
public sealed class ApprovalTimerOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RemindEvery { get; set; } = TimeSpan.FromHours(24);

    public int BatchSize { get; set; } = 200;
}

/// <summary>
/// Applies due times: each pending task past its due time gets the node's timeout action (remind, approve
/// or reject as the system) through the same store as a user's action, so a user acting at that moment
/// and the timer never both count. Remind repeats after <see cref="ApprovalTimerOptions.RemindEvery"/>.
/// </summary>
internal sealed class ApprovalTimers(IDbContextFactory<OpsDbContext> factory, ApprovalStore store, ApprovalTimerOptions options, TimeProvider clock, ILogger<ApprovalTimers> logger)
{
    /// <summary>Handles the tasks due now; returns how many actions counted.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remindBefore = now - options.RemindEvery;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var due = await db.ApprovalTasks.AsNoTracking()
            .Where(t => t.Status == ApprovalTaskStatus.Pending && t.DueAt <= now && (t.RemindedAt == null || t.RemindedAt <= remindBefore))
            .OrderBy(t => t.DueAt).Take(options.BatchSize).Select(t => new { t.InstanceId, t.Number }).ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var task in due)
        {
            var result = await store.ActAsync(task.InstanceId, null, (i, at, context) => i.HandleTimeout(task.Number, at, context), null, cancellationToken);
            if (result.IsSuccess)
            {
                handled++;
            }
            else
            {
                logger.LogInformation("Due task {Task} of approval {InstanceId} not handled: {Error}", task.Number, task.InstanceId, result.Error);
            }
        }

        return handled;
    }
}

/// <summary>The scheduler's hand on the timers: a Quartz job fired every <see cref="ApprovalTimerOptions.Interval"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class ApprovalTimerJob(ApprovalTimers timers) : IJob
{
    public static readonly JobKey Key = new("approval-timers", "ops-approvals");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await timers.RunDueAsync(cancellationToken);
}

/// <summary>Registers (or updates) the timer job and its repeating trigger when the portal starts.</summary>
internal sealed class ApprovalTimerStartup(ISchedulerFactory schedulers, ApprovalTimerOptions options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<ApprovalTimerJob>().WithIdentity(ApprovalTimerJob.Key).StoreDurably().Build();
        await scheduler.AddJob(job, new AddJobOptions { Replace = true }, cancellationToken);
        var trigger = TriggerBuilder.Create().WithIdentity("approval-timers", ApprovalTimerJob.Key.Group).ForJob(job)
            .StartNow().WithSimpleSchedule(s => s.WithInterval(options.Interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
