using Ops.Domain.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// Quartz fires up to Scheduler:FireBatchSize triggers in one go (so 300 jobs due in one second are not fired ten at a
/// time), while at most Scheduler:MaxConcurrency runs execute at once: the rest wait for a slot and all of them run.
/// </summary>
public sealed class JobRunSlotsTests
{
    [Fact]
    public async Task FiveRunsAtOnce_WithTwoSlots_NeverMoreThanTwoRunTogether_AndAllFiveSucceed()
    {
        await using var host = await SchedulerHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Scheduler:MaxConcurrency"] = "2",
            ["Scheduler:FireBatchSize"] = "50",
        });
        var logIds = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            logIds.Add(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Shell("sleep 0.6", $"slot job {i}"))));
        }

        var runs = new List<JobLog>();
        foreach (var id in logIds)
        {
            runs.Add(await host.WaitForAsync(id, TimeSpan.FromSeconds(30)));
        }

        Assert.All(runs, r => Assert.Equal(JobRunStatus.Success, r.Status));
        // The most runs executing at one moment: at each start, count the runs that had started and not yet ended.
        var most = runs.Max(r => runs.Count(o => o.StartedAt <= r.StartedAt && o.EndedAt > r.StartedAt));
        Assert.Equal(2, most);
    }
}
