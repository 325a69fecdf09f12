using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>What Quartz fires for every job: reads the trigger's data, waits for a run slot and hands the run to <see cref="JobRunner"/>, as the system.</summary>
internal sealed class OpsQuartzJob(IServiceScopeFactory scopes, Microsoft.Extensions.Hosting.IHostApplicationLifetime lifetime, JobRunSlots slots) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var request = new RunRequest(
            long.Parse(data.GetString(JobScheduleSync.JobIdKey)!, CultureInfo.InvariantCulture),
            Enum.TryParse<JobTriggerType>(data.GetString(JobScheduleSync.TriggerKey), out var trigger) ? trigger : JobTriggerType.Cron,
            MissedAt(data) ?? context.ScheduledFireTimeUtc,
            data.GetString(JobScheduleSync.ParametersKey),
            Long(data, JobScheduleSync.FirstAttemptKey),
            (int)(Long(data, JobScheduleSync.AttemptKey) ?? 1),
            Long(data, JobScheduleSync.UserKey),
            Long(data, JobScheduleSync.LogIdKey));
        // Quartz does not interrupt running jobs at shutdown: the host's stopping token kills the run's processes.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        using var slot = await slots.TakeAsync(stopping.Token);
        await using var scope = scopes.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(request, stopping.Token);
    }

    /// <summary>A fire for cron fires missed while the portal was down is recorded as due when the last of them was.</summary>
    private static DateTimeOffset? MissedAt(JobDataMap data) =>
        data.ContainsKey(MissedFires.MissedAtKey)
        && DateTimeOffset.TryParse(data.GetString(MissedFires.MissedAtKey), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private static long? Long(JobDataMap data, string key) =>
        data.ContainsKey(key) && long.TryParse(data.GetString(key), CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>Fires at a paused job's resume time: the job resumes and its cron trigger comes back.</summary>
internal sealed class ResumeQuartzJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var jobId = long.Parse(context.MergedJobDataMap.GetString(JobScheduleSync.JobIdKey)!, CultureInfo.InvariantCulture);
        await using var scope = scopes.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<JobService>().AutoResumeAsync(jobId, cancellationToken);
    }
}
