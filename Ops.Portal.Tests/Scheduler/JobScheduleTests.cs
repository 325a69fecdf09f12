using Ops.Domain.Scheduler;
using Ops.Infrastructure.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Cron triggers fire from the persistent store: on time, not when disabled or paused, after edits, and across restarts.</summary>
public sealed class JobScheduleTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryTwoSeconds_FiresOnScheduleAndLogs_DisabledAndPausedJobsDoNot(DatabaseProvider provider)
    {
        await using var host = await SchedulerHost.StartAsync(provider);
        var firing = await host.CreateJobAsync(SchedulerHost.Shell("echo tick", "firing", cron: "0/2 * * * * ?"));
        var disabled = await host.CreateJobAsync(SchedulerHost.Shell("echo tick", "disabled", cron: "0/2 * * * * ?") with { Enabled = false });
        var paused = await host.CreateJobAsync(SchedulerHost.Shell("echo tick", "paused", cron: "0/2 * * * * ?"));
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().PauseAsync(paused, null))).IsSuccess);

        var runs = await host.WaitForLogsAsync(firing, l => l.Count(r => r.Status == JobRunStatus.Success) >= 2, TimeSpan.FromSeconds(10));

        Assert.All(runs, r => Assert.Equal(JobTriggerType.Cron, r.Trigger));
        Assert.All(runs, r => Assert.Equal(0, r.ScheduledAt!.Value.Second % 2));
        Assert.All(runs.Where(r => r.StartedAt is not null), r => Assert.True(r.StartedAt!.Value - r.ScheduledAt!.Value < TimeSpan.FromSeconds(1.5)));
        var all = await host.LogsAsync();
        Assert.DoesNotContain(all, l => l.JobId == disabled || l.JobId == paused);
    }

    [Fact]
    public async Task EditingTheCron_MovesTheNextFire_AndAPauseWithAResumeTime_ResumesByItself()
    {
        await using var host = await SchedulerHost.StartAsync();
        var id = await host.CreateJobAsync(SchedulerHost.Shell("echo tick", cron: "0 0 3 * * ?"));
        var before = await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().GetAsync(id));
        Assert.Equal(3, before.Value.NextFireAt!.Value.UtcDateTime.Hour);

        var input = before.Value.Input with { Cron = "0/2 * * * * ?" };
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().UpdateAsync(id, input, before.Value.Version))).IsSuccess);
        var after = await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().GetAsync(id));
        Assert.True(after.Value.NextFireAt!.Value - DateTimeOffset.UtcNow < TimeSpan.FromSeconds(3));
        await host.WaitForLogsAsync(id, l => l.Count >= 1, TimeSpan.FromSeconds(6));

        // The pause spans at least one fire of the two-second cron; no run may be due inside it. Its resume time ends it
        // by itself: the next run is awaited, not slept for, and the log tells whether anything fired meanwhile.
        var pausedAt = DateTimeOffset.UtcNow;
        var resumeAt = pausedAt.AddSeconds(2.5);
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().PauseAsync(id, resumeAt))).IsSuccess);
        var answeredAt = DateTimeOffset.UtcNow;
        var runs = await host.WaitForLogsAsync(id, l => l.Any(r => r.ScheduledAt >= resumeAt), TimeSpan.FromSeconds(8));

        Assert.DoesNotContain(runs, r => r.ScheduledAt > answeredAt && r.ScheduledAt < resumeAt);
        Assert.Contains(runs, r => r.ScheduledAt >= resumeAt && r.Trigger == JobTriggerType.Cron);
        var resumed = (await host.JobsAsync()).Single(j => j.Id == id);
        Assert.False(resumed.IsPaused);
    }

    [Fact]
    public async Task Schedules_SurviveARestart_AndARunInterruptedByTheStop_IsMarkedAtTheNextStart()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        long cronJob, longJob, interrupted;
        await using (var first = await SchedulerHost.StartAsync(database: database))
        {
            cronJob = await first.CreateJobAsync(SchedulerHost.Shell("echo tick", "cron", cron: "0/2 * * * * ?") with { Enabled = false });
            longJob = await first.CreateJobAsync(SchedulerHost.Shell("sleep 120", "long", timeout: 600, recoverable: true));
            interrupted = await first.RunNowAsync(longJob);
            await first.WaitForAsync(interrupted, until: l => l.Status == JobRunStatus.Running);
            Assert.True((await first.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().SetEnabledAsync([cronJob], true))).IsSuccess);
        }

        await using var second = await SchedulerHost.StartAsync(database: database);
        var marked = await second.WaitForAsync(interrupted, TimeSpan.FromSeconds(10));
        Assert.Equal(JobRunStatus.Failed, marked.Status);
        Assert.Equal(SchedulerStartup.InterruptedUnseen, marked.Error); // the stop ended its processes

        // The recoverable job runs again, linked to the interrupted attempt; the cron job fires without being touched.
        var rerun = await second.WaitForLogsAsync(longJob, l => l.Count == 2 && l[1].Status == JobRunStatus.Running, TimeSpan.FromSeconds(10));
        Assert.Equal(interrupted, rerun[1].FirstAttemptId);
        Assert.Equal(JobTriggerType.Retry, rerun[1].Trigger);
        await second.WaitForLogsAsync(cronJob, l => l.Any(r => r.Status == JobRunStatus.Success), TimeSpan.FromSeconds(8));
        Assert.True((await second.StopAsync(rerun[1].Id)).IsSuccess);
        await second.WaitForAsync(rerun[1].Id);
    }
}
