using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Simultaneous actions on one task or one application: exactly one counts, on SQLite and MariaDB.</summary>
public sealed class ApprovalConcurrencyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FiftyParallelApprovals_OfOneTask_ExactlyOneSucceeds_AndTheInstanceAdvancesOnce(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var single = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("boss", "老板", ApprovalMode.Single, [AssigneeRule.Users(f.LeaderA.UserId!.Value)]),
             new ApprovalNode("finance", "财务", ApprovalMode.OrSign, [AssigneeRule.Role(f.FinanceRole)]), new EndNode("end")],
            [new ProcessEdge("start", "boss"), new ProcessEdge("boss", "finance"), new ProcessEdge("finance", "end")]);
        await f.PublishAsync("race", single);
        var started = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("race", ApprovalFixture.Application(100))));
        var id = started.Value;
        var task = await f.TaskOfAsync(id, f.LeaderA);

        using var gate = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 50).Select(n => Task.Run(async () =>
        {
            await gate.WaitAsync();
            return await f.Actions(f.LeaderA, s => s.ApproveAsync(new TaskRef(id, task), $"click {n}"));
        })).ToList();
        gate.Release(50);
        var results = await Task.WhenAll(calls);

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => r.IsFailure), r => Assert.Equal(ApprovalErrors.AlreadyHandled, r.Error!.Code));
        var detail = await f.DetailAsync(id);
        Assert.Equal([ApprovalAction.Submit, ApprovalAction.Approve], detail.Timeline.Select(t => t.Action));
        Assert.Equal("finance", detail.CurrentNodeKey);
        Assert.Equal(2, detail.Tasks.Count(t => t.NodeKey == "finance"));
        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal(2, await db.ApprovalRecords.CountAsync(r => r.InstanceId == id));
        Assert.Equal(3, await db.ApprovalTasks.CountAsync(t => t.InstanceId == id));

        // The losers' notices, first in each save's batch, were rolled back with it: one row for the start, one for the approval.
        Assert.Equal(2, await db.ApprovalCallbacks.CountAsync(c => c.InstanceId == id && c.Kind == CallbackKind.Notice));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BothLeadersOfACountersign_ApprovingAtOnce_BothCount_AndTheNextStepStartsOnce(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        for (var round = 0; round < 5; round++)
        {
            var id = await f.StartAsync();
            var a = await f.TaskOfAsync(id, f.LeaderA);
            var b = await f.TaskOfAsync(id, f.LeaderB);
            using var gate = new SemaphoreSlim(0);
            var first = Task.Run(async () => { await gate.WaitAsync(); return await f.Actions(f.LeaderA, s => s.ApproveAsync(new TaskRef(id, a), null)); });
            var second = Task.Run(async () => { await gate.WaitAsync(); return await f.Actions(f.LeaderB, s => s.ApproveAsync(new TaskRef(id, b), null)); });
            gate.Release(2);

            // The one that saved second lost the version race, ran again on the fresh state, and still counts.
            Assert.All(await Task.WhenAll(first, second), r => Assert.True(r.IsSuccess, r.Error?.ToString()));
            var detail = await f.DetailAsync(id);
            Assert.Equal("finance", detail.CurrentNodeKey);
            Assert.Equal(2, detail.Tasks.Count(t => t.NodeKey == "finance"));
            Assert.Equal(2, detail.Timeline.Count(t => t.Action == ApprovalAction.Approve));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WithdrawRacingAnApproval_OnlyOneCounts(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        for (var round = 0; round < 5; round++)
        {
            var id = await f.StartAsync();
            var task = await f.TaskOfAsync(id, f.LeaderA);
            var approve = Task.Run(() => f.Actions(f.LeaderA, s => s.ApproveAsync(new TaskRef(id, task), null)));
            var withdraw = Task.Run(() => f.Actions(f.Applicant, s => s.WithdrawAsync(id, null)));
            var results = await Task.WhenAll(approve, withdraw);

            var detail = await f.DetailAsync(id);
            if (results[1].IsSuccess)
            {
                // The withdrawal won: the approval either lost the race or came too late.
                Assert.True(results[0].IsFailure);
                Assert.Equal(ApprovalStatus.Withdrawn, detail.Status);
                Assert.DoesNotContain(detail.Timeline, t => t.Action == ApprovalAction.Approve);
            }
            else
            {
                Assert.True(results[0].IsSuccess);
                Assert.Contains(results[1].Error!.Code, new[] { ApprovalErrors.AlreadyHandled, ApprovalErrors.WithdrawTooLate });
                Assert.Equal(ApprovalStatus.Pending, detail.Status);
            }
        }
    }
}
