using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler;

/// <summary>The scheduling log: runs of every job in the caller's data scope (the job list's scope), filtered, paged, exported and cleared.</summary>
internal sealed class SchedulerLogService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IDataScopeProvider scopes,
    IAuditTrail audit) : ISchedulerLogService
{
    public const int MaxExportRows = 50_000;

    private static readonly SortMap<JobLog> Sorts = new SortMap<JobLog>(x => x.Id)
        .Add("id", l => l.Id)
        .Add("jobId", l => l.JobId)
        .Add("startedAt", l => l.StartedAt)
        .Add("durationMs", l => l.DurationMs)
        .Add("status", l => l.Status)
        .Add("trigger", l => l.Trigger)
        .Default("id", SortDirection.Descending);

    public async Task<PagedResult<SchedulerLogRow>> QueryAsync(SchedulerLogFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Logs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = await (await FilteredAsync(db, filter, cancellationToken)).ToPagedResultAsync(page, Sorts, cancellationToken);
        var rows = await RowsAsync(db, result.Items, cancellationToken);
        return new PagedResult<SchedulerLogRow>(rows, result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<IReadOnlyList<JobOption>> ListJobsAsync(string? search, int count = 20, long? id = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Logs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var jobs = await VisibleJobsAsync(db, cancellationToken);
        var text = search?.Trim();
        jobs = string.IsNullOrEmpty(text) ? jobs : jobs.Where(j => j.Name.Contains(text));
        jobs = id is { } only ? jobs.Where(j => j.Id == only) : jobs;
        return await jobs.OrderBy(j => j.Name).Take(Math.Clamp(count, 1, 100))
            .Select(j => new JobOption(j.Id, j.Name)).ToListAsync(cancellationToken);
    }

    public async Task<byte[]> ExportAsync(SchedulerLogFilter filter, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Logs.Export, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var logs = await (await FilteredAsync(db, filter, cancellationToken)).OrderByDescending(l => l.Id).Take(MaxExportRows).ToListAsync(cancellationToken);
        var rows = await RowsAsync(db, logs, cancellationToken);
        await audit.RecordAsync(new AuditEntry("scheduler", "log.export", Detail: $"{rows.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(SchedulerLogSheet.Rows(rows), "SchedulerLog", cancellationToken);
    }

    public async Task<Result<int>> ClearAsync(DateTimeOffset before, long? jobId = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Logs.Clear, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = (await VisibleJobsAsync(db, cancellationToken)).Select(j => j.Id);
        var query = db.JobLogs.Where(l => visible.Contains(l.JobId) && l.StartedAt < before && l.FlowInstanceId == null
            && l.Status != JobRunStatus.Pending && l.Status != JobRunStatus.Running
            // Flow node runs and alerts point at their run: those runs go with their flow instance or alert, not here.
            && !db.FlowNodeRuns.IgnoreQueryFilters().Any(n => n.JobLogId == l.Id)
            && !db.JobAlerts.IgnoreQueryFilters().Any(a => a.LogId == l.Id));
        query = jobId is { } id ? query.Where(l => l.JobId == id) : query;
        var ids = await query.Select(l => l.Id).ToListAsync(cancellationToken);
        var removed = 0;
        foreach (var chunk in ids.Chunk(1000))
        {
            removed += await db.JobLogs.Where(l => chunk.Contains(l.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry("scheduler", "log.clear", "job_log", jobId?.ToString(CultureInfo.InvariantCulture),
            Detail: $"{removed} run(s) before {before.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z"), cancellationToken);
        return removed;
    }

    private async Task<IQueryable<JobLog>> FilteredAsync(OpsDbContext db, SchedulerLogFilter filter, CancellationToken cancellationToken)
    {
        var visible = (await VisibleJobsAsync(db, cancellationToken)).Select(j => j.Id);
        var query = db.JobLogs.AsNoTracking().Where(l => visible.Contains(l.JobId));
        query = filter.JobId is { } jobId ? query.Where(l => l.JobId == jobId) : query;
        query = filter.Status is { } status ? query.Where(l => l.Status == status) : query;
        query = filter.Trigger is { } trigger ? query.Where(l => l.Trigger == trigger) : query;
        query = filter.From is { } from ? query.Where(l => (l.StartedAt ?? l.ScheduledAt) >= from) : query;
        return filter.To is { } to ? query.Where(l => (l.StartedAt ?? l.ScheduledAt) < to) : query;
    }

    private static async Task<List<SchedulerLogRow>> RowsAsync(OpsDbContext db, IReadOnlyList<JobLog> logs, CancellationToken cancellationToken)
    {
        var jobIds = logs.Select(l => l.JobId).Distinct().ToList();
        var names = await db.Jobs.IgnoreQueryFilters().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, cancellationToken);
        return logs.Select(l => new SchedulerLogRow(l.Id, l.JobId, names.GetValueOrDefault(l.JobId, ""), l.Trigger, l.Status, l.ScheduledAt, l.StartedAt,
            l.EndedAt, l.DurationMs, l.Attempt, l.Node, l.TraceId, l.Error)).ToList();
    }

    private async Task<IQueryable<Job>> VisibleJobsAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.Jobs.AsNoTracking().WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy);
    }
}
