using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Flows of real shell and HTTP jobs: parallel branches, results passed downstream, cancel, rerun from failed, force success, restart.</summary>
public sealed class FlowEngineTests
{
    [Fact]
    public async Task Diamond_RunsBothBranchesTogether_ThenTheJoin_UnderOneTraceId()
    {
        await using var host = await SchedulerHost.StartAsync();
        var a = await host.CreateJobAsync(SchedulerHost.Shell("echo a", "a"));
        var slow = await host.CreateJobAsync(SchedulerHost.Shell("sleep 1.5", "slow") with { Concurrency = ConcurrencyPolicy.Allow });
        var d = await host.CreateJobAsync(SchedulerHost.Shell("echo d", "d"));
        var flow = await CreateFlowAsync(host, Flow([Node("a", a), Node("b", slow), Node("c", slow), Node("d", d)], [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]));

        var instance = await RunAsync(host, flow);
        var done = await WaitAsync(host, instance, i => i.Instance.Status == FlowStatus.Success);

        var logs = (await host.LogsAsync()).Where(l => l.FlowInstanceId == instance).ToDictionary(l => done.Nodes.Single(n => n.JobLogId == l.Id).Key);
        Assert.Equal(4, logs.Count);
        Assert.All(logs.Values, l => Assert.Equal(done.Instance.TraceId, l.TraceId));
        Assert.All(logs.Values, l => Assert.Equal(JobTriggerType.Flow, l.Trigger));
        Assert.True(logs["b"].StartedAt < logs["c"].EndedAt && logs["c"].StartedAt < logs["b"].EndedAt, "b and c did not overlap");
        Assert.True(logs["d"].StartedAt >= logs["b"].EndedAt && logs["d"].StartedAt >= logs["c"].EndedAt, "d started before its upstream ended");
        Assert.True(logs["b"].StartedAt >= logs["a"].EndedAt);
    }

    [Fact]
    public async Task UpstreamResults_ReachDownstreamJobs_AsParameters()
    {
        await using var target = await HttpTarget.StartAsync();
        await using var host = await SchedulerHost.StartAsync();
        var produce = await host.CreateJobAsync(SchedulerHost.Shell("echo report-2026.csv", "produce"));
        var notify = await host.CreateJobAsync(SchedulerHost.Http(target.BaseUrl + "/ok?file=${file}", "notify"));
        var flow = await CreateFlowAsync(host, Flow([Node("produce", produce), Node("notify", notify) with { Parameters = """{"file":"${nodes.produce.result}"}""" }], [("produce", "notify")]));

        await WaitAsync(host, await RunAsync(host, flow), i => i.Instance.Status == FlowStatus.Success);

        Assert.Contains(target.Hits, h => h.Path == "/ok?file=report-2026.csv");
    }

