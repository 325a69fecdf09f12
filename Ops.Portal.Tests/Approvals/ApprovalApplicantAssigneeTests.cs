using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Issue 13: an approver cannot put the applicant in charge of their own application, through the services on both providers.</summary>
public sealed class ApprovalApplicantAssigneeTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TransferDelegateOrAdd_ToTheApplicant_IsRefused_AndTheTaskStaysWithTheApprover(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var id = await f.StartAsync();
        var task = new TaskRef(id, await f.TaskOfAsync(id, f.LeaderA));
        var applicant = f.Applicant.UserId!.Value;

        Assert.Equal(ApprovalErrors.ApplicantAssignee, (await f.Actions(f.LeaderA, s => s.TransferAsync(task, applicant, "你自己批吧"))).Error!.Code);
        Assert.Equal(ApprovalErrors.ApplicantAssignee, (await f.Actions(f.LeaderA, s => s.DelegateAsync(task, applicant, null))).Error!.Code);
        Assert.Equal(ApprovalErrors.ApplicantAssignee, (await f.Actions(f.LeaderA, s => s.AddApproverAsync(task, applicant, AddPosition.Before, null))).Error!.Code);

        var detail = await f.DetailAsync(id);
        Assert.Equal(ApprovalAction.Submit, detail.Timeline[^1].Action);
        Assert.Equal(task.TaskNumber, await f.TaskOfAsync(id, f.LeaderA));
        Assert.Equal(0, (await f.Inbox(f.Applicant, i => i.CountsAsync())).Todo);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnApproverAway_WithTheApplicantAsDelegate_KeepsTheTask(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var now = f.Harness.Clock.GetUtcNow();
        var away = await f.AsAsync(f.LeaderB, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(f.Applicant.UserId!.Value, now.AddHours(-1), now.AddDays(3), "休假")));
        Assert.True(away.IsSuccess, away.Error?.ToString());

        var id = await f.StartAsync();

        Assert.Equal(0, (await f.Inbox(f.Applicant, i => i.CountsAsync())).Todo);
        await f.ApproveAsync(id, f.LeaderB);
        Assert.Contains((await f.DetailAsync(id)).Timeline, t => t.Action == ApprovalAction.Approve && t.ActorId == f.LeaderB.UserId && t.OnBehalfOfId is null);
    }
}
