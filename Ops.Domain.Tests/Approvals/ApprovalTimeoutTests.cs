using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Due times and timeout actions, and approvers editing the fields their node lets them edit.</summary>
public sealed class ApprovalTimeoutTests
{
    private static ApprovalInstance WithTimeout(TimeoutAction action) =>
        Submitted(Chain(Node("a", ApprovalMode.Single, 1) with { DueHours = 24, OnTimeout = action }, Node("b", ApprovalMode.Single, 9)));

    [Fact]
    public void ATask_IsDue_DueHoursAfterItBecamePending_AndNotBefore()
    {
        var instance = WithTimeout(TimeoutAction.Remind);
        var task = instance.TaskOf(1);

        Assert.Equal(T0.AddHours(24), instance.PendingTasks.Single().DueAt);
        Fails(instance.HandleTimeout(task, T0.AddHours(23), new FakeOrg().Context), ApprovalErrors.NotDue);
        Assert.Null(instance.PendingTasks.Single().RemindedAt);
    }

    [Fact]
    public void Remind_NotifiesTheHolder_AndKeepsTheTask()
    {
        var instance = WithTimeout(TimeoutAction.Remind);

        var outcome = Ok(instance.HandleTimeout(instance.TaskOf(1), T0.AddHours(25), new FakeOrg().Context));

        Assert.Equal(new ApprovalNotice(1, ApprovalNoticeKind.DueReminder, 1), Assert.Single(outcome.Notices));
        Assert.Equal(T0.AddHours(25), instance.PendingTasks.Single().RemindedAt);
        Assert.Equal((ApprovalAction.Remind, (long?)null), (instance.Records.Last().Action, instance.Records.Last().ActorId));
    }

    [Fact]
    public void Remind_IsNotRepeatedWithinTheInterval_SoTwoTimersAtOnceRemindOnce()
    {
        var instance = WithTimeout(TimeoutAction.Remind);
        var every = TimeSpan.FromHours(24);

        Ok(instance.HandleTimeout(instance.TaskOf(1), T0.AddHours(25), new FakeOrg().Context, every));
        Fails(instance.HandleTimeout(instance.TaskOf(1), T0.AddHours(25), new FakeOrg().Context, every), ApprovalErrors.NotDue);
        Ok(instance.HandleTimeout(instance.TaskOf(1), T0.AddHours(49), new FakeOrg().Context, every));

        Assert.Equal(2, instance.Records.Count(r => r.Action == ApprovalAction.Remind));
    }

    [Fact]
    public void AutoApprove_ApprovesAsTheSystem()
    {
        var instance = WithTimeout(TimeoutAction.AutoApprove);

        Ok(instance.HandleTimeout(instance.TaskOf(1), T0.AddHours(24), new FakeOrg().Context));

        Assert.Equal("b", instance.CurrentNodeKey);
        var record = instance.Records.Last(r => r.Action == ApprovalAction.AutoApprove);
        Assert.Null(record.ActorId);
        Assert.Null(instance.Tasks.First().HandledById);
    }

    [Fact]
    public void AutoReject_RejectsToTheEnd()
    {
        var instance = WithTimeout(TimeoutAction.AutoReject);
        var task = instance.TaskOf(1);

        Assert.Equal(ApprovalStatus.Rejected, Ok(instance.HandleTimeout(task, T0.AddHours(30), new FakeOrg().Context)).Finished);
        Fails(instance.HandleTimeout(task, T0.AddHours(31), new FakeOrg().Context), ApprovalErrors.AlreadyHandled);
    }

    [Fact]
    public void Approvers_MayEditFieldsTheirNodeGrants_AndTheRecordNamesThem()
    {
        var node = Node("a", ApprovalMode.Single, 1) with { Fields = new Dictionary<string, FieldAccess> { ["amount"] = FieldAccess.Edit, ["reason"] = FieldAccess.Hidden } };
        var instance = Submitted(Chain(node));
        var task = instance.TaskOf(1);
        var context = new FakeOrg().Context;
        Assert.Equal((FieldAccess.Edit, FieldAccess.Hidden, FieldAccess.Read), (instance.AccessOf("amount"), instance.AccessOf("reason"), instance.AccessOf("tags")));

        var before = instance.Snapshot();
        Assert.Equal(["Reason"], Fails(instance.Approve(task, 1, null, T0, context, Data(("reason", "x"))), ApprovalErrors.NotEditable).Args);
        Fails(instance.Approve(task, 1, null, T0, context, Data(("amount", "lots"))), "approval.form.invalid_type");
        Assert.Equal(before, instance.Snapshot());

        Ok(instance.Approve(task, 1, "trimmed", T0, context, Data(("amount", 450))));

        Assert.Equal(450, instance.FormData["amount"].GetDecimal());
        Assert.Equal(["amount"], instance.Records.Single(r => r.Action == ApprovalAction.Approve).ChangedFields);
    }

    [Fact]
    public void EditedFields_DecideTheRoute()
    {
        var node = Node("a", ApprovalMode.Single, 1) with { Fields = new Dictionary<string, FieldAccess> { ["amount"] = FieldAccess.Edit } };
        ProcessNode[] nodes = [new StartNode("start"), node, new ConditionNode("if"), Node("big", ApprovalMode.Single, 50), new EndNode("end")];
        var big = new FieldCondition("amount", ConditionOperator.Greater, FormValues.Of(1000));
        var process = new ApprovalProcess(nodes, [new("start", "a"), new("a", "if"), new("if", "big", [big]), new("if", "end", IsDefault: true), new("big", "end")]);
        var instance = Submitted(process);
        Assert.Equal(["start", "a", "if", "end"], instance.PlannedRoute);

        Ok(instance.Approve(instance.TaskOf(1), 1, null, T0, new FakeOrg().Context, Data(("amount", 5000))));

        Assert.Equal("big", instance.CurrentNodeKey);
        Assert.Equal(["start", "a", "if", "big", "end"], instance.PlannedRoute);
    }
}
