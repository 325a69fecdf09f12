using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>Run, cancel, rerun from failed, force success and skip; the instance list and view.</summary>
internal sealed class FlowRunService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IDataScopeProvider scopes, ICurrentUser currentUser, IAuditTrail audit,
    FlowEngine engine, FlowAccess access, TimeProvider clock, IdempotentCommands once) : IFlowRunService
{
    private static readonly SortMap<FlowInstance> Sorts = new SortMap<FlowInstance>(x => x.Id)
        .Add("id", i => i.Id)
        .Add("durationMs", i => i.DurationMs)
        .Default("id", SortDirection.Descending);

    public async Task<Result<long>> RunNowAsync(long flowId, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        // The cheap check first so a caller without the right learns nothing about the flow; the job rights follow once the nodes are known.
        await guard.DemandAsync(SchedulerPermissions.Flows.Run, cancellationToken);
        var me = (await currentUser.GetActorAsync(cancellationToken)).UserId;
        return await once.RunOnceAsync("flow.run", idempotencyKey, me, () => RunOnceAsync(flowId, cancellationToken), cancellationToken);
    }

    private async Task<Result<long>> RunOnceAsync(long flowId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await (await VisibleFlowsAsync(db, cancellationToken)).AnyAsync(f => f.Id == flowId, cancellationToken)
            || await FlowDefinitions.LoadAsync(db, flowId, cancellationToken) is not { } loaded)
        {
            return Error.NotFound("scheduler.flow.not_found");
        }

        // A job deleted or disabled since the flow was saved: say so before anything runs.
        var f = loaded.Flow;
        var problems = await FlowRules.ProblemsAsync(await access.VisibleJobsAsync(db, cancellationToken),
            new FlowInput(f.Name, f.Description, f.Cron, f.TimeZone, f.Enabled, f.DepartmentId, f.MaxParallel, loaded.Nodes, loaded.Edges), cancellationToken);
        if (problems.Count > 0)
        {
            return FlowRules.ToError(problems[0]);
        }

        await DemandRunAsync(db, loaded.Nodes, cancellationToken);

        var user = (await currentUser.GetActorAsync(cancellationToken)).UserId;
        var id = await engine.StartAsync(flowId, JobTriggerType.Manual, user, null, cancellationToken);
        await RecordAsync("flow.run", flowId, $"instance {id}", cancellationToken);
        return id;
    }

    // Cancelling only stops code, so the run permission alone suffices; force success and skip let held-back nodes run.
    public Task<Result> CancelAsync(long instanceId, CancellationToken cancellationToken = default) =>
        ActAsync(instanceId, "flow.cancel", runsNodes: false, (instance, _) =>
        {
            if (instance.IsFinished)
            {
                return Error.Conflict("scheduler.flow.instance_finished");
            }

            instance.RequestCancel();
            return Result.Success();
        }, cancellationToken);

    public async Task<Result<long>> RerunFromFailedAsync(long instanceId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Run, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await (await VisibleInstancesAsync(db, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return Error.NotFound("scheduler.flow.instance_not_found");
        }

        // A rerun runs the instance's own snapshot, so that snapshot's jobs are what the caller must be allowed to run.
        await DemandRunAsync(db, FlowSnapshot.FromJson(instance.Definition).Nodes, cancellationToken);
        if (instance.Status is not (FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled))
        {
            return Error.Conflict("scheduler.flow.not_rerunnable");
        }

        var user = (await currentUser.GetActorAsync(cancellationToken)).UserId;
        var id = await engine.StartAsync(instance.FlowId, JobTriggerType.Manual, user, instanceId, cancellationToken);
        await RecordAsync("flow.rerun", instance.FlowId, $"instance {id} reruns {instanceId}", cancellationToken);
        return id;
    }

    public Task<Result> ForceSuccessAsync(long instanceId, string nodeKey, CancellationToken cancellationToken = default) =>
        ChangeNodeAsync(instanceId, nodeKey, "flow.force_success", node => node.ForceSuccess(), cancellationToken);

    public Task<Result> SkipAsync(long instanceId, string nodeKey, CancellationToken cancellationToken = default) =>
        ChangeNodeAsync(instanceId, nodeKey, "flow.skip", node => node.SkipByHand(), cancellationToken);

    public async Task<PagedResult<FlowInstanceRow>> InstancesAsync(FlowInstanceFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = (await VisibleInstancesAsync(db, cancellationToken)).AsNoTracking();
        query = filter.FlowId is { } flowId ? query.Where(i => i.FlowId == flowId) : query;
        query = filter.Status is { } status ? query.Where(i => i.Status == status) : query;
        query = filter.From is { } from ? query.Where(i => i.CreatedAt >= from) : query;
        query = filter.To is { } to ? query.Where(i => i.CreatedAt < to) : query;
        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        var flowIds = result.Items.Select(i => i.FlowId).Distinct().ToList();
        var names = await db.JobFlows.IgnoreQueryFilters().Where(f => flowIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Name, cancellationToken);
        return new PagedResult<FlowInstanceRow>(result.Items.Select(i => ToRow(i, names.GetValueOrDefault(i.FlowId, ""))).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<FlowInstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var instance = await (await VisibleInstancesAsync(db, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
        if (instance is null)
        {
            return Error.NotFound("scheduler.flow.instance_not_found");
        }

        var snapshot = FlowSnapshot.FromJson(instance.Definition);
        var runs = await db.FlowNodeRuns.AsNoTracking().Where(n => n.InstanceId == instanceId).ToListAsync(cancellationToken);
        var jobIds = runs.Select(r => r.JobId).Distinct().ToList();
        var jobNames = await db.Jobs.IgnoreQueryFilters().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, cancellationToken);
        var flowName = await db.JobFlows.IgnoreQueryFilters().Where(f => f.Id == instance.FlowId).Select(f => f.Name).SingleOrDefaultAsync(cancellationToken) ?? "";
        var nodes = runs.OrderBy(r => r.Id).Select(r => new FlowNodeRunRow(
            r.Key, r.JobId, jobNames.GetValueOrDefault(r.JobId, "#" + r.JobId.ToString(CultureInfo.InvariantCulture)), r.Status, r.JobLogId, r.StartedAt, r.EndedAt, r.Forced, r.Error)).ToList();
        return new FlowInstanceDetail(ToRow(instance, flowName), nodes, snapshot.Nodes, snapshot.Edges);
    }

    private async Task<Result> ChangeNodeAsync(long instanceId, string nodeKey, string action, Action<FlowNodeRun> change, CancellationToken cancellationToken) =>
        await ActAsync(instanceId, action, runsNodes: true, (instance, db) =>
        {
            var snapshot = FlowSnapshot.FromJson(instance.Definition);
            var nodes = db.FlowNodeRuns.Local.Where(n => n.InstanceId == instanceId).ToList();
            var node = nodes.SingleOrDefault(n => n.Key == nodeKey);
            if (node is null)
            {
                return Error.NotFound("scheduler.flow.node_not_found");
            }

            try
            {
                if (instance.IsFinished)
                {
                    instance.Reopen(clock.GetUtcNow());
                }

                change(node);
            }
            catch (DomainException ex)
            {
                return Error.Conflict(ex.Code);
            }

            // What the failure held back may run now: blocked or cancelled downstream nodes wait again.
            var downstream = snapshot.Graph().AllDownstream(nodeKey);
            foreach (var blocked in nodes.Where(n => downstream.Contains(n.Key) || n.Status == FlowNodeStatus.Cancelled))
            {
                blocked.Unblock();
            }

            return Result.Success();
        }, cancellationToken, loadNodes: true);

    /// <summary>
    /// The one access check for starting or resuming an instance (run now, rerun, force success, skip): the flow run
    /// permission, and the rights to run its jobs — the script permission when a node is a shell or Python job.
    /// </summary>
    private async Task DemandRunAsync(OpsDbContext db, IEnumerable<FlowNodeInput> nodes, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Run, cancellationToken);
        await access.DemandJobRightsAsync(db, nodes, cancellationToken);
    }

    /// <summary>Checks permission and scope, applies the change under the instance's lock, saves, audits and wakes the engine.</summary>
    private async Task<Result> ActAsync(
        long instanceId, string action, bool runsNodes, Func<FlowInstance, OpsDbContext, Result> change, CancellationToken cancellationToken, bool loadNodes = false)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Run, cancellationToken);
        var outcome = await engine.ExclusiveAsync(instanceId, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var instance = await (await VisibleInstancesAsync(db, cancellationToken)).SingleOrDefaultAsync(i => i.Id == instanceId, cancellationToken);
            if (instance is null)
            {
                return Error.NotFound("scheduler.flow.instance_not_found");
            }

            if (runsNodes)
            {
                await DemandRunAsync(db, FlowSnapshot.FromJson(instance.Definition).Nodes, cancellationToken);
            }

            if (loadNodes)
            {
                await db.FlowNodeRuns.Where(n => n.InstanceId == instanceId).LoadAsync(cancellationToken);
            }

            var result = change(instance, db);
            if (result.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken);
                engine.Invalidate(instanceId);
                await RecordAsync(action, instance.FlowId, $"instance {instanceId}", cancellationToken);
            }

            return result;
        });
        if (outcome.IsSuccess)
        {
            engine.Wake(instanceId);
        }

        return outcome;
    }

    private async Task<IQueryable<JobFlow>> VisibleFlowsAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.JobFlows.WhereInScope(scope, f => f.DepartmentId, f => f.CreatedBy);
    }

    private async Task<IQueryable<FlowInstance>> VisibleInstancesAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        var flows = db.JobFlows.IgnoreQueryFilters().WhereInScope(scope, f => f.DepartmentId, f => f.CreatedBy).Select(f => f.Id);
        return db.FlowInstances.Where(i => flows.Contains(i.FlowId));
    }

    private static FlowInstanceRow ToRow(FlowInstance i, string flowName) =>
        new(i.Id, i.FlowId, flowName, i.Trigger, i.Status, i.CreatedAt, i.StartedAt, i.EndedAt, i.DurationMs, i.RerunOf, i.TraceId);

    private Task RecordAsync(string action, long flowId, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("scheduler", action, "flow", flowId.ToString(CultureInfo.InvariantCulture), Detail: detail), cancellationToken);
}
