using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>Flows: the drawing with its checks, saved whole (nodes and edges replaced), synced to Quartz and audited.</summary>
internal sealed class JobFlowService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IDataScopeProvider scopes, IAuditTrail audit, FlowScheduleSync sync, FlowAccess access,
    TimeProvider clock) : IJobFlowService
{
    private static readonly SortMap<JobFlow> Sorts = new SortMap<JobFlow>(x => x.Id)
        .Add("name", f => f.Name)
        .Add("updatedAt", f => f.UpdatedAt)
        .Default("name");

    public async Task<PagedResult<FlowRow>> ListAsync(PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = await VisibleAsync(db, cancellationToken);
        if (page.Normalized().Search is { } search)
        {
            query = query.Where(f => f.Name.Contains(search) || (f.Description != null && f.Description.Contains(search)));
        }

        var result = await query.AsNoTracking().ToPagedResultAsync(page, Sorts, cancellationToken);
        var ids = result.Items.Select(f => f.Id).ToList();
        var counts = await db.JobFlowNodes.Where(n => ids.Contains(n.FlowId)).GroupBy(n => n.FlowId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var lastIds = await db.FlowInstances.Where(i => ids.Contains(i.FlowId)).GroupBy(i => i.FlowId).Select(g => g.Max(i => i.Id)).ToListAsync(cancellationToken);
        var last = await db.FlowInstances.AsNoTracking().Where(i => lastIds.Contains(i.Id)).ToDictionaryAsync(i => i.FlowId, cancellationToken);
        var departmentIds = result.Items.Where(f => f.DepartmentId != null).Select(f => f.DepartmentId!.Value).ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var now = clock.GetUtcNow();
        var rows = result.Items.Select(f => new FlowRow(
            f.Id, f.Name, f.Cron, f.Enabled, counts.GetValueOrDefault(f.Id), last.GetValueOrDefault(f.Id)?.Status, last.GetValueOrDefault(f.Id)?.CreatedAt,
            NextFire(f, now), f.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, f.Version, f.TimeZone)).ToList();
        return new PagedResult<FlowRow>(rows, result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<FlowDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await (await VisibleAsync(db, cancellationToken)).AnyAsync(f => f.Id == id, cancellationToken)
            || await FlowDefinitions.LoadAsync(db, id, cancellationToken) is not { } loaded)
        {
            return Error.NotFound("scheduler.flow.not_found");
        }

        var f = loaded.Flow;
        return new FlowDetail(f.Id, new FlowInput(f.Name, f.Description, f.Cron, f.TimeZone, f.Enabled, f.DepartmentId, f.MaxParallel, loaded.Nodes, loaded.Edges), f.Version);
    }

    public async Task<Result<long>> CreateAsync(FlowInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, input, cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        var flow = new JobFlow(input.Name.Trim());
        Apply(flow, input);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.JobFlows.Add(flow);
        await db.SaveChangesAsync(cancellationToken);
        AddDrawing(db, flow.Id, input);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await sync.SyncAsync(flow.Id, cancellationToken);
        await RecordAsync("flow.create", flow.Id, flow.Name, cancellationToken);
        return flow.Id;
    }

    public async Task<Result> UpdateAsync(long id, FlowInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var flow = await (await VisibleAsync(db, cancellationToken)).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (flow is null)
        {
            return Error.NotFound("scheduler.flow.not_found");
        }

        if (await CheckAsync(db, input, cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        db.Entry(flow).Property(f => f.Version).OriginalValue = version;
        flow.Name = input.Name.Trim();
        Apply(flow, input);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.JobFlowNodes.RemoveRange(await db.JobFlowNodes.Where(n => n.FlowId == id).ToListAsync(cancellationToken));
        db.JobFlowEdges.RemoveRange(await db.JobFlowEdges.Where(e => e.FlowId == id).ToListAsync(cancellationToken));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("common.concurrency_conflict", "flow");
        }

        AddDrawing(db, id, input);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync("flow.update", id, flow.Name, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var flow = await (await VisibleAsync(db, cancellationToken)).SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (flow is null)
        {
            return Error.NotFound("scheduler.flow.not_found");
        }

        if (await db.FlowInstances.AnyAsync(i => i.FlowId == id && (i.Status == FlowStatus.Running || i.Status == FlowStatus.Pending), cancellationToken))
        {
            return Error.Conflict("scheduler.flow.running");
        }

        db.JobFlows.Remove(flow);
        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync("flow.delete", id, flow.Name, cancellationToken);
        return Result.Success();
    }

    public async Task<IReadOnlyList<FlowProblem>> ValidateAsync(FlowInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await FlowRules.ProblemsAsync(await access.VisibleJobsAsync(db, cancellationToken), input, cancellationToken);
    }

    /// <summary>Problems of the drawing, the owner department, and the caller's rights to run the flow's jobs.</summary>
    private async Task<Result> CheckAsync(OpsDbContext db, FlowInput input, CancellationToken cancellationToken)
    {
        var problems = await FlowRules.ProblemsAsync(await access.VisibleJobsAsync(db, cancellationToken), input, cancellationToken);
        if (problems.Count > 0)
        {
            return FlowRules.ToError(problems[0]);
        }

        await access.DemandJobRightsAsync(db, input.Nodes, cancellationToken);
        return await access.CheckDepartmentAsync(input.DepartmentId, cancellationToken);
    }

    public async Task<IReadOnlyList<FlowJobOption>> JobOptionsAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Flows.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return await db.Jobs.AsNoTracking().WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy).OrderBy(j => j.Name)
            .Select(j => new FlowJobOption(j.Id, j.Name, j.Type, j.Enabled)).ToListAsync(cancellationToken);
    }

    internal static DateTimeOffset? NextFire(JobFlow flow, DateTimeOffset now) =>
        flow.Enabled && !string.IsNullOrWhiteSpace(flow.Cron) && CronRules.Check(flow.Cron) is null && CronRules.FindTimeZone(flow.TimeZone) is { } zone
            ? CronRules.NextFireTimes(flow.Cron, zone, now, 1).FirstOrDefault()
            : null;

    private async Task<IQueryable<JobFlow>> VisibleAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.JobFlows.WhereInScope(scope, f => f.DepartmentId, f => f.CreatedBy);
    }

    private static void Apply(JobFlow flow, FlowInput input)
    {
        flow.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        flow.Cron = string.IsNullOrWhiteSpace(input.Cron) ? null : input.Cron.Trim();
        flow.TimeZone = input.TimeZone.Trim();
        flow.Enabled = input.Enabled;
        flow.DepartmentId = input.DepartmentId;
        flow.MaxParallel = input.MaxParallel;
    }

    private static void AddDrawing(OpsDbContext db, long flowId, FlowInput input)
    {
        foreach (var node in input.Nodes)
        {
            db.JobFlowNodes.Add(new JobFlowNode(flowId, node.Key, node.JobId)
            {
                PositionX = node.X, PositionY = node.Y, Parameters = string.IsNullOrWhiteSpace(node.Parameters) ? null : node.Parameters,
                RetryCount = node.RetryCount, TimeoutSeconds = node.TimeoutSeconds, FailurePolicy = node.Policy,
            });
        }

        foreach (var edge in input.Edges)
        {
            db.JobFlowEdges.Add(new JobFlowEdge(flowId, edge.From, edge.To));
        }
    }

    private Task RecordAsync(string action, long id, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("scheduler", action, "flow", id.ToString(CultureInfo.InvariantCulture), Detail: detail), cancellationToken);
}
