using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>
/// At start-up (after the job recovery has marked interrupted runs): every instance this node was
/// driving is resumed. A node that was running at the stop runs again if its job is recoverable, and
/// otherwise fails as interrupted — then its failure policy applies. Nodes not yet started run as usual.
/// Flow cron triggers are synced.
/// </summary>
internal sealed class FlowStartup(IServiceScopeFactory scopes, FlowEngine engine, SchedulerOptions options, TimeProvider clock, ILogger<FlowStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<FlowScheduleSync>().SyncAllAsync(cancellationToken);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        var instances = await db.FlowInstances.Where(i => (i.Status == FlowStatus.Running || i.Status == FlowStatus.Pending) && (!options.Clustered || i.Node == options.Node))
            .Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var id in instances)
        {
            var running = await db.FlowNodeRuns.Where(n => n.InstanceId == id && n.Status == FlowNodeStatus.Running).ToListAsync(cancellationToken);
            var jobIds = running.Select(n => n.JobId).ToList();
            var recoverable = await db.Jobs.IgnoreQueryFilters().Where(j => jobIds.Contains(j.Id) && j.Recoverable).Select(j => j.Id).ToListAsync(cancellationToken);
            var logIds = running.Where(n => n.JobLogId is not null).Select(n => n.JobLogId!.Value).ToList();
            var logs = await db.JobLogs.AsNoTracking().Where(l => logIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
            foreach (var node in running)
            {
                var log = node.JobLogId is { } logId ? logs.GetValueOrDefault(logId) : null;
                if (log is { IsFinished: true } && !SchedulerStartup.IsInterruption(log.Error))
                {
                    // The run ended before the stop, but the engine had not recorded it yet.
                    node.Finished(FlowEngine.NodeStatusOf(log.Status), clock.GetUtcNow(), log.Result, log.Error);
                }
                else if (recoverable.Contains(node.JobId))
                {
                    node.Retry();
                }
                else
                {
                    node.Finished(FlowNodeStatus.Failed, clock.GetUtcNow(), null, SchedulerStartup.Interrupted);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            engine.Invalidate(id);
            engine.Wake(id);
        }

        if (instances.Count > 0)
        {
            logger.LogWarning("Resumed {Count} flow instances interrupted by the last stop", instances.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
