using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>
/// Each approval mode under approval. Node "a" has users 1 and 2 (only 1 in single mode),
/// node "b" user 9: single and or-sign move on after one approval, countersign and sequential wait for user 2.
/// </summary>
public sealed class ApprovalModeTests
{
    public static TheoryData<ApprovalMode> Modes => new(Enum.GetValues<ApprovalMode>());

    [Theory]
    [InlineData(ApprovalMode.Single, new long[] { 1 }, 0)]
    [InlineData(ApprovalMode.Countersign, new long[] { 1, 2 }, 0)]
    [InlineData(ApprovalMode.OrSign, new long[] { 1, 2 }, 0)]
    [InlineData(ApprovalMode.Sequential, new long[] { 1 }, 1)]
    public void Submit_ActivatesTheFirstNode(ApprovalMode mode, long[] holders, int waiting)
    {
        var instance = Draft(Mode(mode));

        var outcome = Ok(instance.Submit(Applicant, T0, new FakeOrg().Context));

        Assert.Equal(ApprovalStatus.Pending, instance.Status);
        Assert.Equal("a", instance.CurrentNodeKey);
        Assert.Equal(holders, instance.Holders());
        Assert.Equal(holders, outcome.ActivatedTasks.Select(t => t.AssigneeId).Order());
        Assert.Equal(holders, outcome.Notices.Where(n => n.Kind == ApprovalNoticeKind.TaskAssigned).Select(n => n.UserId).Order());
        Assert.Equal(waiting, instance.Tasks.Count(t => t.Status == ApprovalTaskStatus.Waiting));
        Assert.Null(outcome.Finished);
        Assert.Equal(ApprovalAction.Submit, Assert.Single(instance.Records).Action);
    }

    [Theory]
    [InlineData(ApprovalMode.Single, new long[] { 9 }, "b", true)]
    [InlineData(ApprovalMode.Countersign, new long[] { 2 }, "a", false)]
    [InlineData(ApprovalMode.OrSign, new long[] { 9 }, "b", true)]
    [InlineData(ApprovalMode.Sequential, new long[] { 2 }, "a", true)]
    public void Approve_ByTheFirstApprover_MovesAsTheModeSays(ApprovalMode mode, long[] holders, string node, bool activates)
    {
        var instance = Submitted(Mode(mode));

        var outcome = instance.Approve(1);

        Assert.Equal(holders, instance.Holders());
        Assert.Equal(node, instance.CurrentNodeKey);
        Assert.Equal(activates ? holders : [], outcome.ActivatedTasks.Select(t => t.AssigneeId).Order());
        var record = instance.Records.Last(r => r.Action == ApprovalAction.Approve);
        Assert.Equal((1L, "a", "ok"), (record.ActorId!.Value, record.NodeKey, record.Comment));
        Assert.True(instance.ApproverActed);
    }

    [Fact]
    public void OrSign_FirstApproval_CancelsTheOthers()
    {
        var instance = Submitted(Mode(ApprovalMode.OrSign));
        var other = instance.TaskOf(2);

        var outcome = instance.Approve(1);

        Assert.Equal(other, Assert.Single(outcome.CancelledTasks).Number);
        Assert.Equal(ApprovalTaskStatus.Cancelled, instance.Tasks.Single(t => t.Number == other).Status);
    }

    [Fact]
    public void Countersign_LastApproval_CompletesTheNode()
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        instance.Approve(2);
        Assert.Equal("a", instance.CurrentNodeKey);

        var outcome = instance.Approve(1);

        Assert.Equal("b", instance.CurrentNodeKey);
        Assert.Equal([9L], outcome.ActivatedTasks.Select(t => t.AssigneeId));
    }

    [Fact]
    public void Sequential_ActivatesTheNextInOrder_WithItsDueTime()
    {
        var node = Node("a", ApprovalMode.Sequential, 3, 1, 2) with { DueHours = 4 };
        var instance = Submitted(Chain(node));

        Assert.Equal([3L], instance.Holders());
        instance.Approve(3, at: T0.AddHours(1));
        Assert.Equal([1L], instance.Holders());
        Assert.Equal(T0.AddHours(5), instance.PendingTasks.Single().DueAt);
        instance.Approve(1);
        Assert.Equal([2L], instance.Holders());
        Assert.Equal(ApprovalStatus.Approved, instance.Approve(2).Finished);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void ApprovingEveryTask_ApprovesTheInstance(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        while (instance.CurrentNodeKey == "a")
        {
            instance.Approve(instance.PendingTasks.First().AssigneeId);
        }

        var outcome = instance.Approve(9, at: T0.AddHours(2));

        Assert.Equal(ApprovalStatus.Approved, instance.Status);
        Assert.Equal((ApprovalStatus?)ApprovalStatus.Approved, outcome.Finished);
        Assert.Equal("end", instance.CurrentNodeKey);
        Assert.Equal(T0.AddHours(2), instance.FinishedAt);
        Assert.Contains(new ApprovalNotice(Applicant, ApprovalNoticeKind.Approved), outcome.Notices);
        Assert.Empty(instance.PendingTasks);
    }
}
