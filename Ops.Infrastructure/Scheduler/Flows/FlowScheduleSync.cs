using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Quartz;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>Keeps a cron trigger per enabled flow with a cron, like <see cref="JobScheduleSync"/> does for jobs.</summary>
internal sealed class FlowScheduleSync(IDbContextFactory<OpsDbContext> factory, ISchedulerFactory schedulers)
{
    public const string Group = "ops-flows";
    public const string FlowIdKey = "flowId";

    public static JobKey KeyOf(long flowId) => new("flow-" + flowId.ToString(CultureInfo.InvariantCulture), Group);

    public async Task SyncAsync(long flowId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var flow = await db.JobFlows.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        await ApplyAsync(await schedulers.GetScheduler(cancellationToken), flow?.IsDeleted == false ? flow : null, flowId, cancellationToken);
    }

    public async Task SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        foreach (var flow in await db.JobFlows.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken))
        {
            await ApplyAsync(scheduler, flow.IsDeleted ? null : flow, flow.Id, cancellationToken);
        }
    }

    private static async Task ApplyAsync(IScheduler scheduler, Domain.Scheduler.Flows.JobFlow? flow, long flowId, CancellationToken cancellationToken)
    {
        var key = KeyOf(flowId);
        var zone = flow is null ? null : CronRules.FindTimeZone(flow.TimeZone);
        if (flow is null || !flow.Enabled || string.IsNullOrWhiteSpace(flow.Cron) || zone is null || CronRules.Check(flow.Cron) is not null)
        {
            await scheduler.DeleteJob(key, cancellationToken);
            return;
        }

        var detail = JobBuilder.Create<FlowQuartzJob>().WithIdentity(key).StoreDurably()
            .UsingJobData(FlowIdKey, flowId.ToString(CultureInfo.InvariantCulture)).Build();
        await scheduler.AddJob(detail, new AddJobOptions { Replace = true }, cancellationToken);
        var trigger = TriggerBuilder.Create().WithIdentity(key.Name + "-cron", Group).ForJob(detail)
            .WithCronSchedule(flow.Cron.Trim(), c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        if (!await JobScheduleSync.SameCronAsync(scheduler, (ICronTrigger)trigger, cancellationToken))
        {
            await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
        }
    }
}

/// <summary>A flow's cron fired: start an instance.</summary>
internal sealed class FlowQuartzJob(FlowEngine engine) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var flowId = long.Parse(context.MergedJobDataMap.GetString(FlowScheduleSync.FlowIdKey)!, CultureInfo.InvariantCulture);
        await engine.StartAsync(flowId, JobTriggerType.Cron, null, null, cancellationToken);
    }
}
