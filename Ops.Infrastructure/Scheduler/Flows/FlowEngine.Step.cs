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

/// <summary>The engine's step: one decision of <see cref="FlowScheduler"/> applied and saved.</summary>
internal sealed partial class FlowEngine
{
    /// <summary>
    /// One step: apply the scheduler's decision; true when the instance has finished. Reads only node states
    /// (the drawing is parsed once per instance), and loads for change only the nodes the decision touches.
    /// </summary>
    private async Task<bool> StepAsync(long instanceId)
    {
        await using var scope = scopes.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(Stopping);
        var instance = await HeadAsync(db, instanceId);
        if (instance is null || instance.Status is FlowStatus.Success or FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled)
        {
            Forget(instanceId);
            return true;
        }

        var plan = await PlanAsync(db, instanceId);
        var known = await StatesAsync(db, instanceId);

        // Nodes that ended since the last step: applied here, in the same save as what they unblock.
        var completed = Drain(instanceId);
        try
        {
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
            var stopLogs = known.Where(n => stop.Contains(n.Key) && n.Value.LogId is not null).Select(n => n.Value.LogId!.Value).ToList();
            foreach (var key in stop)
            {
                if (_handles.TryGetValue((instanceId, key), out var handle))
                {
                    // The current attempt (which may be a retry the cached state does not know) and the wait before one.
                    stopLogs.Add(handle.LogId);
                    CancelQuietly(handle.Stop);
                }
            }

            await StopAsync(db, stopLogs.Distinct().ToList());
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

            await db.SaveChangesAsync(CancellationToken.None);

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
        catch
        {
            // Keep what ended for the next step rather than lose it; read the states again next time.
            completed.ForEach(c => _completions.GetOrAdd(instanceId, _ => new()).Enqueue(c));
            Invalidate(instanceId);
            throw;
        }
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

    /// <summary>What a step needs of the instance row, read once; changes from outside go through <see cref="Invalidate"/>.</summary>
    private async Task<InstanceHead?> HeadAsync(OpsDbContext db, long instanceId)
    {
        if (_heads.TryGetValue(instanceId, out var head))
        {
            return head;
        }

        head = await db.FlowInstances.AsNoTracking().Where(i => i.Id == instanceId)
            .Select(i => new InstanceHead(i.FlowId, i.Status, i.CancelRequested, i.TraceId, i.TriggeredBy)).SingleOrDefaultAsync(Stopping);
        if (head is not null)
        {
            _heads[instanceId] = head;
        }

        return head;
    }

    private sealed record InstanceHead(long FlowId, FlowStatus Status, bool CancelRequested, string TraceId, long? TriggeredBy);

    private void Forget(long instanceId)
    {
        _heads.TryRemove(instanceId, out _);
        _plans.TryRemove(instanceId, out _);
        _states.TryRemove(instanceId, out _);
        if (_completions.TryGetValue(instanceId, out var queue) && queue.IsEmpty)
        {
            _completions.TryRemove(new KeyValuePair<long, ConcurrentQueue<Completion>>(instanceId, queue));
        }
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
}
