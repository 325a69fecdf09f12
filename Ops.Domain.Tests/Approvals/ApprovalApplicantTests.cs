using Ops.Domain.Approvals;
using static Ops.Domain.Tests.Approvals.ApprovalFixture;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Withdraw, urge, comment and terminate in every mode, and who may do them when.</summary>
public sealed class ApprovalApplicantTests
{
    public static TheoryData<ApprovalMode> Modes => new(Enum.GetValues<ApprovalMode>());

    [Theory]
    [MemberData(nameof(Modes))]
    public void Withdraw_BeforeAnyApproverActed_CancelsEverything(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var open = instance.Tasks.Count(t => t.IsOpen);

        var outcome = Ok(instance.Withdraw(Applicant, "wrong form", T0.AddMinutes(1)));

        Assert.Equal(ApprovalStatus.Withdrawn, instance.Status);
        Assert.Equal((ApprovalStatus?)ApprovalStatus.Withdrawn, outcome.Finished);
        Assert.Equal(open, outcome.CancelledTasks.Count);
        Assert.Equal((ApprovalAction.Withdraw, "wrong form"), (instance.Records.Last().Action, instance.Records.Last().Comment));
    }

    [Theory]
    [InlineData(ApprovalMode.Single, "approve")]
    [InlineData(ApprovalMode.Countersign, "approve")]
    [InlineData(ApprovalMode.OrSign, "approve")]
    [InlineData(ApprovalMode.Sequential, "approve")]
    [InlineData(ApprovalMode.Countersign, "transfer")]
    [InlineData(ApprovalMode.Sequential, "delegate")]
    [InlineData(ApprovalMode.OrSign, "add")]
    public void Withdraw_AfterAnApproverActed_IsRefused(ApprovalMode mode, string action)
    {
        var instance = Submitted(Mode(mode));
        var task = instance.TaskOf(1);
        var context = new FakeOrg().Context;
        Ok(action switch
        {
            "approve" => instance.Approve(task, 1, null, T0, context),
            "transfer" => instance.Transfer(task, 1, 5, null, T0, context),
            "delegate" => instance.Delegate(task, 1, 5, null, T0),
            _ => instance.AddApprover(task, 1, 5, AddPosition.Before, null, T0, context),
        });
        var before = instance.Snapshot();

        Fails(instance.Withdraw(Applicant, null, T0), ApprovalErrors.WithdrawTooLate);

        Assert.Equal(before, instance.Snapshot());
    }

    [Fact]
    public void Withdraw_WhenReturned_IsAllowed_ButNotForOthers_NorUnsubmittedOrFinished()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        Fails(instance.Withdraw(1, null, T0), ApprovalErrors.NotApplicant);
        instance.Reject(1, RejectTarget.ToApplicant);

