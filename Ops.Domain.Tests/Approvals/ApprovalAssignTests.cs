using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Transfer, delegate, add before / after and remove, in every mode (node "a": users 1 and 2, or 1 alone in single mode).</summary>
public sealed class ApprovalAssignTests
{
    public static TheoryData<ApprovalMode> Modes => new(Enum.GetValues<ApprovalMode>());

    /// <summary>What the node does once user 1's part is approved.</summary>
    private static void AssertFirstPartApproved(ApprovalInstance instance, ApprovalMode mode)
    {
        var (holders, node) = mode switch
        {
            ApprovalMode.Countersign or ApprovalMode.Sequential => (new[] { 2L }, "a"),
            _ => (new[] { 9L }, "b"),
        };
        Assert.Equal(holders, instance.Holders());
        Assert.Equal(node, instance.CurrentNodeKey);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Transfer_HandsTheTaskOver_AndTheNewHolderDecides(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);

        var outcome = Ok(instance.Transfer(task, 1, 5, "you know this", T0.AddMinutes(1), new FakeOrg().Context));

        Assert.Equal(5, Assert.Single(outcome.ActivatedTasks).AssigneeId);
        Assert.Equal(new ApprovalNotice(5, ApprovalNoticeKind.TaskAssigned, task), Assert.Single(outcome.Notices));
        var record = instance.Records.Last();
        Assert.Equal((ApprovalAction.Transfer, 1L, 5L, task), (record.Action, record.ActorId!.Value, record.TargetUserId!.Value, record.TaskNumber!.Value));
        Fails(instance.Approve(task, 1, null, T0, new FakeOrg().Context), ApprovalErrors.NotYours);

        instance.Approve(5);

        AssertFirstPartApproved(instance, mode);
    }

    [Fact]
    public void Transfer_ToSomeoneAway_GoesToTheirDelegate_OnTheirBehalf()
    {
        var org = new FakeOrg { Away = { [5] = 55 } };
        var instance = Submitted(Mode(ApprovalMode.Single), org);

        Ok(instance.Transfer(instance.TaskOf(1), 1, 5, null, T0, org.Context));

        var task = instance.PendingTasks.Single();
        Assert.Equal((55L, 5L), (task.AssigneeId, task.OnBehalfOfId!.Value));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Delegate_LetsAnotherDecide_OnBehalfOfTheOwner(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);

        Ok(instance.Delegate(task, 1, 6, "on leave", T0.AddMinutes(1)));

        var delegated = instance.Tasks.Single(t => t.Number == task);
        Assert.Equal((6L, 1L), (delegated.AssigneeId, delegated.OnBehalfOfId!.Value));
        Assert.Equal((ApprovalAction.Delegate, 6L), (instance.Records.Last().Action, instance.Records.Last().TargetUserId!.Value));

        instance.Approve(6);

        var approval = instance.Records.Single(r => r.Action == ApprovalAction.Approve);
        Assert.Equal((6L, 1L), (approval.ActorId!.Value, approval.OnBehalfOfId!.Value));
        AssertFirstPartApproved(instance, mode);
    }

    [Fact]
    public void Delegate_TheOwnerMayStillAct_AndGivingItBackEndsTheDelegation()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        var task = instance.TaskOf(1);
        Ok(instance.Delegate(task, 1, 6, null, T0));
        Ok(instance.Delegate(task, 6, 1, null, T0));

        Assert.Null(instance.Tasks.Single(t => t.Number == task).OnBehalfOfId);
        Ok(instance.Delegate(task, 1, 6, null, T0));
        Ok(instance.Approve(task, 1, "back early", T0, new FakeOrg().Context));

        var approval = instance.Records.Single(r => r.Action == ApprovalAction.Approve);
        Assert.Equal(1L, approval.ActorId);
        Assert.Null(approval.OnBehalfOfId);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void AddBefore_TheAddedDecidesFirst_ThenTheAdderAgain(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);

        var outcome = Ok(instance.AddApprover(task, 1, 8, AddPosition.Before, "expert view", T0, new FakeOrg().Context));

