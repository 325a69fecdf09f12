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
/// flow's limit, each with the instance's trace id; the engine retries nodes itself. Internal and unchecked on purpose:
/// <see cref="IFlowRunService"/> (person's rights) and the cron job (system) are its only callers.
/// </summary>
internal sealed partial class FlowEngine(IServiceScopeFactory scopes, RunningJobs running, SchedulerOptions options, IEventBus events,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<FlowEngine> logger)
{
    private readonly ConcurrentDictionary<long, Driver> _drivers = new();
    // Striped locks: bounded memory however many instances a long-running portal sees.
    private readonly SemaphoreSlim[] _locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ConcurrentDictionary<long, (FlowSnapshot Snapshot, FlowGraph Graph)> _plans = new();
    private readonly ConcurrentDictionary<long, InstanceHead> _heads = new();
    private readonly ConcurrentDictionary<(long Instance, string Key), NodeHandle> _handles = new();
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

        // The instance and its node runs together or not at all: a half-created instance would never finish.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        await transaction.CommitAsync(cancellationToken);
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
    public void Invalidate(long instanceId)
    {
        _states.TryRemove(instanceId, out _);
        _heads.TryRemove(instanceId, out _);
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The node ended meanwhile.
        }
    }

    /// <summary>Runs <paramref name="change"/> while no step of the instance is being taken.</summary>
    public async Task<T> ExclusiveAsync<T>(long instanceId, Func<Task<T>> change)
    {
        var gate = _locks[(int)(instanceId % _locks.Length)];
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
            var failures = 0;
            try
            {
                while (!stopping.IsCancellationRequested)
                {
                    await _signal.WaitAsync(stopping);
                    try
                    {
                        if (await _engine.ExclusiveAsync(_instanceId, () => _engine.StepAsync(_instanceId)))
                        {
                            break;
                        }

                        failures = 0;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                    {
                        // A busy or lost database must not strand the instance: try the step again, backing off.
                        failures++;
                        _engine.Logger.LogError(ex, "Flow instance {InstanceId}: step failed ({Failures} in a row); retrying", _instanceId, failures);
                        await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 1 << Math.Min(failures, 5))), stopping);
                        Wake();
                    }
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
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
