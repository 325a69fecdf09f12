using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Submitting: form checks, assignee rules, CC nodes, and out-of-office delegation.</summary>
public sealed class ApprovalSubmitTests
{
    public static TheoryData<AssigneeRule, long[]> Rules => new()
    {
        { AssigneeRule.Users(3, 4, 3), [3, 4] },
        { AssigneeRule.Role(7), [71, 72] },
        { AssigneeRule.DepartmentLeader(5), [51] },
        { AssigneeRule.ApplicantLeader(), [11] },
        { AssigneeRule.ApplicantLeader(2), [12] },
        { AssigneeRule.ChosenByApplicant("approver"), [33] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void AssigneeRules_ResolveThroughTheOrganisation(AssigneeRule rule, long[] users)
    {
        var process = Chain(new ApprovalNode("a", "A", ApprovalMode.Countersign, [rule]));

        var instance = Submitted(process, data: Data(("amount", 10), ("approver", 33)));

        Assert.Equal(users, instance.Holders());
    }

    [Fact]
    public void SeveralRules_AreUnited_InRuleOrder_AndSingleModeTakesTheFirst()
    {
        var rules = new[] { AssigneeRule.Role(7), AssigneeRule.Users(71, 3) };

        Assert.Equal([71L, 72L, 3L], Submitted(Chain(new ApprovalNode("a", "A", ApprovalMode.Sequential, rules))).Tasks.Select(t => t.AssigneeId));
        Assert.Equal([71L], Submitted(Chain(new ApprovalNode("a", "A", ApprovalMode.Single, [AssigneeRule.Role(7)]))).Holders());
    }

    [Fact]
    public void AChosenApprover_MustBeChosen_ForNodesOnTheRoute()
    {
        var process = Chain(Node("a", ApprovalMode.Single, 1), new ApprovalNode("b", "Chosen", ApprovalMode.Single, [AssigneeRule.ChosenByApplicant("approver")]));
        var instance = Draft(process, Data(("amount", 10)));

        var error = Fails(instance.Submit(Applicant, T0, new FakeOrg().Context), ApprovalErrors.ChoiceMissing);

        Assert.Equal(["Chosen", "Approver"], error.Args);
        Assert.Equal(ApprovalStatus.Draft, instance.Status);
    }

    [Fact]
    public void TheApplicant_ChoosingThemselves_CountsAsNoChoice()
    {
        var process = Chain(new ApprovalNode("b", "Chosen", ApprovalMode.Single, [AssigneeRule.ChosenByApplicant("approver")]));
        var instance = Draft(process, Data(("amount", 10), ("approver", Applicant)));

        Fails(instance.Submit(Applicant, T0, new FakeOrg().Context), ApprovalErrors.ChoiceMissing);
        Assert.Equal(ApprovalStatus.Draft, instance.Status);
    }

    [Fact]
    public void UsersWhoCannotDecide_GetNoTask_AndANodeLeftWithoutAnyIsRefused()
    {
        var org = new FakeOrg { Disabled = { 3 } };

        var instance = Draft(Chain(new ApprovalNode("a", "A", ApprovalMode.Countersign, [AssigneeRule.Users(3, 4)])), Data(("amount", 10)));
        Ok(instance.Submit(Applicant, T0, org.Context));
        Assert.Equal([4L], instance.Holders());

        var nobody = Draft(Chain(new ApprovalNode("a", "A", ApprovalMode.Single, [AssigneeRule.Users(3)])), Data(("amount", 10)));
        Fails(nobody.Submit(Applicant, T0, org.Context), ApprovalErrors.NoAssignees);
        Assert.Empty(nobody.Tasks);
    }

    [Fact]
    public void AnInvalidForm_IsRefused_WithTheFieldLabel()
    {
        var instance = Draft(Mode(ApprovalMode.Single), Data(("reason", "x")));

        var error = Fails(instance.Submit(Applicant, T0, new FakeOrg().Context), "approval.form.required");

        Assert.Equal(["Amount"], error.Args);
        Assert.Equal("form:amount", error.Field);
        Assert.Empty(instance.Records);
    }

    [Fact]
    public void OnlyTheApplicant_Submits_AndOnlyOnce()
    {
        var instance = Draft(Mode(ApprovalMode.Single));
        Fails(instance.Submit(1, T0, new FakeOrg().Context), ApprovalErrors.NotApplicant);
        Ok(instance.Submit(Applicant, T0, new FakeOrg().Context));

        Fails(instance.Submit(Applicant, T0, new FakeOrg().Context), ApprovalErrors.NotDraft);
        Fails(instance.EditDraft(Applicant, new ApprovalApplication("t", Data()), T0), ApprovalErrors.NotDraft);
    }

    [Fact]
    public void NoOneToApprove_FailsTheSubmission_AndLeavesTheDraft()
    {
        var instance = Draft(Chain(new ApprovalNode("a", "Legal", ApprovalMode.OrSign, [AssigneeRule.Role(404)])));

        Fails(instance.Submit(Applicant, T0, new FakeOrg().Context), ApprovalErrors.NoAssignees);

        Assert.Equal((ApprovalStatus.Draft, 0, 0), (instance.Status, instance.Tasks.Count, instance.Records.Count));
    }

    [Fact]
    public void AProcessWithoutApprovalNodes_IsApprovedAtOnce()
    {
        var outcome = Ok(Draft(Chain()).Submit(Applicant, T0, new FakeOrg().Context));

        Assert.Equal((ApprovalStatus?)ApprovalStatus.Approved, outcome.Finished);
    }

    [Fact]
    public void ADraft_NeedsAPublishedDefinition_AndAValidTitle()
    {
        var definition = Ok(ApprovalDefinition.Create("leave", "Leave"));
        Fails(ApprovalInstance.Draft(definition, Applicant, new ApprovalApplication("t", Data()), T0), ApprovalErrors.NotPublished);

        Fails(ApprovalInstance.Draft(Definition(Chain()), Applicant, new ApprovalApplication(" ", Data()), T0), "common.required");
        var draft = Ok(ApprovalInstance.Draft(Definition(Chain()), Applicant, new ApprovalApplication(" Leave ", Data(), ApprovalUrgency.Urgent, "hr.leave", "L-1"), T0));
        Assert.Equal(("Leave", ApprovalUrgency.Urgent, "hr.leave", "L-1", ApprovalStatus.Draft), (draft.Title, draft.Urgency, draft.BusinessType, draft.BusinessId, draft.Status));
    }

    [Fact]
    public void CcNodes_CopyTheApplication_ReadTracked_AndPassOn()
    {
        var process = Chain(new CcNode("cc", "Team", [AssigneeRule.Users(40, 41), AssigneeRule.Role(7)]), Node("a", ApprovalMode.Single, 1));
        var instance = Draft(process);

        var outcome = Ok(instance.Submit(Applicant, T0, new FakeOrg().Context));

        Assert.Equal([40L, 41L, 71L, 72L], instance.Ccs.Select(c => c.UserId));
        Assert.Equal(4, outcome.NewCcs.Count);
        Assert.Equal(4, outcome.Notices.Count(n => n.Kind == ApprovalNoticeKind.CarbonCopy));
        Assert.Equal("a", instance.CurrentNodeKey);
        Assert.Contains(instance.Records, r => r is { Action: ApprovalAction.CarbonCopy, NodeKey: "cc", ActorId: null });

        Ok(instance.MarkCcRead(41, T0.AddHours(1)));
        Ok(instance.MarkCcRead(41, T0.AddHours(2)));
        Assert.Equal([41L], instance.Ccs.Where(c => c.IsRead).Select(c => c.UserId));
        Assert.Equal(T0.AddHours(1), instance.Ccs.Single(c => c.UserId == 41).ReadAt);
        Fails(instance.MarkCcRead(1, T0), ApprovalErrors.CcNotFound);
    }

    [Fact]
    public void OutOfOffice_NewTasksGoToTheDelegate_OnBehalfOfTheAssignee()
    {
        var org = new FakeOrg { Away = { [2] = 20 } };

        var instance = Submitted(Mode(ApprovalMode.Countersign), org);

        var task = instance.PendingTasks.Single(t => t.OnBehalfOfId == 2);
        Assert.Equal(20, task.AssigneeId);
        instance.Approve(20, org);
        var record = instance.Records.Last();
        Assert.Equal((20L, 2L), (record.ActorId!.Value, record.OnBehalfOfId!.Value));
    }

    [Fact]
    public void OutOfOffice_IsLookedUpWhenASequentialStepBecomesPending()
    {
        var org = new FakeOrg();
        var instance = Submitted(Mode(ApprovalMode.Sequential), org);
        org.Away[2] = 20;

        instance.Approve(1, org, T0.AddHours(3));

        Assert.Equal([20L], instance.Holders());
        Assert.Contains((2L, T0.AddHours(3)), org.Lookups);
    }
}
