using Ops.Domain.Approvals;
using Ops.Domain.Common;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Acting on a task you don't hold, twice, too early or too late: a clear error and nothing changed.</summary>
public sealed class ApprovalGuardTests
{
    public static TheoryData<string> Actions => new("approve", "reject", "transfer", "delegate", "add");

    private static Result<ApprovalOutcome> Act(ApprovalInstance instance, string action, int task, long by)
    {
        var context = new FakeOrg().Context;
        return action switch
        {
            "approve" => instance.Approve(task, by, null, T0, context),
            "reject" => instance.Reject(task, by, null, RejectTarget.End, T0, context),
            "transfer" => instance.Transfer(task, by, 77, null, T0, context),
            "delegate" => instance.Delegate(task, by, 77, null, T0),
            _ => instance.AddApprover(task, by, 77, AddPosition.After, null, T0, context),
        };
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActingOnSomeoneElsesTask_IsRefused_AndChangesNothing(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var before = instance.Snapshot();

        var error = Fails(Act(instance, action, instance.TaskOf(1), 2), ApprovalErrors.NotYours);

        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal(before, instance.Snapshot());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActingTwice_SaysAlreadyHandled(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var task = instance.TaskOf(1);
        Ok(instance.Approve(task, 1, null, T0, new FakeOrg().Context));
        var before = instance.Snapshot();

        var error = Fails(Act(instance, action, task, 1), ApprovalErrors.AlreadyHandled);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal(before, instance.Snapshot());
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActingOnAnOrSignTaskSomeoneElseTook_SaysAlreadyHandled(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.OrSign));
        var mine = instance.TaskOf(2);
        instance.Approve(1);

        Fails(Act(instance, action, mine, 2), ApprovalErrors.AlreadyHandled);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActingOnALaterSequentialTask_SaysItIsNotYourTurn(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Sequential));
        var later = instance.Tasks.Single(t => t.AssigneeId == 2).Number;

        Fails(Act(instance, action, later, 2), ApprovalErrors.TaskWaiting);
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void ActingOnAFinishedInstance_OrAnUnknownTask_IsRefused(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var task = instance.TaskOf(2);
        Ok(instance.Terminate(999, "stopped", T0));

        Fails(Act(instance, action, task, 2), ApprovalErrors.AlreadyHandled);
        Assert.Equal(ErrorKind.NotFound, Fails(Act(instance, action, 42, 2), ApprovalErrors.TaskNotFound).Kind);
    }

    [Theory]
    [InlineData("transfer")]
    [InlineData("delegate")]
    [InlineData("add")]
    public void HandingToSomeoneWhoAlreadyHoldsATaskHere_IsRefused(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var context = new FakeOrg().Context;
        var task = instance.TaskOf(1);

        Fails(
            action switch
            {
                "transfer" => instance.Transfer(task, 1, 2, null, T0, context),
                "delegate" => instance.Delegate(task, 1, 1, null, T0),
                _ => instance.AddApprover(task, 1, 2, AddPosition.Before, null, T0, context),
            },
            ApprovalErrors.AlreadyAssignee);
    }

    [Fact]
    public void RemoveAddedApprover_OnlyByTheAdder_OnlyAddedTasks_OnlyWhileOpen()
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var context = new FakeOrg().Context;
        Ok(instance.AddApprover(instance.TaskOf(1), 1, 8, AddPosition.After, null, T0, context));
        var added = instance.TaskOf(8);

        Fails(instance.RemoveAddedApprover(added, 2, null, T0, context), ApprovalErrors.NotYours);
        Fails(instance.RemoveAddedApprover(instance.TaskOf(2), 2, null, T0, context), ApprovalErrors.NotAdded);
        Fails(instance.RemoveAddedApprover(99, 1, null, T0, context), ApprovalErrors.TaskNotFound);
        instance.Approve(8);
        Fails(instance.RemoveAddedApprover(added, 1, null, T0, context), ApprovalErrors.AlreadyHandled);
    }

    [Fact]
    public void ANextNodeWithoutAssignees_FailsTheApproval_AndChangesNothing()
    {
        var process = Chain(Node("a", ApprovalMode.Single, 1), new ApprovalNode("b", "Finance", ApprovalMode.OrSign, [AssigneeRule.Role(404)]));
        var instance = Submitted(process);
        var before = instance.Snapshot();

        var error = Fails(instance.Approve(instance.TaskOf(1), 1, null, T0.AddHours(1), new FakeOrg().Context), ApprovalErrors.NoAssignees);

        Assert.Equal("Finance", error.Args[0]);
        Assert.Equal(before, instance.Snapshot());
    }

    [Fact]
    public void ATooLongComment_IsRefused()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));

        Fails(instance.Approve(instance.TaskOf(1), 1, new string('x', 2001), T0, new FakeOrg().Context), ApprovalErrors.CommentTooLong);
    }

    [Fact]
    public void EveryAction_TouchesTheInstance_SoItsVersionGuardsConcurrentActions()
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var context = new FakeOrg().Context;

        Ok(instance.Approve(instance.TaskOf(2), 2, null, T0.AddMinutes(1), context));
        Assert.Equal(T0.AddMinutes(1), instance.LastActionAt);
        Ok(instance.Comment(5, "hm", null, T0.AddMinutes(2)));
        Assert.Equal(T0.AddMinutes(2), instance.LastActionAt);
        Ok(instance.Urge(Applicant, T0.AddMinutes(3)));
        Assert.Equal(T0.AddMinutes(3), instance.LastActionAt);
        Ok(instance.Transfer(instance.TaskOf(1), 1, 3, null, T0.AddMinutes(4), context));
        Assert.Equal(T0.AddMinutes(4), instance.LastActionAt);
        Assert.Equal(Enumerable.Range(1, instance.Records.Count), instance.Records.Select(r => r.Number));
        Assert.Equal(Enumerable.Range(1, instance.Tasks.Count), instance.Tasks.Select(t => t.Number));
    }
}