        Assert.Equal(ApprovalStatus.Withdrawn, Ok(instance.Withdraw(Applicant, null, T0)).Finished);
        Fails(instance.Withdraw(Applicant, null, T0), ApprovalErrors.InstanceFinished);
        Fails(Draft(Mode(ApprovalMode.Single)).Withdraw(Applicant, null, T0), ApprovalErrors.NotPending);
    }

    [Theory]
    [InlineData(ApprovalMode.Single, new long[] { 1 })]
    [InlineData(ApprovalMode.Countersign, new long[] { 1, 2 })]
    [InlineData(ApprovalMode.OrSign, new long[] { 1, 2 })]
    [InlineData(ApprovalMode.Sequential, new long[] { 1 })]
    public void Urge_NotifiesTheCurrentApprovers(ApprovalMode mode, long[] notified)
    {
        var instance = Submitted(Mode(mode));

        var outcome = Ok(instance.Urge(Applicant, T0.AddHours(1)));

        Assert.Equal(notified, outcome.Notices.Select(n => n.UserId).Order());
        Assert.All(outcome.Notices, n => Assert.Equal(ApprovalNoticeKind.Urged, n.Kind));
        Assert.Equal(ApprovalAction.Urge, instance.Records.Last().Action);
        Assert.Equal(T0.AddHours(1), instance.LastUrgedAt);
    }

    [Theory]
    [InlineData(1, false, 9)]
    [InlineData(9, false, 1)]
    [InlineData(10, true, 0)]
    [InlineData(60, true, 0)]
    public void Urge_IsRateLimited_ToOncePerTenMinutes(int minutesLater, bool allowed, int waitMinutes)
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        Ok(instance.Urge(Applicant, T0.AddSeconds(30)));

        var again = instance.Urge(Applicant, T0.AddSeconds(30).AddMinutes(minutesLater));

        Assert.Equal(allowed, again.IsSuccess);
        if (!allowed)
        {
            Assert.Equal(waitMinutes, Fails(again, ApprovalErrors.UrgeTooSoon).Args[0]);
            Assert.Single(instance.Records, r => r.Action == ApprovalAction.Urge);
        }
    }

    [Fact]
    public void Urge_ByOthers_OrWhenNotPending_IsRefused()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        Fails(instance.Urge(1, T0), ApprovalErrors.NotApplicant);
        Fails(Draft(Mode(ApprovalMode.Single)).Urge(Applicant, T0), ApprovalErrors.NotPending);
        instance.Reject(1, RejectTarget.End);
        Fails(instance.Urge(Applicant, T0), ApprovalErrors.InstanceFinished);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Comment_WritesARecordWithFiles_AndChangesNothingElse(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var holders = instance.Holders();

        var outcome = Ok(instance.Comment(2, " see the quote ", ["file-1", " ", "file-2", "file-1"], T0.AddMinutes(3)));

        var record = instance.Records.Last();
        Assert.Equal((ApprovalAction.Comment, 2L, "see the quote", "a"), (record.Action, record.ActorId!.Value, record.Comment, record.NodeKey));
        Assert.Equal(["file-1", "file-2"], record.Attachments);
        Assert.Empty(outcome.Notices);
        Assert.Equal(holders, instance.Holders());
        Assert.False(instance.ApproverActed);
    }

    [Fact]
    public void Comment_NeedsTextOrFiles_WithinLimits_AfterSubmission()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));

        Fails(instance.Comment(1, "  ", [], T0), ApprovalErrors.CommentEmpty);
        Fails(instance.Comment(1, new string('x', ApprovalInstance.CommentMaxLength + 1), null, T0), ApprovalErrors.CommentTooLong);
        Fails(instance.Comment(1, null, Enumerable.Range(0, 21).Select(i => $"f{i}").ToList(), T0), "approval.comment.too_many_files");
        Fails(Draft(Mode(ApprovalMode.Single)).Comment(Applicant, "hi", null, T0), ApprovalErrors.NotPending);
        Ok(instance.Comment(1, null, ["only-a-file"], T0));
        instance.Approve(1);
        instance.Approve(9);
        Ok(instance.Comment(Applicant, "thanks", null, T0));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Terminate_CancelsTheInstance_AndTellsTheApplicant(ApprovalMode mode)
    {
        var instance = Submitted(Mode(mode));
        var open = instance.Tasks.Count(t => t.IsOpen);

        var outcome = Ok(instance.Terminate(999, "duplicate", T0.AddDays(1)));

        Assert.Equal(ApprovalStatus.Cancelled, instance.Status);
        Assert.Equal((ApprovalStatus?)ApprovalStatus.Cancelled, outcome.Finished);
        Assert.Equal(open, outcome.CancelledTasks.Count);
        Assert.Contains(new ApprovalNotice(Applicant, ApprovalNoticeKind.Terminated), outcome.Notices);
        Assert.Equal((ApprovalAction.Terminate, 999L), (instance.Records.Last().Action, instance.Records.Last().ActorId!.Value));
    }

    [Fact]
    public void Terminate_AReturnedDraft_Works_ButNotAFinishedOrUnsubmittedOne()
    {
        var instance = Submitted(Mode(ApprovalMode.Single));
        instance.Reject(1, RejectTarget.ToApplicant);

        Fails(instance.Terminate(999, " ", T0), ApprovalErrors.ReasonRequired);
        Ok(instance.Terminate(999, "not needed", T0));
        Fails(instance.Terminate(999, null, T0), ApprovalErrors.InstanceFinished);
        Fails(Draft(Mode(ApprovalMode.Single)).Terminate(999, null, T0), ApprovalErrors.NotPending);
    }
}
