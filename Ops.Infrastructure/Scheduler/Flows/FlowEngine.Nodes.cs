using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>The engine's nodes: a node's attempts through <see cref="JobRunner"/>, and its outcome queued for the next step.</summary>
internal sealed partial class FlowEngine
{
    /// <summary>A node's job: its attempts, then the node's outcome, then a wake-up for the next step.</summary>
    private async Task RunNodeAsync(FlowRunContext context, long nodeRunId, string key, long logId, FlowNodeInput spec, string? parameters)
    {
        var handle = new NodeHandle(logId);
        _handles[(context.InstanceId, key)] = handle;
        try
        {
            var attempt = 1;
            long? first = null;
            while (true)
            {
                await using var scope = scopes.CreateSystemScope();
                var runner = scope.ServiceProvider.GetRequiredService<JobRunner>();
                var request = new RunRequest(spec.JobId, JobTriggerType.Flow, clock.GetUtcNow(), parameters, first, attempt, null, logId)
                {
                    Flow = context, TimeoutSeconds = spec.TimeoutSeconds, RetryCount = spec.RetryCount,
                };
                var log = await runner.RunAsync(request, lifetime.ApplicationStopping);
                if (lifetime.ApplicationStopping.IsCancellationRequested)
                {
                    return;
                }

                // The job's retry policy is read only when it is needed: a successful node costs no query.
                var policy = log?.Status is JobRunStatus.Failed or JobRunStatus.Timeout ? await RetryPolicyAsync(scope.ServiceProvider, spec) : ((int Count, int IntervalSeconds)?)null;
                if (policy is { } retry && attempt <= retry.Count && !await CancelledAsync(scope.ServiceProvider, context.InstanceId))
                {
                    first ??= logId;
                    attempt++;

                    // Cancel or a failing flow stops the node while it waits, too: no new attempt starts.
                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(handle.Stop.Token, lifetime.ApplicationStopping);
                    await Task.Delay(TimeSpan.FromSeconds(retry.IntervalSeconds), clock, wait.Token)
                        .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    lifetime.ApplicationStopping.ThrowIfCancellationRequested();
                    if (handle.Stop.IsCancellationRequested || await CancelledAsync(scope.ServiceProvider, context.InstanceId))
                    {
                        Complete(context, key, null, RunTexts.StoppedWhileWaitingToRetry, FlowNodeStatus.Cancelled);
                        return;
                    }

                    logId = await NewAttemptAsync(scope.ServiceProvider, context, nodeRunId, spec.JobId, parameters, first, attempt);
                    handle.LogId = logId;
                    continue;
                }

                Complete(context, key, log);
                return;
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // The portal is stopping: the next start resumes the instance.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Flow instance {InstanceId}: node {Node} could not be run", context.InstanceId, key);
            Complete(context, key, null, ex.Message);
        }
        finally
        {
            _handles.TryRemove(new KeyValuePair<(long, string), NodeHandle>((context.InstanceId, key), handle));
            handle.Stop.Dispose();
            Wake(context.InstanceId);
        }
    }

    /// <summary>A running node: its stop switch (for the wait between attempts) and its current attempt's log.</summary>
    private sealed class NodeHandle(long logId)
    {
        public CancellationTokenSource Stop { get; } = new();

        public long LogId { get; set; } = logId;
    }

    /// <summary>A node ended: queued for the instance's next step (its run log already holds the outcome durably).</summary>
    private void Complete(FlowRunContext context, string key, JobLog? log, string? error = null, FlowNodeStatus? forced = null)
    {
        var status = forced ?? NodeStatusOf(log?.Status);
        var reason = error ?? log?.Error ?? (log?.Status == JobRunStatus.Skipped ? "skipped: an earlier run of the job was still going" : null);
        _completions.GetOrAdd(context.InstanceId, _ => new()).Enqueue(new Completion(key, status, log?.Result, reason));
    }

    /// <summary>How a node's last run log maps to the node's state.</summary>
    internal static FlowNodeStatus NodeStatusOf(JobRunStatus? status) => status switch
    {
        JobRunStatus.Success => FlowNodeStatus.Success,
        JobRunStatus.Cancelled => FlowNodeStatus.Cancelled,
        _ => FlowNodeStatus.Failed,
    };

    private List<Completion> Drain(long instanceId)
    {
        var list = new List<Completion>();
        if (_completions.TryGetValue(instanceId, out var queue))
        {
            while (queue.TryDequeue(out var completion))
            {
                list.Add(completion);
            }
        }

        return list;
    }

    private sealed record Completion(string Key, FlowNodeStatus Status, string? Result, string? Error);

    private async Task StopAsync(OpsDbContext db, List<long> logIds)
    {
        if (logIds.Count == 0)
        {
            return;
        }

        foreach (var log in await db.JobLogs.Where(l => logIds.Contains(l.Id) && (l.Status == JobRunStatus.Running || l.Status == JobRunStatus.Pending)).ToListAsync(CancellationToken.None))
        {
            log.RequestCancel();
        }

        logIds.ForEach(id => running.TryStop(id));
    }

    private JobLog NewLog(long flowId, long instanceId, string traceId, long? triggeredBy, long jobId, string? parameters, long? first, int attempt)
    {
        var log = new JobLog(jobId, JobTriggerType.Flow, traceId, options.Node, clock.GetUtcNow(), parameters, first, attempt, triggeredBy);
        log.PartOf(flowId, instanceId);
        return log;
    }

    private async Task<long> NewAttemptAsync(IServiceProvider services, FlowRunContext context, long nodeRunId, long jobId, string? parameters, long? first, int attempt)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(CancellationToken.None);
        var triggeredBy = await db.FlowInstances.AsNoTracking().Where(i => i.Id == context.InstanceId).Select(i => i.TriggeredBy).SingleAsync(CancellationToken.None);
        var log = NewLog(context.FlowId, context.InstanceId, context.TraceId, triggeredBy, jobId, parameters, first, attempt);
        var node = await db.FlowNodeRuns.SingleAsync(n => n.Id == nodeRunId, CancellationToken.None);
        node.Started(node.StartedAt ?? clock.GetUtcNow(), log);
        await db.SaveChangesAsync(CancellationToken.None);
        return log.Id;
    }

    /// <summary>How often a failed node is tried again (the node's override or the job's count) and how long apart, in one query.</summary>
    private static async Task<(int Count, int IntervalSeconds)> RetryPolicyAsync(IServiceProvider services, FlowNodeInput spec)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var job = await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == spec.JobId)
            .Select(j => new { j.RetryCount, j.RetryIntervalSeconds }).SingleOrDefaultAsync();
        return (spec.RetryCount ?? job?.RetryCount ?? 0, job?.RetryIntervalSeconds ?? 0);
    }

    private static async Task<bool> CancelledAsync(IServiceProvider services, long instanceId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.FlowInstances.AnyAsync(i => i.Id == instanceId && i.CancelRequested);
    }

    private static string Summary(IEnumerable<FlowNodeStatus> states) =>
        string.Join(", ", states.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));
}
