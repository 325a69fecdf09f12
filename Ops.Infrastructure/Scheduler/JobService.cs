using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Scheduler;

/// <summary>Jobs: editing with checks, enable/disable, pause/resume. Each change is synced to Quartz and audited.</summary>
internal sealed class JobService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IDataScopeProvider scopes,
    IAuditTrail audit,
    JobScheduleSync sync,
    PrivilegeCeiling ceiling,
    DataSourceAccess sources,
    TimeProvider clock) : IJobService
{
    public Task<PagedResult<JobRow>> ListAsync(JobFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        new JobQueries(factory, guard, scopes, clock).ListAsync(filter, page, cancellationToken);

    public async Task<Result<JobDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, id, cancellationToken);
        return job is null
            ? Error.NotFound("scheduler.job.not_found")
            : new JobDetail(job.Id, JobQueries.ToInput(job), job.IsPaused, job.PausedUntil, JobQueries.NextFire(job, clock.GetUtcNow()), job.Version, job.CreatedAt, job.UpdatedAt);
    }

    public async Task<Result<long>> CreateAsync(JobInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Create, cancellationToken);
        if (JobRules.RunsCode(input.Type))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, input, clock.GetUtcNow(), cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        if (await DepartmentAsync(input, cancellationToken) is { IsFailure: true } beyond)
        {
            return beyond.Error!;
        }

        var created = Job.Create(input);
        if (created.IsFailure)
        {
            return created.Error!;
        }

        var job = created.Value;
        db.Jobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(job.Id, cancellationToken);
        await RecordAsync("job.create", job.Id, job.Name, cancellationToken);
        return job.Id;
    }

    public async Task<Result> UpdateAsync(long id, JobInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Update, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, id, cancellationToken, track: true);
        if (job is null)
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (JobRules.RunsCode(job.Type))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }

        if (input.Type != job.Type)
        {
            // Refused before the other checks: a type change is not an edit the form can fix.
            return Error.Invalid("scheduler.job.type_fixed");
        }

        if (await CheckAsync(db, input, clock.GetUtcNow(), cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        if (await DepartmentAsync(input, cancellationToken) is { IsFailure: true } beyond)
        {
            return beyond;
        }

        if (job.Configure(input) is { IsFailure: true } refused)
        {
            return refused;
        }

        if (await db.SaveVersionedAsync(job, j => j.Version, version, "job", cancellationToken) is { IsFailure: true } conflict)
        {
            return conflict;
        }

        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync("job.update", id, job.Name, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, id, cancellationToken, track: true);
        if (job is null)
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (await db.JobLogs.AnyAsync(l => l.JobId == id && l.Status == JobRunStatus.Running, cancellationToken))
        {
            return Error.Conflict("scheduler.job.running");
        }

        db.Jobs.Remove(job);
        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync("job.delete", id, job.Name, cancellationToken);
        return Result.Success();
    }

    public async Task<Result<BatchOutcome>> SetEnabledAsync(IReadOnlyCollection<long> ids, bool enabled, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Update, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var scope = await scopes.GetFilterAsync(cancellationToken);
        var jobs = await db.Jobs.WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy).Where(j => ids.Contains(j.Id)).ToListAsync(cancellationToken);
        if (jobs.Count != ids.Distinct().Count())
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (jobs.Any(j => JobRules.RunsCode(j.Type)))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }

        var changed = jobs.Where(j => enabled ? j.Enable() : j.Disable()).ToList();
        await db.SaveChangesAsync(cancellationToken);
        foreach (var job in changed)
        {
            await sync.SyncAsync(job.Id, cancellationToken);
            await RecordAsync(enabled ? "job.enable" : "job.disable", job.Id, job.Name, cancellationToken);
        }

        return new BatchOutcome(changed.Count);
    }

    public Task<Result> PauseAsync(long id, DateTimeOffset? until, CancellationToken cancellationToken = default) =>
        ChangePauseAsync(id, job => job.Pause(until, clock.GetUtcNow()), "job.pause", cancellationToken);

    public Task<Result> ResumeAsync(long id, CancellationToken cancellationToken = default) =>
        ChangePauseAsync(id, job =>
        {
            job.Resume();
            return Result.Success();
        }, "job.resume", cancellationToken);

    public CronPreview Preview(string cron, string timeZone, int count = 10) =>
        CronRules.Preview(cron, timeZone, clock.GetUtcNow(), count, CultureInfo.CurrentUICulture);

    /// <summary>The resume trigger fired: resume the job if it is still paused with that resume time.</summary>
    internal async Task AutoResumeAsync(long id, CancellationToken cancellationToken)
    {
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var job = await db.Jobs.SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
            if (job is null || !job.ResumeIsDue(clock.GetUtcNow()))
            {
                return;
            }

            job.Resume();
            await db.SaveChangesAsync(cancellationToken);
        }

        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync("job.resume", id, "automatic", cancellationToken);
    }

    private async Task<Result> ChangePauseAsync(long id, Func<Job, Result> change, string action, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Pause, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await VisibleAsync(db, id, cancellationToken, track: true);
        if (job is null)
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (change(job) is { IsFailure: true } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        await sync.SyncAsync(id, cancellationToken);
        await RecordAsync(action, id, job.Name, cancellationToken);
        return Result.Success();
    }

    private async Task<Job?> VisibleAsync(OpsDbContext db, long id, CancellationToken cancellationToken, bool track = false)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        var query = db.Jobs.WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy);
        return await (track ? query : query.AsNoTracking()).SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
    }

    /// <summary>An owner department must be one the caller may see (a job cannot be handed to a department out of reach).</summary>
    private async Task<Result> DepartmentAsync(JobInput input, CancellationToken cancellationToken) =>
        input.DepartmentId is null ? Result.Success() : PrivilegeCeiling.CheckDepartment(await ceiling.CallerAsync(cancellationToken), input.DepartmentId);

    private async Task<Result> CheckAsync(OpsDbContext db, JobInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var config = JobRules.Validate(input);
        if (config.IsFailure)
        {
            return config.Error!;
        }

        if (CronRules.FindTimeZone(input.TimeZone) is null)
        {
            return Error.Invalid("scheduler.job.timezone_invalid");
        }

        if (CronRules.Check(input.Cron, now) is { } cronError)
        {
            return cronError;
        }

        // Picking a data source needs its use grant, not only the job permission: a job runs any statement on it.
        if (config.Value is SqlJobConfig sql)
        {
            var source = await sources.DemandUsableAsync(db, sql.DataSourceId, tracked: false, cancellationToken);
            if (source.IsFailure)
            {
                return Error.Invalid("scheduler.job.datasource_missing");
            }

            if (!Ops.Domain.Reports.DataSourceTypes.RunsJobs(source.Value.Type))
            {
                return Error.Invalid("scheduler.job.datasource_no_jobs", source.Value.Name, source.Value.Type.ToString());
            }
        }

        if (input.DepartmentId is { } department && !await db.Departments.AnyAsync(d => d.Id == department, cancellationToken))
        {
            return Error.Invalid("scheduler.job.department_missing");
        }

        var recipients = input.AlertRecipients ?? [];
        return recipients.Count > 0 && await db.Users.CountAsync(u => recipients.Contains(u.Id), cancellationToken) != recipients.Distinct().Count()
            ? Error.Invalid("scheduler.job.recipient_missing")
            : Result.Success();
    }

    private Task RecordAsync(string action, long id, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("scheduler", action, "job", id.ToString(CultureInfo.InvariantCulture), Detail: detail), cancellationToken);
}
