using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Quartz;
using JobRunStatus = Ops.Domain.Scheduler.JobRunStatus;
using PagedResult = Ops.Domain.Common.PagedResult<Ops.Domain.Scheduler.JobLogRow>;

namespace Ops.Infrastructure.Scheduler;

/// <summary>Run now, stop, and the run history. Manual runs go through Quartz too, so they share its thread pool and survive a restart before they start.</summary>
internal sealed class JobRunService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IDataScopeProvider scopes,
    ICurrentUser currentUser,
    IAuditTrail audit,
    ISchedulerFactory schedulers,
    RunningJobs running,
    SchedulerOptions options,
    TimeProvider clock,
    IdempotentCommands once) : IJobRunService
{
    private static readonly SortMap<JobLog> Sorts = new SortMap<JobLog>(x => x.Id)
        .Add("id", l => l.Id)
        .Add("startedAt", l => l.StartedAt)
        .Add("durationMs", l => l.DurationMs)
        .Default("id", SortDirection.Descending);

    public async Task<Result<long>> RunNowAsync(long jobId, string? parameters = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Run, cancellationToken);
        if (!ParametersValid(parameters))
        {
            return Error.Invalid("scheduler.run.parameters_invalid");
        }

        var me = (await currentUser.GetActorAsync(cancellationToken)).UserId;
        return await once.RunOnceAsync("job.run", idempotencyKey, me, () => RunOnceAsync(jobId, parameters, cancellationToken), cancellationToken);
    }

    private async Task<Result<long>> RunOnceAsync(long jobId, string? parameters, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await (await VisibleJobsAsync(db, cancellationToken)).AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (JobRules.RunsCode(job.Type))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }

        var logId = await QueueAsync(db, job, string.IsNullOrWhiteSpace(parameters) ? null : parameters.Trim(), cancellationToken);
        return logId;
    }

    public async Task<Result<BatchOutcome>> RunManyAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Run, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var jobs = await (await VisibleJobsAsync(db, cancellationToken)).AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToListAsync(cancellationToken);
        if (jobs.Count != jobIds.Distinct().Count())
        {
            return Error.NotFound("scheduler.job.not_found");
        }

        if (jobs.Any(j => JobRules.RunsCode(j.Type)))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }

        foreach (var job in jobs)
        {
            await QueueAsync(db, job, null, cancellationToken);
        }

        return new BatchOutcome(jobs.Count);
    }

    public async Task<Result> StopAsync(long logId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Stop, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = (await VisibleJobsAsync(db, cancellationToken)).Select(j => j.Id);
        var log = await db.JobLogs.Where(l => visible.Contains(l.JobId)).SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        if (log is null)
        {
            return Error.NotFound("scheduler.run.not_found");
        }

        if (log.IsFinished)
        {
            return Error.Conflict("scheduler.run.not_running");
        }

        if (log.Status == JobRunStatus.Pending)
        {
            log.Start(clock.GetUtcNow(), log.Node);
            log.Finish(JobRunStatus.Cancelled, clock.GetUtcNow(), null, RunTexts.StoppedBeforeStart);
        }

        log.RequestCancel();
        await db.SaveChangesAsync(cancellationToken);
        running.TryStop(logId);
        await audit.RecordAsync(new AuditEntry("scheduler", "job.stop", "job_log", logId.ToString(CultureInfo.InvariantCulture), Detail: $"job {log.JobId}"), cancellationToken);
        return Result.Success();
    }

    public async Task<PagedResult> HistoryAsync(long jobId, JobLogFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var result = await (await FilteredAsync(db, jobId, filter, cancellationToken)).ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult(result.Items.Select(ToRow).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<IReadOnlyList<JobLogRow>> RecentAsync(long jobId, JobLogFilter filter, int count, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await (await FilteredAsync(db, jobId, filter, cancellationToken)).OrderByDescending(l => l.Id).Take(Math.Clamp(count, 1, 1000))
            .Select(l => new JobLogRow(l.Id, l.JobId, l.Trigger, l.Status, l.ScheduledAt, l.StartedAt, l.EndedAt, l.DurationMs, l.Attempt, l.FirstAttemptId,
                l.Node, l.TraceId, null, null, null))
            .ToListAsync(cancellationToken);
    }

    private async Task<IQueryable<JobLog>> FilteredAsync(OpsDbContext db, long jobId, JobLogFilter filter, CancellationToken cancellationToken)
    {
        var visible = (await VisibleJobsAsync(db, cancellationToken)).Select(j => j.Id);
        var query = db.JobLogs.AsNoTracking().Where(l => l.JobId == jobId && visible.Contains(l.JobId));
        query = filter.Status is { } status ? query.Where(l => l.Status == status) : query;
        query = filter.Trigger is { } trigger ? query.Where(l => l.Trigger == trigger) : query;
        query = filter.From is { } from ? query.Where(l => l.StartedAt >= from) : query;
        return filter.To is { } to ? query.Where(l => l.StartedAt < to) : query;
    }

    public async Task<Result<JobLogRow>> GetLogAsync(long logId, CancellationToken cancellationToken = default)
    {
        // Readers of the scheduling log open its runs too; data scope still applies through the run's job.
        await guard.DemandAnyAsync([SchedulerPermissions.Jobs.View, SchedulerPermissions.Logs.View], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = (await VisibleJobsAsync(db, cancellationToken)).Select(j => j.Id);
        var log = await db.JobLogs.AsNoTracking().Where(l => visible.Contains(l.JobId)).SingleOrDefaultAsync(l => l.Id == logId, cancellationToken);
        return log is null ? Error.NotFound("scheduler.run.not_found") : ToRow(log);
    }

    public async Task<Result<string>> OutputAsync(long logId, CancellationToken cancellationToken = default)
    {
        var log = await GetLogAsync(logId, cancellationToken);
        if (log.IsFailure)
        {
            return log.Error!;
        }

        return running.OutputOf(logId) ?? log.Value.Result ?? "";
    }

    private async Task<long> QueueAsync(OpsDbContext db, Job job, string? parameters, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var log = new JobLog(job.Id, JobTriggerType.Manual, Guid.NewGuid().ToString("N"), options.Node, clock.GetUtcNow(), parameters, null, 1, actor.UserId);
        db.JobLogs.Add(log);
        await db.SaveChangesAsync(cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.ScheduleTrigger(JobRetries.Now(job.Id, JobTriggerType.Manual, log.Id, parameters, actor.UserId), TriggerConflict.Throw, cancellationToken);
        await audit.RecordAsync(new AuditEntry("scheduler", "job.run", "job", job.Id.ToString(CultureInfo.InvariantCulture), Detail: $"{job.Name} (run {log.Id})"), cancellationToken);
        return log.Id;
    }

    private async Task<IQueryable<Job>> VisibleJobsAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.Jobs.WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy);
    }

    private static bool ParametersValid(string? parameters)
    {
        if (string.IsNullOrWhiteSpace(parameters))
        {
            return true;
        }

        if (parameters.Length > JobLog.ParamsMaxLength)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(parameters);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static JobLogRow ToRow(JobLog l) => new(
        l.Id, l.JobId, l.Trigger, l.Status, l.ScheduledAt, l.StartedAt, l.EndedAt, l.DurationMs, l.Attempt, l.FirstAttemptId, l.Node, l.TraceId,
        l.InputParams, l.Result, l.Error);
}
