using Microsoft.Extensions.Time.Testing;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// A run's timeout is kept on the runner's clock: with a fake clock the run ends when the clock passes the job's
/// timeout, not after real seconds. (That a timeout also kills the run's processes in real time is
/// <see cref="JobExecutionTests.Shell_Timeout_KillsTheWholeProcessTree_WithinThreeSeconds"/>.)
/// </summary>
public sealed class JobTimeoutTests
{
    [Fact]
    public async Task Http_TimesOut_WhenTheClockPassesTheJobsTimeout()
    {
        await using var target = await HttpTarget.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, configure: s => s.AddSingleton<TimeProvider>(clock));
        var created = await harness.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Http(target.BaseUrl + "/slow", "slow", timeout: 2)));
        Assert.True(created.IsSuccess, created.Error?.ToString());

        await using var scope = harness.Services.CreateSystemScope();
        var run = scope.ServiceProvider.GetRequiredService<JobRunner>().RunAsync(new RunRequest(created.Value, JobTriggerType.Manual, null, null), CancellationToken.None);
        await target.ArrivalOf("/slow").WaitAsync(TimeSpan.FromSeconds(30)); // the call is out, under its timeout

        clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(run.IsCompleted, "timed out before its time");
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var log = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(log);
        Assert.Equal(JobRunStatus.Timeout, log.Status);
        Assert.Equal(2_000, log.DurationMs);
        Assert.Equal(RunTexts.TimedOut(2), log.Error);
    }
}
