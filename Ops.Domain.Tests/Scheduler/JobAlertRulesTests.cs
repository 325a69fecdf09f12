using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;

namespace Ops.Domain.Tests.Scheduler;

public sealed class JobAlertRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static Job Job(bool onFailure = false, bool onTimeout = false, int? afterFailures = null, int? durationSeconds = null) =>
        Ops.Domain.Scheduler.Job.Create(new JobInput(
            "nightly", null, JobType.Http, "0 0 3 * * ?", "UTC", JobConfigJson.Serialize(new HttpJobConfig("GET", "https://example.com/")),
            AlertOnFailure: onFailure, AlertOnTimeout: onTimeout, AlertAfterFailures: afterFailures, AlertDurationSeconds: durationSeconds,
            AlertChannels: [MessageChannel.InApp], AlertRecipients: [1])).Value;

    private static JobLog Run(JobRunStatus status, double seconds = 1, string? error = null)
    {
        var log = new JobLog(1, JobTriggerType.Cron, "trace", "node", T0, null, null, 1, null);
        log.Start(T0, "node");
        log.Finish(status, T0.AddSeconds(seconds), null, error);
        return log;
    }

    [Fact]
    public void FinalFailure_RaisesAFailureAlertAtErrorLevel_WithTheRunsError()
    {
        var raised = Assert.Single(JobAlertRules.Evaluate(Job(onFailure: true), Run(JobRunStatus.Failed, error: "exit 2"), finalAttempt: true, 0));

        Assert.Equal(new JobAlertCondition(JobAlertType.Failure, NotificationLevel.Error, "exit 2"), raised);
    }

    [Fact]
    public void FailureBeforeTheLastRetry_RaisesNothing() =>
        Assert.Empty(JobAlertRules.Evaluate(Job(onFailure: true, onTimeout: true), Run(JobRunStatus.Failed), finalAttempt: false, 0));

    [Fact]
    public void FinalTimeout_RaisesATimeoutAlert_OnlyWhenAsked()
    {
        var raised = Assert.Single(JobAlertRules.Evaluate(Job(onTimeout: true), Run(JobRunStatus.Timeout), finalAttempt: true, 0));

        Assert.Equal(new JobAlertCondition(JobAlertType.Timeout, NotificationLevel.Error, "timeout"), raised);
        Assert.Empty(JobAlertRules.Evaluate(Job(onFailure: true), Run(JobRunStatus.Timeout), finalAttempt: true, 0));
    }

    [Fact]
    public void Success_RaisesNoFailureAlert() =>
        Assert.Empty(JobAlertRules.Evaluate(Job(onFailure: true, onTimeout: true, afterFailures: 1), Run(JobRunStatus.Success), finalAttempt: true, 0));

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void FailureStreak_RaisesOnceWhenItReachesTheThreshold(int streak, bool raises)
    {
        var raised = JobAlertRules.Evaluate(Job(afterFailures: 3), Run(JobRunStatus.Failed), finalAttempt: false, streak);

        Assert.Equal(raises, raised.Any(c => c is { Type: JobAlertType.Threshold, Level: NotificationLevel.Error, Reason: "3 failed runs in a row" }));
    }

    [Fact]
    public void StreakToCount_OnlyForFailedRunsOfJobsWithAThreshold()
    {
        Assert.Equal(3, JobAlertRules.StreakToCount(Job(afterFailures: 3), Run(JobRunStatus.Timeout)));
        Assert.Null(JobAlertRules.StreakToCount(Job(afterFailures: 3), Run(JobRunStatus.Success)));
        Assert.Null(JobAlertRules.StreakToCount(Job(onFailure: true), Run(JobRunStatus.Failed)));
    }

    [Fact]
    public void FailureStreak_CountsFailuresAndTimeoutsUntilTheLatestSuccess() =>
        Assert.Equal(3, JobAlertRules.FailureStreak(
            [JobRunStatus.Failed, JobRunStatus.Timeout, JobRunStatus.Cancelled, JobRunStatus.Failed, JobRunStatus.Success, JobRunStatus.Failed]));

    [Fact]
    public void SlowRun_RaisesAWarning_EvenWhenItSucceeded()
    {
        var raised = Assert.Single(JobAlertRules.Evaluate(Job(durationSeconds: 10), Run(JobRunStatus.Success, seconds: 12.5), finalAttempt: true, 0));

        Assert.Equal(new JobAlertCondition(JobAlertType.Threshold, NotificationLevel.Warning, "ran 12.5 s, over the 10 s limit"), raised);
        Assert.Empty(JobAlertRules.Evaluate(Job(durationSeconds: 10), Run(JobRunStatus.Success, seconds: 10), finalAttempt: true, 0));
    }

    [Fact]
    public void Link_IsTheRunPage() => Assert.Equal("/scheduler/runs/17", JobAlertRules.Link(17));
}
