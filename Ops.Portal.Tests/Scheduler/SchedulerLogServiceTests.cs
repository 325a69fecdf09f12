using Ops.Domain.Auth;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// The scheduling log across all jobs: filters by job, status, trigger and time, server-side paging and sorting, the job
/// list's data scope (runs of jobs outside it are neither listed, exported nor cleared), and clearing that keeps what is
/// still running or pointed at.
/// </summary>
public sealed class SchedulerLogServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly string[] ViewsLogs = [SchedulerPermissions.Logs.View, SchedulerPermissions.Logs.Export, SchedulerPermissions.Logs.Clear];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_FiltersByJobStatusTriggerAndTime_AndPagesOnTheServer(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var start = harness.Clock.Now;
        var (backup, report) = (await JobAsync(harness, "nightly backup", null), await JobAsync(harness, "daily report", null));
        for (var i = 0; i < 12; i++)
        {
            await RunAsync(harness, backup, start.AddHours(-i), i % 3 == 0 ? JobRunStatus.Failed : JobRunStatus.Success, i % 2 == 0 ? JobTriggerType.Cron : JobTriggerType.Manual);
        }

        await RunAsync(harness, report, start.AddDays(-3), JobRunStatus.Success, JobTriggerType.Cron);
        harness.CurrentUser.Actor = Actor.System;
        var logs = Service(harness);

        var all = await logs.QueryAsync(new(), new PageRequest { PageSize = 5 });
        Assert.Equal((13, 5), (all.TotalCount, all.Items.Count));
        Assert.Equal(all.Items.Select(r => r.Id).OrderDescending(), all.Items.Select(r => r.Id));
        Assert.Equal(["daily report", "nightly backup"], all.Items.Take(2).Select(r => r.JobName)); // the report's run was recorded last

        var third = await logs.QueryAsync(new(), new PageRequest { Page = 2, PageSize = 5 });
        Assert.Equal(3, third.Items.Count);

        var ofReport = await logs.QueryAsync(new(JobId: report), new PageRequest());
        Assert.Equal("daily report", Assert.Single(ofReport.Items).JobName);

        var failedCron = await logs.QueryAsync(new(Status: JobRunStatus.Failed, Trigger: JobTriggerType.Cron), new PageRequest());
        Assert.Equal(2, failedCron.TotalCount); // hours 0 and 6
        Assert.All(failedCron.Items, r => Assert.Equal((JobRunStatus.Failed, JobTriggerType.Cron), (r.Status, r.Trigger)));

        var lastFiveHours = await logs.QueryAsync(new(From: start.AddHours(-4.5), To: start.AddMinutes(1)), new PageRequest());
        Assert.Equal(5, lastFiveHours.TotalCount);

        var longestFirst = await logs.QueryAsync(new(), new PageRequest { Sort = [new SortSpec("durationMs", SortDirection.Descending)] });
        Assert.Equal(longestFirst.Items.Select(r => r.DurationMs).OrderDescending(), longestFirst.Items.Select(r => r.DurationMs));

        Assert.Equal(["daily report"], (await logs.ListJobsAsync("report")).Select(j => j.Name));
        Assert.Equal(["nightly backup"], (await logs.ListJobsAsync(null, id: backup)).Select(j => j.Name));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunsOfJobsOutsideTheDataScope_AreNotListedExportedOrCleared(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var (ops, sales) = (await harness.DepartmentAsync("OPS"), await harness.DepartmentAsync("SALES"));
        var (mine, theirs) = (await JobAsync(harness, "ops job", ops), await JobAsync(harness, "sales job", sales));
        var old = harness.Clock.Now.AddDays(-40);
        var myRun = await RunAsync(harness, mine, old, JobRunStatus.Success, JobTriggerType.Cron);
        var theirRun = await RunAsync(harness, theirs, old, JobRunStatus.Failed, JobTriggerType.Cron);
        var role = await harness.RoleAsync("ops.logs", DataScope.Department, null, ViewsLogs);
        harness.CurrentUser.Actor = await harness.UserAsync("ops.viewer", ops, [role]);
        var logs = Service(harness);

        var page = await logs.QueryAsync(new(), new PageRequest());
        Assert.Equal("ops job", Assert.Single(page.Items).JobName);
        Assert.Empty((await logs.QueryAsync(new(JobId: theirs), new PageRequest())).Items);
        Assert.Equal(["ops job"], (await logs.ListJobsAsync(null)).Select(j => j.Name));
        var exported = ExcelExchange.Import(new MemoryStream(await logs.ExportAsync(new())), (cells, _) => Result<IReadOnlyDictionary<string, string?>>.Success(cells)).Rows;
        Assert.Equal("ops job", Assert.Single(exported).First(c => c.Key is "Job" or "任务").Value);

        // A reader of the log opens the runs it lists (without the job list's right), and only those.
        var runs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IJobRunService>();
        Assert.Equal(mine, (await runs.GetLogAsync(myRun)).Value.JobId);
        Assert.Equal("scheduler.run.not_found", (await runs.GetLogAsync(theirRun)).Error!.Code);

        Assert.Equal(1, (await logs.ClearAsync(harness.Clock.Now.AddDays(-30))).Value);
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal([theirRun], await db.JobLogs.Select(l => l.Id).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clear_RemovesOldFinishedRuns_KeepsRecentRunningAndAlertedOnes(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var job = await JobAsync(harness, "cleaned", null);
        var other = await JobAsync(harness, "other", null);
        var now = harness.Clock.Now;
        var oldOk = await RunAsync(harness, job, now.AddDays(-40), JobRunStatus.Success, JobTriggerType.Cron);
        var oldAlerted = await RunAsync(harness, job, now.AddDays(-40), JobRunStatus.Failed, JobTriggerType.Cron);
        var oldRunning = await RunAsync(harness, job, now.AddDays(-40), JobRunStatus.Running, JobTriggerType.Cron);
        var recent = await RunAsync(harness, job, now.AddDays(-2), JobRunStatus.Success, JobTriggerType.Cron);
        var otherOld = await RunAsync(harness, other, now.AddDays(-40), JobRunStatus.Success, JobTriggerType.Cron);
        await using (var db = await harness.CreateDbContextAsync())
        {
            db.JobAlerts.Add(new JobAlert(job, oldAlerted, JobAlertType.Failure, "t", "c", "InApp", now));
            await db.SaveChangesAsync();
        }

        harness.CurrentUser.Actor = Actor.System;
        var removed = await Service(harness).ClearAsync(now.AddDays(-30), job);

        Assert.Equal(1, removed.Value);
        await using var after = await harness.CreateDbContextAsync();
        Assert.Equal([oldAlerted, oldRunning, recent, otherOld], await after.JobLogs.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync());
        Assert.DoesNotContain(oldOk, await after.JobLogs.Select(l => l.Id).ToListAsync());
    }

    [Fact]
    public async Task ACallerWithoutTheLogPermissions_IsRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var role = await harness.RoleAsync("jobs.only", DataScope.All, null, SchedulerPermissions.Jobs.View, SchedulerPermissions.Logs.View);
        harness.CurrentUser.Actor = await harness.UserAsync("jobs.viewer", null, [role]);
        var logs = Service(harness);

        await logs.QueryAsync(new(), new PageRequest());
        await Assert.ThrowsAsync<ForbiddenException>(() => logs.ExportAsync(new()));
        await Assert.ThrowsAsync<ForbiddenException>(() => logs.ClearAsync(harness.Clock.Now));
    }

    private static ISchedulerLogService Service(InfrastructureHarness harness) =>
        harness.Services.CreateScope().ServiceProvider.GetRequiredService<ISchedulerLogService>();

    private static async Task<long> JobAsync(InfrastructureHarness harness, string name, long? department)
    {
        await using var db = await harness.CreateDbContextAsync();
        var config = JobConfigJson.Serialize(new HttpJobConfig("GET", "https://example.com/"));
        var job = Job.Create(new JobInput(name, null, JobType.Http, "0 0 3 * * ?", "UTC", config, DepartmentId: department)).Value;
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    private static async Task<long> RunAsync(InfrastructureHarness harness, long jobId, DateTimeOffset startedAt, JobRunStatus status, JobTriggerType trigger)
    {
        await using var db = await harness.CreateDbContextAsync();
        var log = new JobLog(jobId, trigger, Guid.NewGuid().ToString("N"), "node-1", startedAt, null, null, 1, null);
        log.Start(startedAt, "node-1");
        if (status != JobRunStatus.Running)
        {
            log.Finish(status, startedAt.AddSeconds(startedAt.Hour + 1), null, status == JobRunStatus.Failed ? "boom" : null);
        }

        db.JobLogs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    }
}
