using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Quartz;
using JobRunStatus = Ops.Domain.Scheduler.JobRunStatus;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// At start-up, after Quartz: runs this node left <c>running</c> (a crash or a stop mid-run) are marked
/// failed as interrupted, recoverable jobs among them run again, and every trigger is synced with the table.
/// </summary>
internal sealed class SchedulerStartup(IServiceScopeFactory scopes, RunningJobs running, SchedulerOptions options, TimeProvider clock, ILogger<SchedulerStartup> logger) : IHostedService
{
    public static readonly string Interrupted = RunTexts.Interrupted;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<JobScheduleSync>().SyncAllAsync(cancellationToken);
        await RecoverAsync(services, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RecoverAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        // Unclustered, this process is the only scheduler: every run still marked running is its own,
        // whatever host name it had before (containers get a new one on each deploy). Clustered, each
        // node recovers the runs it owned, so nodes need stable names (Scheduler:NodeName).
        var stale = await db.JobLogs.Where(l => l.Status == JobRunStatus.Running && (!options.Clustered || l.Node == options.Node)).ToListAsync(cancellationToken);
        stale.RemoveAll(l => running.IsRunningHere(l.Id));
        if (stale.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var log in stale)
        {
            log.Finish(JobRunStatus.Failed, now, log.Result, Interrupted);
        }

        await db.SaveChangesAsync(cancellationToken);
        var jobIds = stale.Select(l => l.JobId).Distinct().ToList();
        var recoverable = await db.Jobs.AsNoTracking().Where(j => jobIds.Contains(j.Id) && j.Recoverable && j.Enabled).Select(j => j.Id).ToListAsync(cancellationToken);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        // Nodes of flows are the flow engine's to resume (FlowStartup), not standalone reruns.
        foreach (var log in stale.Where(l => recoverable.Contains(l.JobId) && l.FlowInstanceId is null))
        {
            await scheduler.ScheduleTrigger(JobRetries.Now(log.JobId, JobTriggerType.Retry, null, log.InputParams, null, log.FirstAttemptId ?? log.Id, log.Attempt + 1), TriggerConflict.Throw, cancellationToken);
        }

        logger.LogWarning("Marked {Count} interrupted runs as failed; {Recovered} recoverable jobs run again", stale.Count, recoverable.Count);
    }
}
