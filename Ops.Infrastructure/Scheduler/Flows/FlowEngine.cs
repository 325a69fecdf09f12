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

/// <summary>
/// Runs flow instances. All state is in the database (<see cref="FlowInstance"/>, <see cref="FlowNodeRun"/>,
/// <see cref="JobLog"/>); one driver per instance applies <see cref="FlowScheduler"/>'s decisions step by step,
/// woken whenever a node ends or a person acts. Nodes run through <see cref="JobRunner"/>, in parallel up to the
/// flow's limit, each with the instance's trace id; the engine retries nodes itself.
/// </summary>
public sealed class FlowEngine(IServiceScopeFactory scopes, RunningJobs running, SchedulerOptions options, IEventBus events,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<FlowEngine> logger)
{
    private readonly ConcurrentDictionary<long, Driver> _drivers = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _locks = new();

    private CancellationToken Stopping => lifetime.ApplicationStopping;

    private ILogger Logger => logger;

    /// <summary>Creates an instance of the flow (copying the successful nodes of <paramref name="rerunOf"/>) and starts driving it.</summary>
    public async Task<long> StartAsync(long flowId, JobTriggerType trigger, long? triggeredBy, long? rerunOf, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
        var earlier = rerunOf is { } id ? await db.FlowInstances.AsNoTracking().SingleAsync(i => i.Id == id, cancellationToken) : null;
        var definition = earlier?.Definition ?? await FlowDefinitions.SnapshotAsync(db, flowId, cancellationToken);
        var instance = new FlowInstance(flowId, definition, trigger, triggeredBy, Guid.NewGuid().ToString("N"), options.Node, rerunOf, clock.GetUtcNow());
        db.FlowInstances.Add(instance);
        await db.SaveChangesAsync(cancellationToken);

        var kept = earlier is null ? [] : await db.FlowNodeRuns.AsNoTracking().Where(n => n.InstanceId == earlier.Id && n.Status == FlowNodeStatus.Success).ToListAsync(cancellationToken);
        foreach (var node in FlowSnapshot.FromJson(definition).Nodes)
        {
            var run = new FlowNodeRun(instance.Id, node.Key, node.JobId);
            if (kept.FirstOrDefault(k => k.Key == node.Key) is { } success)
            {
                run.Keep(success);
            }

            db.FlowNodeRuns.Add(run);
        }

        instance.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new FlowInstanceChanged(flowId, instance.Id, instance.Status, null, null));
        Wake(instance.Id);
        return instance.Id;
    }

    /// <summary>Something changed for the instance: its driver takes the next step (and is started if it was not running).</summary>
    public void Wake(long instanceId)
    {
        while (true)
        {
            var driver = _drivers.GetOrAdd(instanceId, id => new Driver(this, id));
            if (driver.Wake())
            {
                return;
            }

            // That driver had just finished: replace it, the instance may have been reopened.
            _drivers.TryRemove(new KeyValuePair<long, Driver>(instanceId, driver));
        }
    }

    /// <summary>Runs <paramref name="change"/> while no step of the instance is being taken.</summary>
    public async Task<T> ExclusiveAsync<T>(long instanceId, Func<Task<T>> change)
    {
        var gate = _locks.GetOrAdd(instanceId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(lifetime.ApplicationStopping);
        try
        {
            return await change();
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>One step: apply the scheduler's decision; true when the instance has finished.</summary>
    private async Task<bool> StepAsync(long instanceId)
    {
        await using var scope = scopes.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(lifetime.ApplicationStopping);
        var instance = await db.FlowInstances.SingleOrDefaultAsync(i => i.Id == instanceId, lifetime.ApplicationStopping);
        if (instance is null || instance.IsFinished)
        {
            return true;
        }

        var snapshot = FlowSnapshot.FromJson(instance.Definition);
        var nodes = await db.FlowNodeRuns.Where(n => n.InstanceId == instanceId).ToListAsync(lifetime.ApplicationStopping);
        var decision = FlowScheduler.Next(snapshot.Graph(), nodes.ToDictionary(n => n.Key, n => n.Status, StringComparer.Ordinal), instance.CancelRequested, snapshot.MaxParallel);
        var changed = new List<FlowNodeRun>();
        foreach (var node in nodes.Where(n => decision.Block.Contains(n.Key)))
        {
            node.Block();
            changed.Add(node);
        }

        foreach (var node in nodes.Where(n => decision.Cancel.Contains(n.Key)))
        {
            node.Cancel();
            changed.Add(node);
        }

        await StopAsync(db, nodes.Where(n => decision.Stop.Contains(n.Key)));
        var results = nodes.ToDictionary(n => n.Key, n => n.Result, StringComparer.Ordinal);
        var starts = new List<(FlowNodeRun Node, JobLog Log, FlowNodeInput Spec, string? Parameters)>();
        foreach (var node in nodes.Where(n => decision.Start.Contains(n.Key)))
        {
            var spec = snapshot.Node(node.Key);
            var parameters = FlowParameters.Resolve(spec.Parameters, results);
            var log = NewLog(instance, node.JobId, parameters, null, 1);
            db.JobLogs.Add(log);
            node.Started(clock.GetUtcNow());
            starts.Add((node, log, spec, parameters));
            changed.Add(node);
        }

        if (decision.Finished is { } status)
        {
            instance.Finish(status, clock.GetUtcNow(), Summary(nodes));
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var (node, log, spec, parameters) in starts)
        {
            node.Ran(log.Id);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        foreach (var node in changed)
        {
            await events.PublishAsync(new FlowInstanceChanged(instance.FlowId, instanceId, instance.Status, node.Key, node.Status));
        }

        if (decision.Finished is not null)
        {
            await events.PublishAsync(new FlowInstanceChanged(instance.FlowId, instanceId, instance.Status, null, null));
            return true;
        }

        foreach (var start in starts)
        {
            var context = new FlowRunContext(instance.FlowId, instanceId, instance.TraceId);
            _ = Task.Run(() => RunNodeAsync(context, start.Node.Id, start.Node.Key, start.Log.Id, start.Spec, start.Parameters));
        }

        return false;
    }

    /// <summary>A node's job: its attempts, then the node's outcome, then a wake-up for the next step.</summary>
    private async Task RunNodeAsync(FlowRunContext context, long nodeRunId, string key, long logId, FlowNodeInput spec, string? parameters)
    {
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

                var retries = spec.RetryCount ?? await RetryCountAsync(scope.ServiceProvider, spec.JobId);
                if (log?.Status is JobRunStatus.Failed or JobRunStatus.Timeout && attempt <= retries && !await CancelledAsync(scope.ServiceProvider, context.InstanceId))
                {
                    first ??= logId;
                    attempt++;
                    await Task.Delay(TimeSpan.FromSeconds(await RetryIntervalAsync(scope.ServiceProvider, spec.JobId)), clock, lifetime.ApplicationStopping);
                    logId = await NewAttemptAsync(scope.ServiceProvider, context, nodeRunId, spec.JobId, parameters, first, attempt);
                    continue;
                }

                await FinishNodeAsync(scope.ServiceProvider, context, nodeRunId, key, log);
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
            await using var scope = scopes.CreateSystemScope();
            await FinishNodeAsync(scope.ServiceProvider, context, nodeRunId, key, null, ex.Message);
        }
        finally
        {
            Wake(context.InstanceId);
        }
    }

    private async Task FinishNodeAsync(IServiceProvider services, FlowRunContext context, long nodeRunId, string key, JobLog? log, string? error = null)
    {
        var status = log?.Status switch
        {
            JobRunStatus.Success => FlowNodeStatus.Success,
            JobRunStatus.Cancelled => FlowNodeStatus.Cancelled,
            _ => FlowNodeStatus.Failed,
        };
        await ExclusiveAsync(context.InstanceId, async () =>
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(CancellationToken.None);
            var node = await db.FlowNodeRuns.SingleAsync(n => n.Id == nodeRunId, CancellationToken.None);
            var reason = error ?? log?.Error ?? (log?.Status == JobRunStatus.Skipped ? "skipped: an earlier run of the job was still going" : null);
            node.Finished(status, clock.GetUtcNow(), log?.Result, reason);
            await db.SaveChangesAsync(CancellationToken.None);
            return 0;
        });
        await events.PublishAsync(new FlowInstanceChanged(context.FlowId, context.InstanceId, FlowStatus.Running, key, status));
    }

    private async Task StopAsync(OpsDbContext db, IEnumerable<FlowNodeRun> nodes)
    {
        var logIds = nodes.Where(n => n.JobLogId is not null).Select(n => n.JobLogId!.Value).ToList();
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

    private JobLog NewLog(FlowInstance instance, long jobId, string? parameters, long? first, int attempt)
    {
        var log = new JobLog(jobId, JobTriggerType.Flow, instance.TraceId, options.Node, clock.GetUtcNow(), parameters, first, attempt, instance.TriggeredBy);
        log.PartOf(instance.FlowId, instance.Id);
        return log;
    }

    private async Task<long> NewAttemptAsync(IServiceProvider services, FlowRunContext context, long nodeRunId, long jobId, string? parameters, long? first, int attempt)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(CancellationToken.None);
        var instance = await db.FlowInstances.AsNoTracking().SingleAsync(i => i.Id == context.InstanceId, CancellationToken.None);
        var log = NewLog(instance, jobId, parameters, first, attempt);
        db.JobLogs.Add(log);
        await db.SaveChangesAsync(CancellationToken.None);
        var node = await db.FlowNodeRuns.SingleAsync(n => n.Id == nodeRunId, CancellationToken.None);
        node.Ran(log.Id);
        await db.SaveChangesAsync(CancellationToken.None);
        return log.Id;
    }

    private static async Task<int> RetryCountAsync(IServiceProvider services, long jobId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == jobId).Select(j => j.RetryCount).SingleOrDefaultAsync();
    }

    private static async Task<int> RetryIntervalAsync(IServiceProvider services, long jobId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Jobs.IgnoreQueryFilters().Where(j => j.Id == jobId).Select(j => j.RetryIntervalSeconds).SingleOrDefaultAsync();
    }

    private static async Task<bool> CancelledAsync(IServiceProvider services, long instanceId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.FlowInstances.AnyAsync(i => i.Id == instanceId && i.CancelRequested);
    }

    private static string Summary(IEnumerable<FlowNodeRun> nodes) =>
        string.Join(", ", nodes.GroupBy(n => n.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

    /// <summary>Takes steps for one instance until it finishes; a wake during a step triggers another step.</summary>
    private sealed class Driver
    {
        private readonly FlowEngine _engine;
        private readonly long _instanceId;
        private readonly SemaphoreSlim _signal = new(0, 1);
        private volatile bool _done;

        public Driver(FlowEngine engine, long instanceId)
        {
            (_engine, _instanceId) = (engine, instanceId);
            _ = Task.Run(LoopAsync);
        }

        /// <summary>False when the driver has stopped and cannot take the wake-up.</summary>
        public bool Wake()
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // A step is already due.
            }

            return !_done;
        }

        private async Task LoopAsync()
        {
            var stopping = _engine.Stopping;
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    await _signal.WaitAsync(stopping);
                    if (await _engine.ExclusiveAsync(_instanceId, () => _engine.StepAsync(_instanceId)))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _engine.Logger.LogError(ex, "Flow instance {InstanceId}: the engine stopped driving it", _instanceId);
            }

            _done = true;
            _engine._drivers.TryRemove(new KeyValuePair<long, Driver>(_instanceId, this));
            if (_signal.CurrentCount > 0 && !stopping.IsCancellationRequested)
            {
                // Woken between the last step and stopping: hand the wake-up to a new driver.
                _engine.Wake(_instanceId);
            }
        }
    }
}
