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
    private readonly ConcurrentDictionary<long, (FlowSnapshot Snapshot, FlowGraph Graph)> _plans = new();
    private readonly ConcurrentDictionary<long, ConcurrentQueue<Completion>> _completions = new();
    private readonly ConcurrentDictionary<long, Dictionary<string, (FlowNodeStatus Status, long? LogId)>> _states = new();

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

    /// <summary>Node states of the instance were changed outside the engine (force success, skip, restart): read them again.</summary>
    public void Invalidate(long instanceId) => _states.TryRemove(instanceId, out _);

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

    /// <summary>
    /// One step: apply the scheduler's decision; true when the instance has finished. Reads only node states
    /// (the drawing is parsed once per instance), and loads for change only the nodes the decision touches.
    /// </summary>
    private async Task<bool> StepAsync(long instanceId)
    {
        await using var scope = scopes.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(Stopping);
        var instance = await db.FlowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new { i.FlowId, i.Status, i.CancelRequested, i.TraceId, i.TriggeredBy }).SingleOrDefaultAsync(Stopping);
        if (instance is null || instance.Status is FlowStatus.Success or FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled)
        {
            Forget(instanceId);
            return true;
        }

        var plan = await PlanAsync(db, instanceId);
        var known = await StatesAsync(db, instanceId);

        // Nodes that ended since the last step: applied here, in the same save as what they unblock.
        var completed = Drain(instanceId);
        var current = known.ToDictionary(n => n.Key, n => n.Value.Status, StringComparer.Ordinal);
        completed.ForEach(c => current[c.Key] = c.Status);
        var decision = FlowScheduler.Next(plan.Graph, current, instance.CancelRequested, plan.Snapshot.MaxParallel);
        var touched = decision.Block.Concat(decision.Cancel).Concat(decision.Start).Concat(completed.Select(c => c.Key)).ToHashSet(StringComparer.Ordinal);
        var nodes = touched.Count == 0 ? [] : await db.FlowNodeRuns.Where(n => n.InstanceId == instanceId && touched.Contains(n.Key)).ToListAsync(Stopping);
        foreach (var done in completed)
        {
            nodes.First(n => n.Key == done.Key).Finished(done.Status, clock.GetUtcNow(), done.Result, done.Error);
        }

        foreach (var node in nodes)
        {
            if (decision.Block.Contains(node.Key))
            {
                node.Block();
            }
            else if (decision.Cancel.Contains(node.Key))
            {
                node.Cancel();
            }
        }

        var stop = decision.Stop.ToHashSet(StringComparer.Ordinal);
        await StopAsync(db, known.Where(n => stop.Contains(n.Key) && n.Value.LogId is not null).Select(n => n.Value.LogId!.Value).ToList());
        var starts = new List<(FlowNodeRun Node, JobLog Log, FlowNodeInput Spec, string? Parameters)>();
        var start = decision.Start.ToHashSet(StringComparer.Ordinal);
        foreach (var node in nodes.Where(n => start.Contains(n.Key)))
        {
            var spec = plan.Snapshot.Node(node.Key);
            var parameters = FlowParameters.Resolve(spec.Parameters, await ResultsAsync(db, instanceId, spec.Parameters, completed));
            var log = NewLog(instance.FlowId, instanceId, instance.TraceId, instance.TriggeredBy, node.JobId, parameters, null, 1);
            node.Started(clock.GetUtcNow(), log);
            starts.Add((node, log, spec, parameters));
        }

        var status = instance.Status;
        if (decision.Finished is { } finished)
        {
            var tracked = await db.FlowInstances.SingleAsync(i => i.Id == instanceId, Stopping);
            tracked.Finish(finished, clock.GetUtcNow(), Summary(known.Select(n => touched.Contains(n.Key) ? nodes.First(t => t.Key == n.Key).Status : n.Value.Status)));
            status = finished;
        }

        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch
        {
            // Keep what ended for the next step rather than lose it.
            completed.ForEach(c => _completions.GetOrAdd(instanceId, _ => new()).Enqueue(c));
            Invalidate(instanceId);
            throw;
        }

        foreach (var node in nodes)
        {
            known[node.Key] = (node.Status, node.JobLogId);
        }

        foreach (var node in nodes)
        {
            await events.PublishAsync(new FlowInstanceChanged(instance.FlowId, instanceId, status, node.Key, node.Status));
        }

        if (decision.Finished is not null)
        {
            Forget(instanceId);
            await events.PublishAsync(new FlowInstanceChanged(instance.FlowId, instanceId, status, null, null));
            return true;
        }

        var context = new FlowRunContext(instance.FlowId, instanceId, instance.TraceId);
        foreach (var (node, log, spec, parameters) in starts)
        {
            _ = Task.Run(() => RunNodeAsync(context, node.Id, node.Key, log.Id, spec, parameters));
        }

        return false;
    }

    /// <summary>Node states, read once per instance and then kept in step by the steps themselves.</summary>
    private async Task<Dictionary<string, (FlowNodeStatus Status, long? LogId)>> StatesAsync(OpsDbContext db, long instanceId)
    {
        if (_states.TryGetValue(instanceId, out var known))
        {
            return known;
        }

        known = await db.FlowNodeRuns.AsNoTracking().Where(n => n.InstanceId == instanceId)
            .ToDictionaryAsync(n => n.Key, n => (n.Status, n.JobLogId), StringComparer.Ordinal, Stopping);
        _states[instanceId] = known;
        return known;
    }

    private void Forget(long instanceId)
    {
        _plans.TryRemove(instanceId, out _);
        _states.TryRemove(instanceId, out _);
    }

    /// <summary>The instance's drawing and graph, parsed once: an instance's definition never changes.</summary>
    private async Task<(FlowSnapshot Snapshot, FlowGraph Graph)> PlanAsync(OpsDbContext db, long instanceId)
    {
        if (_plans.TryGetValue(instanceId, out var plan))
        {
            return plan;
        }

        var definition = await db.FlowInstances.AsNoTracking().Where(i => i.Id == instanceId).Select(i => i.Definition).SingleAsync(Stopping);
        var snapshot = FlowSnapshot.FromJson(definition);
        plan = (snapshot, snapshot.Graph());
        _plans[instanceId] = plan;
        return plan;
    }

    /// <summary>The results of the nodes a node's parameters refer to (loaded only when there are references).</summary>
    private async Task<IReadOnlyDictionary<string, string?>> ResultsAsync(OpsDbContext db, long instanceId, string? parameters, List<Completion> justCompleted)
    {
        var keys = FlowParameters.References(parameters);
        if (keys.Count == 0)
        {
            return new Dictionary<string, string?>();
        }

        var results = await db.FlowNodeRuns.AsNoTracking().Where(n => n.InstanceId == instanceId && keys.Contains(n.Key)).ToDictionaryAsync(n => n.Key, n => n.Result, Stopping);
        foreach (var done in justCompleted.Where(c => keys.Contains(c.Key)))
        {
            // Ended in this very step: not saved yet.
            results[done.Key] = done.Result is { Length: > FlowNodeRun.ResultMaxLength } r ? r[..FlowNodeRun.ResultMaxLength] : done.Result;
        }

        return results;
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
            Wake(context.InstanceId);
        }
    }

    /// <summary>A node ended: queued for the instance's next step (its run log already holds the outcome durably).</summary>
    private void Complete(FlowRunContext context, string key, JobLog? log, string? error = null)
    {
        var status = NodeStatusOf(log?.Status);
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

    private static string Summary(IEnumerable<FlowNodeStatus> states) =>
        string.Join(", ", states.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}"));

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
