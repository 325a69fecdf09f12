using Ops.Domain.Approvals;
using Ops.Domain.Common;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>No approver's action puts the applicant in charge of their own application (issue 13: transfer to the applicant).</summary>
public sealed class ApprovalApplicantAssigneeTests
{
    public static TheoryData<string> Handovers => new("transfer", "delegate", "add-before", "add-after");

    private static Result<ApprovalOutcome> HandOver(ApprovalInstance instance, string action, int task, long by, long to, FakeOrg? org = null)
    {
        var context = (org ?? new FakeOrg()).Context;
        return action switch
        {
            "transfer" => instance.Transfer(task, by, to, null, T0, context),
            "delegate" => instance.Delegate(task, by, to, null, T0),
            "add-before" => instance.AddApprover(task, by, to, AddPosition.Before, null, T0, context),
            _ => instance.AddApprover(task, by, to, AddPosition.After, null, T0, context),
        };
    }

    [Theory]
    [MemberData(nameof(Handovers))]
    public void HandingATaskToTheApplicant_IsRefused_AndChangesNothing(string action)
    {
        var instance = Submitted(Mode(ApprovalMode.Countersign));
        var before = instance.Snapshot();

        var error = Fails(HandOver(instance, action, instance.TaskOf(1), 1, Applicant), ApprovalErrors.ApplicantAssignee);

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Equal(before, instance.Snapshot());
    }

    [Fact]
    public void Transfer_ToSomeoneAwayWhoseDelegateIsTheApplicant_StaysWithThem()
    {
        var org = new FakeOrg { Away = { [5] = Applicant } };
        var instance = Submitted(Mode(ApprovalMode.Single), org);

        Ok(instance.Transfer(instance.TaskOf(1), 1, 5, null, T0, org.Context));

        var task = instance.PendingTasks.Single();
        Assert.Equal((5L, (long?)null), (task.AssigneeId, task.OnBehalfOfId));
    }

    [Fact]
    public void AnApproverAway_WithTheApplicantAsDelegate_KeepsTheTask()
    {
        var org = new FakeOrg { Away = { [1] = Applicant, [2] = 22 } };

        var instance = Submitted(Mode(ApprovalMode.Countersign), org);

        Assert.Equal([1L, 22L], instance.Holders());
        Fails(instance.Approve(instance.Tasks.First().Number, Applicant, null, T0, org.Context), ApprovalErrors.NotYours);
    }

    [Fact]
    public void AnApplicantNamedByTheProcess_MayHaveTheirDelegatedTaskBack()
    {
        // The process, not an approver, made the applicant an approver here; giving the task back grants nothing new.
        var instance = Submitted(Chain(Node("a", ApprovalMode.Single, Applicant), Node("b", ApprovalMode.Single, 9)));
        var task = instance.TaskOf(Applicant);
        Ok(instance.Delegate(task, Applicant, 6, null, T0));

        Ok(instance.Delegate(task, 6, Applicant, null, T0));

        Assert.Equal(Applicant, instance.PendingTasks.Single().AssigneeId);
    }
}
