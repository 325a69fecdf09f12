using System.Globalization;
using Ops.Domain.Notifications;

namespace Ops.Domain.Scheduler;

/// <summary>One alert a finished run raises: its type, how serious it is, and the reason it names.</summary>
public sealed record JobAlertCondition(JobAlertType Type, NotificationLevel Level, string Reason);

/// <summary>
/// When a run raises alerts, by the job's settings: a final failed or timed-out attempt, the N-th failure in a row
/// (once per streak: the N+1-th does not raise it again), and a run longer than the limit.
/// </summary>
public static class JobAlertRules
{
    /// <summary>
    /// The streak length the caller must count (<see cref="FailureStreak"/>) before <see cref="Evaluate"/>, or null when
    /// this run cannot complete a streak (no threshold set, or the run did not fail).
    /// </summary>
    public static int? StreakToCount(Job job, JobLog log) =>
        job.AlertAfterFailures is { } streak && IsFailure(log.Status) ? streak : null;

    /// <summary>How many of the latest finished attempts (newest first) failed in a row.</summary>
    public static int FailureStreak(IEnumerable<JobRunStatus> newestFirst) =>
        newestFirst.Where(IsFinished).TakeWhile(s => s != JobRunStatus.Success).Count();

    /// <param name="job">The job's alert settings.</param>
    /// <param name="log">The run that just ended.</param>
    /// <param name="finalAttempt">No retry follows: a failure or time-out is final.</param>
    /// <param name="failureStreak">The count from <see cref="FailureStreak"/> (ignored when <see cref="StreakToCount"/> was null).</param>
    public static IReadOnlyList<JobAlertCondition> Evaluate(Job job, JobLog log, bool finalAttempt, int failureStreak)
    {
        var raised = new List<JobAlertCondition>();
        if (finalAttempt && log.Status == JobRunStatus.Failed && job.AlertOnFailure)
        {
            raised.Add(new(JobAlertType.Failure, NotificationLevel.Error, log.Error ?? "failed"));
        }

        if (finalAttempt && log.Status == JobRunStatus.Timeout && job.AlertOnTimeout)
        {
            raised.Add(new(JobAlertType.Timeout, NotificationLevel.Error, log.Error ?? "timeout"));
        }

        if (StreakToCount(job, log) is { } streak && failureStreak == streak)
        {
            raised.Add(new(JobAlertType.Threshold, NotificationLevel.Error, string.Create(CultureInfo.InvariantCulture, $"{streak} failed runs in a row")));
        }

        // A slow run may still have succeeded: worth a look, not an outage.
        if (job.AlertDurationSeconds is { } limit && log.DurationMs > limit * 1000L)
        {
            raised.Add(new(JobAlertType.Threshold, NotificationLevel.Warning,
                string.Create(CultureInfo.InvariantCulture, $"ran {log.DurationMs / 1000.0:0.#} s, over the {limit} s limit")));
        }

        return raised;
    }

    /// <summary>Where an alert's notice leads: the run that raised it.</summary>
    public static string Link(long logId) => "/scheduler/runs/" + logId.ToString(CultureInfo.InvariantCulture);

    private static bool IsFailure(JobRunStatus status) => status is JobRunStatus.Failed or JobRunStatus.Timeout;

    private static bool IsFinished(JobRunStatus status) => status is JobRunStatus.Success || IsFailure(status);
}
