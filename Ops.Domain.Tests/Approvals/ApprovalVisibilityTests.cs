using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

public sealed class ApprovalVisibilityTests
{
    private static ApprovalProcess HidingProcess() => Chain(
        Node("a", ApprovalMode.Single, 1) with { Fields = new Dictionary<string, FieldAccess> { ["amount"] = FieldAccess.Hidden } },
        new CcNode("cc", "CC", [AssigneeRule.Users(30)]),
        Node("b", ApprovalMode.Single, 2) with { Fields = new Dictionary<string, FieldAccess> { ["reason"] = FieldAccess.Hidden } });

    [Fact]
    public void CanSee_ApplicantApproversAndCcRecipients_ButNoOneElse()
    {
        var instance = Submitted(HidingProcess());
        instance.Approve(1);

        Assert.True(ApprovalVisibility.CanSee(instance, Applicant));
        Assert.True(ApprovalVisibility.CanSee(instance, 1));
        Assert.True(ApprovalVisibility.CanSee(instance, 2));
        Assert.True(ApprovalVisibility.CanSee(instance, 30));
        Assert.False(ApprovalVisibility.CanSee(instance, 99));
    }

    [Fact]
    public void HiddenFor_ApplicantAndViewAll_HideNothing()
    {
        var instance = Submitted(HidingProcess());

        Assert.Empty(ApprovalVisibility.HiddenFor(instance, Applicant, viewAll: false));
        Assert.Empty(ApprovalVisibility.HiddenFor(instance, 99, viewAll: true));
    }

    [Fact]
    public void HiddenFor_AnApprover_HidesWhatTheirOwnNodeHides()
    {
        var instance = Submitted(HidingProcess());
        instance.Approve(1);

        Assert.Equal(["amount"], ApprovalVisibility.HiddenFor(instance, 1, viewAll: false));
        Assert.Equal(["reason"], ApprovalVisibility.HiddenFor(instance, 2, viewAll: false));
    }

    [Fact]
    public void HiddenFor_ACcRecipient_HidesWhatAnyNodeHides()
    {
        var instance = Submitted(HidingProcess());
        instance.Approve(1);

        Assert.Equal(["amount", "reason"], ApprovalVisibility.HiddenFor(instance, 30, viewAll: false));
    }
}
