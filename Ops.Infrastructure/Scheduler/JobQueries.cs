using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler;

/// <summary>The job list: filters within the caller's data scope, plus last result, next fire and success rate per row.</summary>
internal sealed class JobQueries(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IDataScopeProvider scopes, TimeProvider clock)
{
    /// <summary>The success rate covers this many days of runs.</summary>
    public const int RateDays = 30;

    private static readonly SortMap<Job> Sorts = new SortMap<Job>(x => x.Id)
        .Add("name", j => j.Name)
        .Add("type", j => j.Type)
        .Add("updatedAt", j => j.UpdatedAt)
        .Default("name");

    public async Task<PagedResult<JobRow>> ListAsync(JobFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = await scopes.GetFilterAsync(cancellationToken);
        var query = db.Jobs.AsNoTracking().WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy);
        if (filter.Type is { } type)
        {
            query = query.Where(j => j.Type == type);
        }

        if (filter.Enabled is { } enabled)
        {
            query = query.Where(j => j.Enabled == enabled);
        }

        if (filter.LastStatus is { } status)
        {
            var latest = db.JobLogs.Where(l => l.Status != JobRunStatus.Skipped).GroupBy(l => l.JobId).Select(g => g.Max(l => l.Id));
            query = query.Where(j => db.JobLogs.Any(l => l.JobId == j.Id && l.Status == status && latest.Contains(l.Id)));
        }

        if (page.Normalized().Search is { } search)
        {
            query = query.Where(j => j.Name.Contains(search) || (j.Description != null && j.Description.Contains(search)));
        }

        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        var rows = await RowsAsync(db, result.Items, cancellationToken);
        return new PagedResult<JobRow>(rows, result.TotalCount, result.Page, result.PageSize);
    }

    private async Task<List<JobRow>> RowsAsync(OpsDbContext db, IReadOnlyList<Job> jobs, CancellationToken cancellationToken)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        var lastIds = await db.JobLogs.Where(l => ids.Contains(l.JobId) && l.Status != JobRunStatus.Skipped)
            .GroupBy(l => l.JobId).Select(g => g.Max(l => l.Id)).ToListAsync(cancellationToken);
        var last = await db.JobLogs.AsNoTracking().Where(l => lastIds.Contains(l.Id))
            .Select(l => new { l.JobId, l.Status, l.StartedAt }).ToDictionaryAsync(l => l.JobId, cancellationToken);
        var since = clock.GetUtcNow().AddDays(-RateDays);
        var finished = await db.JobLogs.Where(l => ids.Contains(l.JobId) && l.StartedAt >= since
                && (l.Status == JobRunStatus.Success || l.Status == JobRunStatus.Failed || l.Status == JobRunStatus.Timeout))
            .GroupBy(l => l.JobId).Select(g => new { JobId = g.Key, Total = g.Count(), Ok = g.Count(l => l.Status == JobRunStatus.Success) })
            .ToDictionaryAsync(g => g.JobId, cancellationToken);
        var departmentIds = jobs.Where(j => j.DepartmentId != null).Select(j => j.DepartmentId!.Value).Distinct().ToList();
        var departments = await db.Departments.Where(d => departmentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, cancellationToken);
        var ownerIds = jobs.Where(j => j.CreatedBy != null).Select(j => j.CreatedBy!.Value).Distinct().ToList();
        var owners = await db.Users.Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName, cancellationToken);
        var now = clock.GetUtcNow();
        return jobs.Select(j => new JobRow(
            j.Id, j.Name, j.Type, j.Cron, j.TimeZone, j.Enabled, j.IsPaused, j.PausedUntil,
            last.TryGetValue(j.Id, out var l) ? l.Status : null,
            l?.StartedAt,
            NextFire(j, now),
            finished.TryGetValue(j.Id, out var f) && f.Total > 0 ? (double)f.Ok / f.Total : null,
            j.DepartmentId, j.DepartmentId is { } d && departments.TryGetValue(d, out var dn) ? dn : null,
            j.CreatedBy, j.CreatedBy is { } o && owners.TryGetValue(o, out var on) ? on : null,
            j.Version)).ToList();
    }

    /// <summary>When the cron fires next, computed from the expression; null when disabled, paused or invalid.</summary>
    public static DateTimeOffset? NextFire(Job job, DateTimeOffset now)
    {
        if (!job.IsScheduled || CronRules.FindTimeZone(job.TimeZone) is not { } zone || CronRules.Check(job.Cron) is not null)
        {
            return null;
        }

        return CronRules.NextFireTimes(job.Cron, zone, now, 1).FirstOrDefault() is { } next && next != default ? next : null;
    }

    public static JobInput ToInput(Job j) => new(
        j.Name, j.Description, j.Type, j.Cron, j.TimeZone, j.Config, j.RetryCount, j.RetryIntervalSeconds, j.TimeoutSeconds, j.Enabled,
        j.Concurrency, j.Misfire, j.Recoverable, j.DepartmentId, j.AlertOnFailure, j.AlertOnTimeout, j.AlertAfterFailures, j.AlertDurationSeconds,
        j.Channels(), j.Recipients());
}