        Assert.Equal(8, Assert.Single(outcome.ActivatedTasks).AssigneeId);
        Assert.Equal(ApprovalTaskStatus.Waiting, instance.Tasks.Single(t => t.Number == task).Status);
        Assert.Equal((ApprovalAction.AddBefore, 8L), (instance.Records.Last().Action, instance.Records.Last().TargetUserId!.Value));
        Fails(instance.Approve(task, 1, null, T0, new FakeOrg().Context), ApprovalErrors.TaskWaiting);

        var resumed = instance.Approve(8);

        Assert.Equal(task, Assert.Single(resumed.ActivatedTasks).Number);
        Assert.Equal("a", instance.CurrentNodeKey);
        instance.Approve(1);
        AssertFirstPartApproved(instance, mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void AddAfter_TheAdderApprovesNow_AndTheNodeWaitsForTheAdded(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);

        var outcome = Ok(instance.AddApprover(task, 1, 8, AddPosition.After, "and legal", T0, new FakeOrg().Context));

        Assert.Equal(8, Assert.Single(outcome.ActivatedTasks).AssigneeId);
        Assert.Equal(ApprovalTaskStatus.Approved, instance.Tasks.Single(t => t.Number == task).Status);
        Assert.Equal("a", instance.CurrentNodeKey);
        Assert.Equal(mode == ApprovalMode.OrSign ? 1 : 0, outcome.CancelledTasks.Count);
        Assert.Equal(mode == ApprovalMode.Countersign ? [2L, 8L] : [8L], instance.Holders());

        instance.Approve(8);

        AssertFirstPartApproved(instance, mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RemoveAddedBefore_CancelsIt_AndResumesTheAdder(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);
        Ok(instance.AddApprover(task, 1, 8, AddPosition.Before, null, T0, new FakeOrg().Context));
        var added = instance.TaskOf(8);

        var outcome = Ok(instance.RemoveAddedApprover(added, 1, "not needed", T0, new FakeOrg().Context));

        Assert.Equal(added, Assert.Single(outcome.CancelledTasks).Number);
        Assert.Equal(task, Assert.Single(outcome.ActivatedTasks).Number);
        Assert.Equal((ApprovalAction.RemoveApprover, 8L), (instance.Records.Last().Action, instance.Records.Last().TargetUserId!.Value));
        instance.Approve(1);
        AssertFirstPartApproved(instance, mode);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RemoveAddedAfter_CancelsIt_AndTheAdderApprovalCountsAlone(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        Ok(instance.AddApprover(instance.TaskOf(1), 1, 8, AddPosition.After, null, T0, new FakeOrg().Context));

        Ok(instance.RemoveAddedApprover(instance.TaskOf(8), 1, null, T0, new FakeOrg().Context));

        AssertFirstPartApproved(instance, mode);
    }

    [Fact]
    public void AddedApprover_Rejecting_RejectsLikeAnyRejection()
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        Ok(instance.AddApprover(instance.TaskOf(1), 1, 8, AddPosition.Before, null, T0, new FakeOrg().Context));

        instance.Reject(8, RejectTarget.End);

        Assert.Equal(ApprovalStatus.Rejected, instance.Status);
    }

    [Fact]
    public void AddedApprovers_Nest_AndRemovingOneTakesItsOwnAddedAlong()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        Ok(instance.AddApprover(instance.TaskOf(1), 1, 8, AddPosition.Before, null, T0, new FakeOrg().Context));
        var added = instance.TaskOf(8);
        Ok(instance.AddApprover(added, 8, 3, AddPosition.Before, null, T0, new FakeOrg().Context));

        var outcome = Ok(instance.RemoveAddedApprover(added, 1, null, T0, new FakeOrg().Context));

        Assert.Equal(2, outcome.CancelledTasks.Count);
        Assert.Equal([1L], instance.Holders());
    }

    [Fact]
    public void AddApprover_OrSignBefore_AnotherApproverCanStillTakeTheNode()
    {
        var instance = Submitted(Mode(ApprovalMode.OrSign));
        Ok(instance.AddApprover(instance.TaskOf(1), 1, 8, AddPosition.Before, null, T0, new FakeOrg().Context));

        var outcome = instance.Approve(2);

        Assert.Equal("b", instance.CurrentNodeKey);
        Assert.Equal(2, outcome.CancelledTasks.Count);
    }
}
