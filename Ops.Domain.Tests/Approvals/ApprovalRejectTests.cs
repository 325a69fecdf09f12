using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>
/// Rejecting in each mode, to each target: the end (rejected, final), the applicant (a returned draft to
/// resubmit or withdraw) and the previous approval node (fresh tasks there).
/// </summary>
public sealed class ApprovalRejectTests
{
    public static TheoryData<ApprovalMode> Modes => new(Enum.GetValues<ApprovalMode>());

    [Fact]
    public void Sequential_ARejectionMidway_CancelsTheLaterSteps()
    {
        var instance = Submitted(Chain(Node("a", ApprovalMode.Sequential, 1, 2, 3)));
        instance.Approve(1);

        var outcome = instance.Reject(2, RejectTarget.End);

        Assert.Equal(ApprovalStatus.Rejected, instance.Status);
        Assert.Equal(3, Assert.Single(outcome.CancelledTasks).AssigneeId);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Reject_ToEnd_RejectsTheInstance_AndCancelsTheOpenTasks(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var open = instance.Tasks.Count(t => t.IsOpen) - 1;

        var outcome = instance.Reject(1, RejectTarget.End);

        Assert.Equal(ApprovalStatus.Rejected, instance.Status);
        Assert.Equal((ApprovalStatus?)ApprovalStatus.Rejected, outcome.Finished);
        Assert.Equal(open, outcome.CancelledTasks.Count);
        Assert.DoesNotContain(instance.Tasks, t => t.IsOpen);
        Assert.Contains(new ApprovalNotice(Applicant, ApprovalNoticeKind.Rejected), outcome.Notices);
        var record = instance.Records.Last();
        Assert.Equal((ApprovalAction.Reject, (RejectTarget?)RejectTarget.End, "no"), (record.Action, record.RejectTarget, record.Comment));
    }

    [Fact]
    public void Countersign_OneRejection_AfterOtherApprovals_Rejects()
    {
        var instance = Submitted(Chain(Node("a", ApprovalMode.Countersign, 1, 2, 3)));
        instance.Approve(1);
        instance.Approve(2);

        instance.Reject(3, RejectTarget.End);

        Assert.Equal(ApprovalStatus.Rejected, instance.Status);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Reject_ToApplicant_ReturnsTheDraft_WhichCanBeResubmitted(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var firstRound = instance.Round;

        var outcome = instance.Reject(1, RejectTarget.ToApplicant);

        Assert.Equal((ApprovalStatus.Draft, true, "start"), (instance.Status, instance.IsReturned, instance.CurrentNodeKey));
        Assert.Null(outcome.Finished);
        Assert.Contains(new ApprovalNotice(Applicant, ApprovalNoticeKind.Returned), outcome.Notices);
        Assert.DoesNotContain(instance.Tasks, t => t.IsOpen);

        Ok(instance.EditDraft(Applicant, new ApprovalApplication("Trip, cheaper", Data(("amount", 300))), T0.AddHours(1)));
        var again = Ok(instance.Submit(Applicant, T0.AddHours(1), new FakeOrg().Context));

        Assert.Equal((ApprovalStatus.Pending, false, false), (instance.Status, instance.IsReturned, instance.ApproverActed));
        Assert.True(instance.Round > firstRound);
        Assert.All(again.ActivatedTasks, t => Assert.Equal(instance.Round, t.Round));
        Assert.Equal(2, instance.Records.Count(r => r.Action == ApprovalAction.Submit));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Reject_ToPrevious_GivesThePreviousNodeFreshTasks(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        while (instance.CurrentNodeKey == "a")
        {
            instance.Approve(instance.PendingTasks.First().AssigneeId);
        }

        var before = instance.Tasks.Count;
        var outcome = instance.Reject(9, RejectTarget.ToPrevious);

        Assert.Equal((ApprovalStatus.Pending, "a"), (instance.Status, instance.CurrentNodeKey));
        Assert.All(outcome.ActivatedTasks, t => Assert.True(t.Number > before));
        Assert.Equal(mode is ApprovalMode.Single or ApprovalMode.Sequential ? [1L] : [1L, 2L], instance.Holders());

        while (instance.CurrentNodeKey == "a")
        {
            instance.Approve(instance.PendingTasks.First().AssigneeId);
        }

        Assert.Equal([9L], instance.Holders());
    }

    [Theory]
    [InlineData(null, RejectTarget.End)]
    [InlineData("", RejectTarget.ToApplicant)]
    [InlineData("   ", RejectTarget.ToPrevious)]
    public void Reject_AndReturn_WithoutAReason_AreRefused_AndChangeNothing(string? reason, RejectTarget target)
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        var before = instance.Snapshot();

        Fails(instance.Reject(instance.TaskOf(1), 1, reason, target, T0, new FakeOrg().Context), ApprovalErrors.ReasonRequired);

        Assert.Equal(before, instance.Snapshot());
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Reject_ToPrevious_AtTheFirstApprovalNode_IsRefused(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var before = instance.Snapshot();

        Fails(instance.Reject(instance.TaskOf(1), 1, "back", RejectTarget.ToPrevious, T0, new FakeOrg().Context), ApprovalErrors.NoPrevious);

        Assert.Equal(before, instance.Snapshot());
    }

    [Fact]
    public void Reject_ToPrevious_SkipsBranchesAndCcNodes_AndDoesNotCopyTwice()
    {
        ProcessNode[] nodes = [new StartNode("start"), Node("a", ApprovalMode.Single, 1), new CcNode("cc", "CC", [AssigneeRule.Users(40)]), new ConditionNode("if"), Node("b", ApprovalMode.Single, 9), new EndNode("end")];
        var process = new ApprovalProcess(nodes, [new("start", "a"), new("a", "cc"), new("cc", "if"), new("if", "b", IsDefault: true), new("b", "end")]);
        var instance = Submitted(process);
        instance.Approve(1);

        instance.Reject(9, RejectTarget.ToPrevious);
        Assert.Equal("a", instance.CurrentNodeKey);
        var outcome = instance.Approve(1);

        Assert.Empty(outcome.NewCcs);
        Assert.Single(instance.Ccs);
        Assert.Equal("b", instance.CurrentNodeKey);
    }
}
