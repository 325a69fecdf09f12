using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Persistence;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// Keeps Quartz in step with the <c>t_job</c> table, which is the source of truth: on every change of
/// a job and for all jobs at start-up. Each job has a durable Quartz job, a cron trigger while it is
/// scheduled, and a resume trigger while it is paused with a resume time.
/// </summary>
internal sealed class JobScheduleSync(IDbContextFactory<OpsDbContext> factory, ISchedulerFactory schedulers, TimeProvider clock, ILogger<JobScheduleSync> logger)
{
    public const string JobGroup = "ops-jobs";
    public const string SystemGroup = "ops-system";
    public const string JobIdKey = "jobId";
    public const string TriggerKey = "trigger";
    public const string LogIdKey = "logId";
    public const string ParametersKey = "parameters";
    public const string FirstAttemptKey = "firstAttemptId";
    public const string AttemptKey = "attempt";
    public const string UserKey = "userId";

    public static readonly JobKey ResumeJob = new("resume", SystemGroup);

    public static JobKey KeyOf(long jobId) => new("job-" + jobId.ToString(CultureInfo.InvariantCulture), JobGroup);

    public static TriggerKey CronKeyOf(long jobId) => new("job-" + jobId.ToString(CultureInfo.InvariantCulture) + "-cron", JobGroup);

    public static TriggerKey ResumeKeyOf(long jobId) => new("job-" + jobId.ToString(CultureInfo.InvariantCulture) + "-resume", SystemGroup);

    public async Task SyncAsync(long jobId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var job = await db.Jobs.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        await ApplyAsync(await schedulers.GetScheduler(cancellationToken), job, jobId, cancellationToken);
    }

    /// <summary>Every job, and removes Quartz jobs whose row is gone.</summary>
    public async Task SyncAllAsync(CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(JobBuilder.Create<ResumeQuartzJob>().WithIdentity(ResumeJob).StoreDurably().Build(), new AddJobOptions { Replace = true }, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // Deleted rows too: their Quartz jobs go, in case the delete's own sync did not happen.
        var jobs = await db.Jobs.IgnoreQueryFilters().AsNoTracking().ToListAsync(cancellationToken);
        foreach (var job in jobs)
        {
            await ApplyAsync(scheduler, job, job.Id, cancellationToken);
        }

        logger.LogInformation("Scheduler in step with {Count} jobs", jobs.Count);
    }

    private async Task ApplyAsync(IScheduler scheduler, Job? job, long jobId, CancellationToken cancellationToken)
    {
        if (job is null || job.IsDeleted)
        {
            await scheduler.DeleteJob(KeyOf(jobId), cancellationToken);
            await scheduler.UnscheduleJob(ResumeKeyOf(jobId), cancellationToken);
            return;
        }

        var detail = JobBuilder.Create<OpsQuartzJob>().WithIdentity(KeyOf(job.Id)).StoreDurably()
            .UsingJobData(JobIdKey, job.Id.ToString(CultureInfo.InvariantCulture)).Build();
        await scheduler.AddJob(detail, new AddJobOptions { Replace = true }, cancellationToken);

        var zone = CronRules.FindTimeZone(job.TimeZone);
        if (job.IsScheduled && zone is not null && CronRules.Check(job.Cron) is null)
        {
            var trigger = TriggerBuilder.Create().WithIdentity(CronKeyOf(job.Id)).ForJob(detail)
                .UsingJobData(TriggerKey, nameof(JobTriggerType.Cron))
                .WithCronSchedule(job.Cron.Trim(), cron =>
                {
                    cron.InTimeZone(zone);
                    cron.WithMisfireInstruction(job.Misfire == MisfirePolicy.Skip
                        ? CronTriggerMisfireInstruction.DoNothing
                        : CronTriggerMisfireInstruction.FireAndProceed);
                })
                .Build();
            if (!await SameCronAsync(scheduler, (ICronTrigger)trigger, cancellationToken))
            {
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
            }
        }
        else
        {
            await scheduler.UnscheduleJob(CronKeyOf(job.Id), cancellationToken);
        }

        await SyncResumeAsync(scheduler, job, cancellationToken);
    }

    /// <summary>
    /// An unchanged cron trigger is left alone: replacing it would compute its next fire from now and lose
    /// the fires missed while the portal was down, which the misfire policy is there to handle.
    /// </summary>
    internal static async Task<bool> SameCronAsync(IScheduler scheduler, ICronTrigger wanted, CancellationToken cancellationToken) =>
        await scheduler.GetTrigger(wanted.Key, cancellationToken) is ICronTrigger existing
        && existing.CronExpressionString == wanted.CronExpressionString
        && existing.TimeZone.Id == wanted.TimeZone.Id
        && existing.MisfireInstruction == wanted.MisfireInstruction
        && existing.JobKey.Equals(wanted.JobKey);

    private async Task SyncResumeAsync(IScheduler scheduler, Job job, CancellationToken cancellationToken)
    {
        await scheduler.UnscheduleJob(ResumeKeyOf(job.Id), cancellationToken);
        if (job.IsPaused && job.PausedUntil is { } until)
        {
            var at = until > clock.GetUtcNow() ? until : clock.GetUtcNow();
            await scheduler.ScheduleTrigger(TriggerBuilder.Create().WithIdentity(ResumeKeyOf(job.Id)).ForJob(ResumeJob)
                .UsingJobData(JobIdKey, job.Id.ToString(CultureInfo.InvariantCulture)).StartAt(at).Build(), TriggerConflict.Replace, cancellationToken);
        }
    }
}
