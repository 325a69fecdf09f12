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

/// <summary>The alert list (within the caller's data scope), acknowledge with a comment, and resolve.</summary>
internal sealed class JobAlertService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IDataScopeProvider scopes, IAuditTrail audit, TimeProvider clock) : IJobAlertService
{
    private static readonly SortMap<JobAlert> Sorts = new SortMap<JobAlert>(x => x.Id)
        .Add("createdAt", a => a.CreatedAt)
        .Add("status", a => a.Status)
        .Default("createdAt", SortDirection.Descending);

    public async Task<PagedResult<JobAlertRow>> ListAsync(JobAlertFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Alerts.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleJobIdsAsync(db, cancellationToken);
        var query = db.JobAlerts.AsNoTracking().Where(a => visible.Contains(a.JobId));
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (filter.JobId is { } jobId)
        {
            query = query.Where(a => a.JobId == jobId);
        }

        if (page.Normalized().Search is { } search)
        {
            query = query.Where(a => a.Title.Contains(search) || a.Content.Contains(search));
        }

        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        var jobIds = result.Items.Select(a => a.JobId).Distinct().ToList();
        var names = await db.Jobs.IgnoreQueryFilters().Where(j => jobIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Name, cancellationToken);
        var userIds = result.Items.Where(a => a.AcknowledgedBy != null).Select(a => a.AcknowledgedBy!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName, cancellationToken);
        var rows = result.Items.Select(a => new JobAlertRow(
            a.Id, a.JobId, names.GetValueOrDefault(a.JobId, "#" + a.JobId.ToString(CultureInfo.InvariantCulture)), a.LogId, a.Type, a.Title, a.Content, a.Channels,
            a.Status, a.CreatedAt, a.AcknowledgedBy is { } by ? users.GetValueOrDefault(by) : null, a.AcknowledgedAt, a.Comment, a.ResolvedAt)).ToList();
        return new PagedResult<JobAlertRow>(rows, result.TotalCount, result.Page, result.PageSize);
    }

    public Task<Result> AcknowledgeAsync(long id, string? comment, CancellationToken cancellationToken = default) =>
        HandleAsync(id, comment, (alert, by, text) => alert.Acknowledge(by, text, clock.GetUtcNow()), "alert.acknowledge", cancellationToken);

    public Task<Result> ResolveAsync(long id, string? comment, CancellationToken cancellationToken = default) =>
        HandleAsync(id, comment, (alert, by, text) => alert.Resolve(by, text, clock.GetUtcNow()), "alert.resolve", cancellationToken);

    private async Task<Result> HandleAsync(long id, string? comment, Action<JobAlert, long, string?> change, string action, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SchedulerPermissions.Alerts.Acknowledge, cancellationToken);
        var by = await guard.RequireUserIdAsync(cancellationToken);
        var text = TextRules.Optional(comment, JobAlert.CommentMaxLength, "field.comment");
        if (text.IsFailure)
        {
            return text.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = await VisibleJobIdsAsync(db, cancellationToken);
        var alert = await db.JobAlerts.Where(a => visible.Contains(a.JobId)).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (alert is null)
        {
            return Error.NotFound("scheduler.alert.not_found");
        }

        try
        {
            change(alert, by, text.Value);
        }
        catch (DomainException ex)
        {
            return Error.Conflict(ex.Code);
        }

        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("scheduler", action, "job_alert", id.ToString(CultureInfo.InvariantCulture), Detail: text.Value), cancellationToken);
        return Result.Success();
    }

    private async Task<IQueryable<long>> VisibleJobIdsAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.Jobs.IgnoreQueryFilters().WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy).Select(j => j.Id);
    }
}
