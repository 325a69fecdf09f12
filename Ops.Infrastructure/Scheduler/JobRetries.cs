using System.Globalization;
using Ops.Domain.Scheduler;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// A failed attempt with retries left gets a one-shot Quartz trigger after the job's retry interval.
/// The trigger is stored with the schedule, so a restart in between does not lose the retry.
/// </summary>
internal sealed class JobRetries(ISchedulerFactory schedulers, TimeProvider clock)
{
    public async Task ScheduleAsync(Job job, JobLog failed, RunRequest request, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var first = failed.FirstAttemptId ?? failed.Id;
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"retry-{first.ToString(CultureInfo.InvariantCulture)}-{(request.Attempt + 1).ToString(CultureInfo.InvariantCulture)}", JobScheduleSync.JobGroup)
            .ForJob(JobScheduleSync.KeyOf(job.Id))
            .UsingJobData(JobScheduleSync.TriggerKey, nameof(JobTriggerType.Retry))
            .UsingJobData(JobScheduleSync.FirstAttemptKey, first.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(JobScheduleSync.AttemptKey, (request.Attempt + 1).ToString(CultureInfo.InvariantCulture))
            .UsingJobData(JobScheduleSync.ParametersKey, request.Parameters ?? "")
            .StartAt(clock.GetUtcNow().AddSeconds(job.RetryIntervalSeconds))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
    }

    /// <summary>A manual or recovery run: a one-shot trigger now, carrying the pre-recorded log id.</summary>
    public static ITrigger Now(long jobId, JobTriggerType type, long? logId, string? parameters, long? userId, long? firstAttemptId = null, int attempt = 1)
    {
        var builder = TriggerBuilder.Create()
            .WithIdentity($"run-{Guid.NewGuid():N}", JobScheduleSync.JobGroup)
            .ForJob(JobScheduleSync.KeyOf(jobId))
            .UsingJobData(JobScheduleSync.TriggerKey, type.ToString())
            .UsingJobData(JobScheduleSync.ParametersKey, parameters ?? "")
            .UsingJobData(JobScheduleSync.AttemptKey, attempt.ToString(CultureInfo.InvariantCulture))
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
        if (logId is { } log)
        {
            builder.UsingJobData(JobScheduleSync.LogIdKey, log.ToString(CultureInfo.InvariantCulture));
        }

        if (userId is { } user)
        {
            builder.UsingJobData(JobScheduleSync.UserKey, user.ToString(CultureInfo.InvariantCulture));
        }

        if (firstAttemptId is { } first)
        {
            builder.UsingJobData(JobScheduleSync.FirstAttemptKey, first.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Build();
    }
}
