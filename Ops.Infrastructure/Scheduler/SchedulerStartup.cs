using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler.Execution;
using Quartz;
using JobRunStatus = Ops.Domain.Scheduler.JobRunStatus;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// At start-up, after Quartz: the processes of runs this node left <c>running</c> (a crash or a stop mid-run) are
/// ended if they outlived it, the runs are marked failed as interrupted, recoverable jobs among them run again,
/// and every trigger is synced with the table.
/// </summary>
internal sealed class SchedulerStartup(IServiceScopeFactory scopes, RunningJobs running, SchedulerOptions options, TimeProvider clock, ILogger<SchedulerStartup> logger) : IHostedService
{
    public static readonly string Interrupted = RunTexts.Interrupted;
    public static readonly string InterruptedUnseen = RunTexts.InterruptedUnseen;
    public static readonly string InterruptedAndEnded = RunTexts.InterruptedAndEnded;

    /// <summary>The run was marked by this start-up as interrupted by the last stop (whatever became of its processes).</summary>
    public static bool IsInterruption(string? error) => error == Interrupted || error == InterruptedUnseen || error == InterruptedAndEnded;

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

        var ended = 0;
        foreach (var log in stale)
        {
            // Before anything is marked or rerun: a script the dead portal started may still be running.
            var fate = RunProcess.Parse(log.Process) is { } process && OperatingSystem.IsLinux()
                ? await OrphanProcesses.EndAsync(process, cancellationToken)
                : (OrphanFate?)null;
            ended += fate == OrphanFate.Ended ? 1 : 0;
            var why = fate switch
            {
                OrphanFate.Ended => InterruptedAndEnded,
                OrphanFate.Gone => InterruptedUnseen,
                _ => Interrupted,
            };
            log.Finish(JobRunStatus.Failed, clock.GetUtcNow(), log.Result, why);
        }

        if (ended > 0)
        {
            logger.LogWarning("Ended the processes of {Count} runs that outlived the previous portal process", ended);
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