    [Fact]
    public async Task Cancel_StopsTheRunningNode_AndCancelsTheRest()
    {
        await using var host = await SchedulerHost.StartAsync();
        var sleep = await host.CreateJobAsync(SchedulerHost.Shell("sleep 60", "sleep", timeout: 120));
        var after = await host.CreateJobAsync(SchedulerHost.Shell("echo after", "after"));
        var flow = await CreateFlowAsync(host, Flow([Node("sleep", sleep), Node("after", after)], [("sleep", "after")]));
        var instance = await RunAsync(host, flow);
        await WaitAsync(host, instance, i => i.Nodes.Single(n => n.Key == "sleep").Status == FlowNodeStatus.Running);

        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().CancelAsync(instance))).IsSuccess);
        var cancelled = await WaitAsync(host, instance, i => i.Instance.Status == FlowStatus.Cancelled, TimeSpan.FromSeconds(5));

        Assert.Equal([FlowNodeStatus.Cancelled, FlowNodeStatus.Cancelled], cancelled.Nodes.OrderBy(n => n.Key).Select(n => n.Status));
        var log = (await host.LogsAsync()).Single(l => l.FlowInstanceId == instance);
        Assert.Equal(JobRunStatus.Cancelled, log.Status);
    }

    [Fact]
    public async Task RerunFromFailed_KeepsTheSuccessfulNodes_AndForceSuccess_LetsDownstreamRun()
    {
        var marker = Path.Combine(Path.GetTempPath(), $"ops-flow-{Guid.NewGuid():N}");
        await using var host = await SchedulerHost.StartAsync();
        var first = await host.CreateJobAsync(SchedulerHost.Shell("echo first", "first"));
        var flaky = await host.CreateJobAsync(SchedulerHost.Shell($"if [ -f {marker} ]; then echo ok; else touch {marker}; exit 1; fi", "flaky"));
        var last = await host.CreateJobAsync(SchedulerHost.Shell("echo last", "last"));
        var flow = await CreateFlowAsync(host, Flow([Node("first", first), Node("flaky", flaky), Node("last", last)], [("first", "flaky"), ("flaky", "last")]));

        var failed = await WaitAsync(host, await RunAsync(host, flow), i => i.Instance.IsFinishedStatus());
        Assert.Equal(FlowStatus.Failed, failed.Instance.Status);
        Assert.Equal(FlowNodeStatus.Cancelled, failed.Nodes.Single(n => n.Key == "last").Status);

        var rerun = await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().RerunFromFailedAsync(failed.Instance.Id));
        var second = await WaitAsync(host, rerun.Value, i => i.Instance.IsFinishedStatus());
        Assert.Equal(FlowStatus.Success, second.Instance.Status);
        Assert.Equal(failed.Instance.Id, second.Instance.RerunOf);
        Assert.Equal(failed.Nodes.Single(n => n.Key == "first").JobLogId, second.Nodes.Single(n => n.Key == "first").JobLogId);
        Assert.Single(await host.LogsAsync(), l => l.JobId == first);

        // Force success on the first, failed instance: its cancelled downstream runs and the instance succeeds.
        File.Delete(marker);
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().ForceSuccessAsync(failed.Instance.Id, "flaky"))).IsSuccess);
        var forced = await WaitAsync(host, failed.Instance.Id, i => i.Instance.Status == FlowStatus.Success);
        Assert.True(forced.Nodes.Single(n => n.Key == "flaky").Forced);
        Assert.Equal(FlowNodeStatus.Success, forced.Nodes.Single(n => n.Key == "last").Status);
    }

    [Fact]
    public async Task ARestartMidRun_ResumesTheInstance_RerunningRecoverableNodes_AndFailingTheOthers()
    {
        await using var database = TestDatabase.Create(DatabaseProvider.Sqlite);
        long recoverableInstance, plainInstance;
        await using (var first = await SchedulerHost.StartAsync(database: database))
        {
            var again = await first.CreateJobAsync(SchedulerHost.Shell("sleep 2; echo resumed", "again", recoverable: true) with { Concurrency = ConcurrencyPolicy.Allow });
            var plain = await first.CreateJobAsync(SchedulerHost.Shell("sleep 30", "plain", timeout: 120));
            var then = await first.CreateJobAsync(SchedulerHost.Shell("echo then", "then") with { Concurrency = ConcurrencyPolicy.Allow });
            var recoverableFlow = await CreateFlowAsync(first, Flow([Node("again", again), Node("then", then)], [("again", "then")]));
            var plainFlow = await CreateFlowAsync(first, Flow([Node("plain", plain), Node("then", then)], [("plain", "then")]) with { Name = "plain flow" });
            recoverableInstance = await RunAsync(first, recoverableFlow);
            plainInstance = await RunAsync(first, plainFlow);
            await WaitAsync(first, recoverableInstance, i => i.Nodes.Single(n => n.Key == "again").Status == FlowNodeStatus.Running);
            await WaitAsync(first, plainInstance, i => i.Nodes.Single(n => n.Key == "plain").Status == FlowNodeStatus.Running);
        }

        await using var second = await SchedulerHost.StartAsync(database: database);
        var resumed = await WaitAsync(second, recoverableInstance, i => i.Instance.IsFinishedStatus(), TimeSpan.FromSeconds(20));
        var failed = await WaitAsync(second, plainInstance, i => i.Instance.IsFinishedStatus(), TimeSpan.FromSeconds(20));

        Assert.Equal(FlowStatus.Success, resumed.Instance.Status);
        Assert.Equal(FlowStatus.Failed, failed.Instance.Status);
        Assert.Equal(SchedulerStartupInterrupted, failed.Nodes.Single(n => n.Key == "plain").Error);
    }

    [Fact]
    public async Task BadGraphs_UnknownJobs_AndADeletedJob_AreClearErrors()
    {
        await using var host = await SchedulerHost.StartAsync();
        var a = await host.CreateJobAsync(SchedulerHost.Shell("echo a", "a"));
        var b = await host.CreateJobAsync(SchedulerHost.Shell("echo b", "b"));

        Assert.Equal("scheduler.flow.cycle", (await CreateAsync(host, Flow([Node("a", a), Node("b", b)], [("a", "b"), ("b", "a")]))).Error!.Code);
        Assert.Equal("scheduler.flow.job_missing", (await CreateAsync(host, Flow([Node("a", 999)], []))).Error!.Code);
        Assert.Equal("scheduler.flow.empty", (await CreateAsync(host, Flow([], []))).Error!.Code);
        Assert.Equal("scheduler.flow.dangling_edge", (await CreateAsync(host, Flow([Node("a", a)], [("a", "ghost")]))).Error!.Code);
        Assert.Equal("scheduler.flow.reference_not_upstream", (await CreateAsync(host, Flow([Node("a", a) with { Parameters = """{"x":"${nodes.b.result}"}""" }, Node("b", b)], [("a", "b")]))).Error!.Code);

        var flow = await CreateFlowAsync(host, Flow([Node("a", a), Node("b", b)], [("a", "b")]));
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().DeleteAsync(b))).IsSuccess);
        Assert.Equal("scheduler.flow.job_missing", (await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().RunNowAsync(flow))).Error!.Code);
    }

    [Fact]
    public async Task AFlowWithACron_IsRunByTheScheduler()
    {
        await using var host = await SchedulerHost.StartAsync();
        var job = await host.CreateJobAsync(SchedulerHost.Shell("echo tick", "tick") with { Concurrency = ConcurrencyPolicy.Allow });
        var flow = await CreateFlowAsync(host, Flow([Node("tick", job)], []) with { Cron = "0/2 * * * * ?" });

        using var signal = new BusSignal(host.Events).On<FlowInstanceChanged>(e => e.FlowId == flow);
        var instances = await signal.UntilAsync(
            () => host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().InstancesAsync(new FlowInstanceFilter(flow), new PageRequest())),
            page => page.Items.Count(i => i.Status == FlowStatus.Success) >= 2,
            _ => "the flow's cron did not fire twice",
            TimeSpan.FromSeconds(10));

        Assert.All(instances.Items, i => Assert.Equal(JobTriggerType.Cron, i.Trigger));
    }

    [Fact]
    public async Task SkippingAFailedNode_LetsItsDownstreamRun()
    {
        await using var host = await SchedulerHost.StartAsync();
        var fails = await host.CreateJobAsync(SchedulerHost.Shell("exit 1", "fails"));
        var next = await host.CreateJobAsync(SchedulerHost.Shell("echo next", "next"));
        var flow = await CreateFlowAsync(host, Flow([Node("fails", fails) with { Policy = FailurePolicy.SkipDownstream }, Node("next", next)], [("fails", "next")]));
        var instance = await RunAsync(host, flow);
        var blocked = await WaitAsync(host, instance, i => i.Instance.IsFinishedStatus());
        Assert.Equal(FlowNodeStatus.UpstreamFailed, blocked.Nodes.Single(n => n.Key == "next").Status);

        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().SkipAsync(instance, "fails"))).IsSuccess);
        var done = await WaitAsync(host, instance, i => i.Instance.Status == FlowStatus.Success);

        Assert.Equal(FlowNodeStatus.Skipped, done.Nodes.Single(n => n.Key == "fails").Status);
        Assert.Equal(FlowNodeStatus.Success, done.Nodes.Single(n => n.Key == "next").Status);
    }

    [Fact]
    public async Task Cancel_AlsoStopsANodeWaitingToRetry()
    {
        await using var host = await SchedulerHost.StartAsync();
        var fails = await host.CreateJobAsync(SchedulerHost.Shell("exit 1", "fails") with { RetryCount = 3, RetryIntervalSeconds = 60 });
        var flow = await CreateFlowAsync(host, Flow([Node("fails", fails)], []));
        var instance = await RunAsync(host, flow);
        await host.WaitForLogsAsync(fails, l => l.Count == 1 && l[0].IsFinished, TimeSpan.FromSeconds(10));

        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().CancelAsync(instance))).IsSuccess);
        var cancelled = await WaitAsync(host, instance, i => i.Instance.IsFinishedStatus(), TimeSpan.FromSeconds(5));

        Assert.Equal(FlowStatus.Cancelled, cancelled.Instance.Status);
        Assert.Single(await host.LogsAsync(), l => l.JobId == fails);
    }

    [Fact]
    public async Task SavingOrRunningAFlow_NeedsTheRightsToRunItsJobs()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var job = await harness.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Shell("echo hi", "script")));
        var designer = await harness.RoleAsync("flow-designer", Ops.Domain.Auth.DataScope.All, null,
            Ops.Domain.Auth.SchedulerPermissions.Flows.View, Ops.Domain.Auth.SchedulerPermissions.Flows.Edit, Ops.Domain.Auth.SchedulerPermissions.Flows.Run,
            Ops.Domain.Auth.SchedulerPermissions.Jobs.View);
        harness.CurrentUser.Actor = await harness.UserAsync("flow.designer", null, [designer]);
        var flows = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IJobFlowService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => flows.CreateAsync(Flow([Node("script", job.Value)], [])));
    }

    private static readonly string SchedulerStartupInterrupted = Ops.Infrastructure.Scheduler.SchedulerStartup.Interrupted;

    private static FlowNodeInput Node(string key, long job) => new(key, job, 0, 0);

    private static FlowInput Flow(IReadOnlyList<FlowNodeInput> nodes, IReadOnlyList<(string From, string To)> edges) =>
        new("flow", null, null, "UTC", true, null, 4, nodes, edges.Select(e => new FlowEdgeInput(e.From, e.To)).ToList());

    private static Task<Result<long>> CreateAsync(SchedulerHost host, FlowInput input) =>
        host.AsSystemAsync(sp => sp.GetRequiredService<IJobFlowService>().CreateAsync(input));

    private static async Task<long> CreateFlowAsync(SchedulerHost host, FlowInput input)
    {
        var created = await CreateAsync(host, input);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private static async Task<long> RunAsync(SchedulerHost host, long flow)
    {
        var run = await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().RunNowAsync(flow));
        Assert.True(run.IsSuccess, run.Error?.ToString());
        return run.Value;
    }

    /// <summary>Reads the instance again each time it or one of its runs changes, until the condition holds.</summary>
    internal static async Task<FlowInstanceDetail> WaitAsync(SchedulerHost host, long instance, Func<FlowInstanceDetail, bool> until, TimeSpan? timeout = null)
    {
        using var signal = new BusSignal(host.Events).On<FlowInstanceChanged>(e => e.InstanceId == instance).On<JobRunChanged>();
        return await signal.UntilAsync(
            async () => (await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().GetAsync(instance))).Value,
            until,
            detail => $"instance {instance}: {detail.Instance.Status}; {string.Join(", ", detail.Nodes.Select(n => $"{n.Key}={n.Status}"))}",
            timeout);
    }
}

internal static class FlowInstanceRowExtensions
{
    public static bool IsFinishedStatus(this FlowInstanceRow row) =>
        row.Status is FlowStatus.Success or FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled;
}
