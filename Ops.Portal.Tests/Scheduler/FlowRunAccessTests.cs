using Ops.Domain.Auth;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// Rerun, force success and skip start or resume nodes just as run-now does, so they ask what run-now asks: the flow run
/// permission and the rights to run its jobs — the script permission when a node is a shell job.
/// </summary>
public sealed class FlowRunAccessTests
{
    private static readonly string[] RunsFlows =
        [SchedulerPermissions.Flows.View, SchedulerPermissions.Flows.Run, SchedulerPermissions.Jobs.View, SchedulerPermissions.Jobs.Run];

    [Fact]
    public async Task RerunForceAndSkip_OfAShellNode_NeedTheScriptRight()
    {
        await using var host = await SchedulerHost.StartAsync();
        var fails = await host.CreateJobAsync(SchedulerHost.Shell("exit 1", "fails"));
        var flow = (await host.AsSystemAsync(sp => sp.GetRequiredService<IJobFlowService>().CreateAsync(
            new FlowInput("shell flow", null, null, "UTC", true, null, 1, [new FlowNodeInput("fails", fails, 0, 0)], [])))).Value;
        var instance = (await host.AsSystemAsync(sp => sp.GetRequiredService<IFlowRunService>().RunNowAsync(flow))).Value;
        await FlowEngineTests.WaitAsync(host, instance, i => i.Instance.Status == FlowStatus.Failed);
        var runner = await UserAsync(host, "flow.runner", RunsFlows);
        var scripter = await UserAsync(host, "flow.scripter", [.. RunsFlows, SchedulerPermissions.Jobs.Script]);

        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(host, runner, s => s.RerunFromFailedAsync(instance)));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(host, runner, s => s.ForceSuccessAsync(instance, "fails")));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(host, runner, s => s.SkipAsync(instance, "fails")));
        await Assert.ThrowsAsync<ForbiddenException>(() => AsAsync(host, runner, s => s.RunNowAsync(flow)));

        var rerun = await AsAsync(host, scripter, s => s.RerunFromFailedAsync(instance));
        Assert.True(rerun.IsSuccess, rerun.Error?.ToString());
    }

    private static async Task<T> AsAsync<T>(SchedulerHost host, Actor actor, Func<IFlowRunService, Task<T>> call)
    {
        await using var scope = host.Factory.Services.CreateScopeAs(actor);
        return await call(scope.ServiceProvider.GetRequiredService<IFlowRunService>());
    }

    private static Task<Actor> UserAsync(SchedulerHost host, string name, string[] grants) =>
        host.AsSystemAsync(async sp =>
        {
            var roles = sp.GetRequiredService<IRoleService>();
            var role = (await roles.CreateAsync(new(name, name, null, null, 0, true, DataScope.All, [], false))).Value;
            Assert.True((await roles.SetGrantsAsync(role, grants)).IsSuccess);
            var created = await sp.GetRequiredService<IUserService>().CreateAsync(
                new UserInput(name, null, null, null, null, [role], null, [], true, false, false, false), "a long test passphrase");
            Assert.True(created.IsSuccess, created.Error?.ToString());
            return new Actor(created.Value.Id, name, true, false);
        });
}
