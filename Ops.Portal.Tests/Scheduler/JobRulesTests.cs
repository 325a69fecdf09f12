using Ops.Domain.Auth;
using Ops.Domain.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Bad job input is refused with a clear code and saves nothing; code-running jobs need their own permission; data scopes apply.</summary>
public sealed class JobRulesTests
{
    [Fact]
    public async Task BadInput_IsRefused_WithItsOwnError_AndNothingIsSaved()
    {
        await using var host = await SchedulerHost.StartAsync();
        var http = SchedulerHost.Http("http://127.0.0.1:1/x");
        var cases = new (JobInput Input, string Code)[]
        {
            (http with { Cron = "0 0 25 * * ?" }, "scheduler.job.cron_invalid.hour"),
            (http with { Cron = "every day" }, "scheduler.job.cron_invalid.fields"),
            (http with { TimeZone = "Mars/Olympus" }, "scheduler.job.timezone_invalid"),
            (http with { Config = JobConfigJson.Serialize(new HttpJobConfig("GET", "ftp://files/x")) }, "scheduler.job.url_invalid"),
            (http with { Config = JobConfigJson.Serialize(new HttpJobConfig("FETCH", "http://x")) }, "scheduler.job.http_method_invalid"),
            (http with { Config = JobConfigJson.Serialize(new HttpJobConfig("GET", "http://x", ExpectedStatus: "2xx")) }, "scheduler.job.expected_status_invalid"),
            (http with { Config = "{not json" }, "scheduler.job.config_invalid"),
            (http with { Type = (JobType)42 }, "scheduler.job.type_invalid"),
            (http with { Name = "" }, "common.required"),
            (http with { RetryCount = 11 }, "scheduler.job.retry_count_invalid"),
            (http with { TimeoutSeconds = 0 }, "scheduler.job.timeout_invalid"),
            (http with { AlertOnFailure = true }, "scheduler.job.alert_target_required"),
            (http with { Type = JobType.Sql, Config = JobConfigJson.Serialize(new SqlJobConfig(999, "SELECT 1")) }, "scheduler.job.datasource_missing"),
            (SchedulerHost.Shell(new string('x', JobConfigJson.ScriptMaxLength + 1)), "scheduler.job.script_too_long"),
            (SchedulerHost.Shell("   "), "common.required"),
        };

        foreach (var (input, code) in cases)
        {
            var result = await host.CreateAsync(input);
            Assert.True(result.IsFailure, $"{code} was accepted");
            Assert.Equal(code, result.Error!.Code);
        }

        Assert.Empty(await host.JobsAsync());
        var preview = await host.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<IJobService>().Preview("0 30 9 ? * MON-FRI", "Asia/Shanghai")));
        Assert.True(preview.Valid);
        Assert.Equal(10, preview.NextFireTimes.Count);
        Assert.All(preview.NextFireTimes, t => Assert.Equal((9, 30, 8), (t.Hour, t.Minute, t.Offset.Hours)));
        Assert.False((await host.AsSystemAsync(sp => Task.FromResult(sp.GetRequiredService<IJobService>().Preview("0 61 * * * ?", "UTC")))).Valid);
    }

    [Fact]
    public async Task ShellAndPythonJobs_NeedTheScriptPermission_AndDataScopesHideOtherDepartmentsJobs()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var ops = await harness.DepartmentAsync("ops");
        var sales = await harness.DepartmentAsync("sales");
        var editor = await harness.RoleAsync("job-editor", DataScope.Department, null,
            SchedulerPermissions.Jobs.View, SchedulerPermissions.Jobs.Create, SchedulerPermissions.Jobs.Run);
        var user = await harness.UserAsync("ops.editor", ops, [editor]);
        var salesJob = await harness.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Http("http://127.0.0.1:1/s", "sales job") with { DepartmentId = sales }));
        Assert.True(salesJob.IsSuccess, salesJob.Error?.ToString());
        harness.CurrentUser.Actor = user;
        var jobs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IJobService>();

        var http = await jobs.CreateAsync(SchedulerHost.Http("http://127.0.0.1:1/o", "ops job") with { DepartmentId = ops });
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.CreateAsync(SchedulerHost.Shell("echo hi")));
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.CreateAsync(SchedulerHost.Python("print(1)")));
        await Assert.ThrowsAsync<ForbiddenException>(() => jobs.DeleteAsync(http.Value));

        Assert.True(http.IsSuccess, http.Error?.ToString());
        var visible = await jobs.ListAsync(new JobFilter(), new PageRequest());
        Assert.Equal(["ops job"], visible.Items.Select(j => j.Name));
        Assert.Equal("scheduler.job.not_found", (await jobs.GetAsync(salesJob.Value)).Error!.Code);
        Assert.Equal("scheduler.job.not_found", (await harness.Services.CreateScope().ServiceProvider.GetRequiredService<IJobRunService>().RunNowAsync(salesJob.Value)).Error!.Code);
    }
}
