using Ops.Domain.Approvals;
using Ops.Infrastructure.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Due times: the timer approves, rejects or reminds as the node says, once, as the system.</summary>
public sealed class ApprovalTimerTests
{
    [Fact]
    public async Task ADueTask_IsAutoApprovedByTheTimer_AndAnotherIsRemindedOncePerDay()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var remind = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("boss", "老板", ApprovalMode.Single, [AssigneeRule.Users(f.LeaderA.UserId!.Value)], DueHours: 2), new EndNode("end")],
            [new ProcessEdge("start", "boss"), new ProcessEdge("boss", "end")]);
        await f.PublishAsync("remind", remind);
        var reminded = (await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("remind", ApprovalFixture.Application(10))))).Value;
        var approved = await f.StartAsync();
        await f.ApproveAsync(approved, f.LeaderA);
        await f.ApproveAsync(approved, f.LeaderB);

        async Task<int> RunAsync() => await f.Harness.AsSystemAsync(sp => sp.GetRequiredService<ApprovalTimers>().RunDueAsync(CancellationToken.None));
        Assert.Equal(0, await RunAsync());

        f.Harness.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await RunAsync());
        Assert.Equal(0, await RunAsync());
        var boss = await f.DetailAsync(reminded);
        Assert.Equal(ApprovalStatus.Pending, boss.Status);
        Assert.Equal(ApprovalAction.Remind, boss.Timeline[^1].Action);

        // The finance step (due in 24 h, auto-approve, or-sign) ends the application as the system: the
        // first due task approves, its rival is cancelled with it. The reminder is not repeated within a day.
        f.Harness.Clock.Advance(TimeSpan.FromHours(22));
        Assert.Equal(1, await RunAsync());
        var done = await f.DetailAsync(approved);
        Assert.Equal(ApprovalStatus.Approved, done.Status);
        Assert.Equal((ApprovalAction.AutoApprove, (long?)null), (done.Timeline[^1].Action, done.Timeline[^1].ActorId));

        Assert.Equal(ApprovalTaskStatus.Cancelled, done.Tasks.Single(t => t.NodeKey == "finance" && t.Status != ApprovalTaskStatus.Approved).Status);

        // A day after the first reminder, the still-open task is reminded again.
        f.Harness.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(1, await RunAsync());
        await f.DrainAsync();
        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal(2, await db.MessageLogs.CountAsync(m => m.TemplateCode == "approval.due_reminder"));
    }
}

/// <summary>The timers are the scheduler's: the portal registers a repeating Quartz trigger for them at start-up, which fires.</summary>
public sealed class ApprovalTimerSchedulingTests
{
    [Fact]
    public async Task ThePortal_SchedulesTheTimerJob_OnItsInterval_AndItRuns()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Approvals:Timers:Interval"] = "00:00:01" });
        _ = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        var key = new Quartz.TriggerKey("approval-timers", ApprovalTimerJob.Key.Group);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        Quartz.ISimpleTrigger? trigger = null;
        while ((trigger?.TimesTriggered ?? 0) < 2 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200);
            trigger = await scheduler.GetTrigger(key) as Quartz.ISimpleTrigger;
        }

        Assert.NotNull(await scheduler.GetJobDetail(ApprovalTimerJob.Key));
        Assert.NotNull(trigger);
        Assert.Equal(TimeSpan.FromSeconds(1), trigger.RepeatInterval);
        Assert.True(trigger.TimesTriggered >= 2, $"fired {trigger.TimesTriggered} times");
    }
}
