using System.Globalization;
using System.Text.RegularExpressions;
using Ops.Domain.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Each job type really runs: HTTP against a local server, bash and Python as child processes, with timeouts, stop and retries.</summary>
public sealed partial class JobExecutionTests
{
    [Fact]
    public async Task Http_Succeeds_AndFailsOnAnUnexpectedStatus()
    {
        await using var target = await HttpTarget.StartAsync();
        await using var host = await SchedulerHost.StartAsync();

        var ok = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Http(target.BaseUrl + "/ok"))));
        var unexpected = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Http(target.BaseUrl + "/status/503", "503"))));

        Assert.Equal(JobRunStatus.Success, ok.Status);
        Assert.Contains("HTTP 200", ok.Result, StringComparison.Ordinal);
        Assert.Contains("pong 你好", ok.Result, StringComparison.Ordinal);
        Assert.Contains(target.Hits, h => h.Path == "/ok" && h.TraceHeader == ok.TraceId);
        Assert.Equal(JobRunStatus.Failed, unexpected.Status);
        Assert.Contains("HTTP 503", unexpected.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_ToAClosedPort_FailsWithACodeShownInTheViewersLanguage_NotTheSystemsEnglish()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var host = await SchedulerHost.StartAsync();

        var run = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Http($"http://127.0.0.1:{port}/down"))));

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.True(Ops.Domain.Common.StoredText.TryDecode(run.Error, out var text), run.Error);
        Assert.Equal("job.run.error.http_connect", text.Code);
    }

    [Fact]
    public async Task Shell_EchoSucceeds_AndANonZeroExitFails_WithItsOutput()
    {
        await using var host = await SchedulerHost.StartAsync();

        var echo = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Shell("echo \"hello $OPS_PARAM_WHO\"")), "{\"who\":\"运维\"}"));
        var exit = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Shell("echo about to fail; echo oops >&2; exit 3", "fails"))));

        Assert.Equal(JobRunStatus.Success, echo.Status);
        Assert.Contains("hello 运维", echo.Result, StringComparison.Ordinal);
        Assert.Equal(JobRunStatus.Failed, exit.Status);
        Assert.Contains("Exit code 3", exit.Error, StringComparison.Ordinal);
        Assert.Contains("oops", exit.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shell_DoesNotSeeThePortalsEnvironment()
    {
        Environment.SetEnvironmentVariable("OPS_TEST_PORTAL_SECRET", "do-not-leak");
        await using var host = await SchedulerHost.StartAsync();

        var run = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Shell("echo \"[$OPS_TEST_PORTAL_SECRET][$ConnectionStrings__Ops]\""))));

        Assert.Equal(JobRunStatus.Success, run.Status);
        Assert.Contains("[][]", run.Result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shell_Timeout_KillsTheWholeProcessTree_SoonAfterTheTimeout()
    {
        await using var host = await SchedulerHost.StartAsync();
        var job = await host.CreateJobAsync(SchedulerHost.Shell("sleep 300 &\necho \"child:$!\"\nsleep 60", timeout: 2));

        var run = await host.WaitForAsync(await host.RunNowAsync(job), TimeSpan.FromSeconds(10));

        Assert.Equal(JobRunStatus.Timeout, run.Status);
        // The script would run 60 s; it ends at its 2 s timeout plus the kill's grace (a loaded 2-core CI machine adds some).
        Assert.InRange((run.EndedAt - run.StartedAt)!.Value.TotalSeconds, 1.9, 4.5);
        var child = int.Parse(ChildPid().Match(run.Result!).Groups[1].Value, CultureInfo.InvariantCulture);
        await AssertGoneAsync(child);
    }

    [Fact]
    public async Task Stop_CancelsARunningJob_WithinTwoSeconds_AndKillsItsProcesses()
    {
        await using var host = await SchedulerHost.StartAsync();
        var job = await host.CreateJobAsync(SchedulerHost.Shell("sleep 300 &\necho \"child:$!\"\nsleep 120", timeout: 600));
        using var output = host.WatchOutput();
        var logId = await host.RunNowAsync(job);
        var running = await host.WaitForAsync(logId, until: l => l.Status == JobRunStatus.Running && l.StartedAt is not null);
        await output.WaitForAsync(logId, "child:"); // the script is past starting its child: that child must die too

        var asked = DateTimeOffset.UtcNow;
        Assert.True((await host.StopAsync(logId)).IsSuccess);
        var stopped = await host.WaitForAsync(logId, TimeSpan.FromSeconds(5));

        Assert.Equal(JobRunStatus.Running, running.Status);
        Assert.Equal(JobRunStatus.Cancelled, stopped.Status);
        Assert.True(stopped.EndedAt!.Value - asked < TimeSpan.FromSeconds(2), $"stopped after {(stopped.EndedAt!.Value - asked).TotalMilliseconds} ms");
        await AssertGoneAsync(int.Parse(ChildPid().Match(stopped.Result!).Groups[1].Value, CultureInfo.InvariantCulture));
        Assert.Equal("scheduler.run.not_running", (await host.StopAsync(logId)).Error!.Code);
    }

    [Fact]
    public async Task Python_Prints_AndAnExceptionFailsWithItsTraceback()
    {
        await using var host = await SchedulerHost.StartAsync();

        var prints = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Python("import sys\nprint('你好', sys.version_info[0])"))));
        var raises = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Python("print('before')\nraise ValueError('boom')", "raises"))));

        Assert.Equal(JobRunStatus.Success, prints.Status);
        Assert.Contains("你好 3", prints.Result, StringComparison.Ordinal);
        Assert.Equal(JobRunStatus.Failed, raises.Status);
        Assert.Contains("Traceback", raises.Result, StringComparison.Ordinal);
        Assert.Contains("ValueError: boom", raises.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_FailsTwiceThenSucceeds_ThreeLinkedRuns_IntervalRespected()
    {
        await using var target = await HttpTarget.StartAsync();
        target.FailFirst = 2;
        await using var host = await SchedulerHost.StartAsync();
        var job = await host.CreateJobAsync(SchedulerHost.Http(target.BaseUrl + "/flaky", retries: 3, retryInterval: 1));

        var first = await host.RunNowAsync(job);
        var runs = await host.WaitForLogsAsync(job, l => l.Count == 3 && l.All(r => r.IsFinished), TimeSpan.FromSeconds(30));

        Assert.Equal([JobRunStatus.Failed, JobRunStatus.Failed, JobRunStatus.Success], runs.Select(r => r.Status));
        Assert.Equal([JobTriggerType.Manual, JobTriggerType.Retry, JobTriggerType.Retry], runs.Select(r => r.Trigger));
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.Equal(first, runs[0].Id);
        Assert.All(runs.Skip(1), r => Assert.Equal(first, r.FirstAttemptId));
        for (var i = 1; i < runs.Count; i++)
        {
            Assert.True(runs[i].StartedAt!.Value - runs[i - 1].EndedAt!.Value >= TimeSpan.FromMilliseconds(950), "the retry interval was not respected");
        }

        Assert.Equal(3, target.Hits.Count(h => h.Path == "/flaky"));
        var chart = await host.AsSystemAsync(sp => sp.GetRequiredService<IJobRunService>().RecentAsync(job, new JobLogFilter(), 200));
        Assert.Equal(runs.Select(r => r.Id).Reverse(), chart.Select(r => r.Id));
        Assert.All(chart, r => Assert.Null(r.Result));
        Assert.Equal(2, (await host.AsSystemAsync(sp => sp.GetRequiredService<IJobRunService>().RecentAsync(job, new JobLogFilter(JobRunStatus.Failed), 200))).Count);
    }

    [Fact]
    public async Task ForbiddenOverlap_LogsTheSecondFireAsSkipped_AndAllowedOverlapRunsBoth()
    {
        await using var host = await SchedulerHost.StartAsync();
        var forbid = await host.CreateJobAsync(SchedulerHost.Shell("sleep 3", "forbid"));
        var allow = await host.CreateJobAsync(SchedulerHost.Shell("sleep 3", "allow", concurrency: ConcurrencyPolicy.Allow));

        var first = await host.RunNowAsync(forbid);
        await host.WaitForAsync(first, until: l => l.Status == JobRunStatus.Running);
        var second = await host.WaitForAsync(await host.RunNowAsync(forbid));
        var a = await host.RunNowAsync(allow);
        await host.WaitForAsync(a, until: l => l.Status == JobRunStatus.Running);
        var b = await host.WaitForAsync(await host.RunNowAsync(allow), until: l => l.Status != JobRunStatus.Pending);

        Assert.Equal(JobRunStatus.Skipped, second.Status);
        Assert.Equal(JobRunStatus.Success, (await host.WaitForAsync(first)).Status);
        Assert.Equal(JobRunStatus.Running, b.Status);
    }

    [Fact]
    public async Task FastOutput_ReachesTheLiveViewInBatches_WithEveryLine()
    {
        await using var host = await SchedulerHost.StartAsync();
        var events = host.Factory.Services.GetRequiredService<Ops.Infrastructure.Common.IEventBus>();
        var batches = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var subscription = events.Subscribe<JobOutputAppended>(e =>
        {
            batches.Enqueue(e.Line);
            return Task.CompletedTask;
        });

        var run = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(SchedulerHost.Shell("seq 1 20000", "chatty"))));

        Assert.Equal(JobRunStatus.Success, run.Status);
        var lines = string.Join('\n', batches).Split('\n');
        Assert.Equal(Enumerable.Range(1, 20000).Select(i => i.ToString(CultureInfo.InvariantCulture)), lines);
        Assert.InRange(batches.Count, 1, 200);
    }

    private static async Task AssertGoneAsync(int pid)
    {
        for (var i = 0; i < 20 && Directory.Exists($"/proc/{pid}"); i++)
        {
            await Task.Delay(100);
        }

        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal),
            $"process {pid} survived");
    }

    [GeneratedRegex(@"child:(\d+)")]
    private static partial Regex ChildPid();
}
