using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Who gets what: hidden fields stay hidden from copies, nobody approves their own application, disabled users get no tasks, out-of-office chains.</summary>
public sealed class ApprovalAccessTests
{
    private static readonly ApprovalForm SalaryForm = new(
    [
        new FormField("reason", "事由", FieldType.Text, Required: true, Order: 1),
        new FormField("salary", "薪资", FieldType.Amount, Order: 2),
        new FormField("approver", "审批人", FieldType.User, Order: 3),
    ]);

    [Fact]
    public async Task AFieldHiddenAtEveryStep_IsNotShownToACopyRecipient_NorToTheApprover()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var hidden = new Dictionary<string, FieldAccess> { ["salary"] = FieldAccess.Hidden };
        var process = new ApprovalProcess(
            [new StartNode("start"), new CcNode("cc", "抄送", [AssigneeRule.Users(f.FinanceA.UserId!.Value)]),
             new ApprovalNode("boss", "老板", ApprovalMode.Single, [AssigneeRule.Users(f.LeaderA.UserId!.Value)], Fields: hidden), new EndNode("end")],
            [new ProcessEdge("start", "cc"), new ProcessEdge("cc", "boss"), new ProcessEdge("boss", "end")]);
        await f.PublishAsync("salary", process, SalaryForm);
        var id = (await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("salary", new ApprovalApplication("调薪", Data(("reason", "晋升"), ("salary", 30000m))))))).Value;

        var copy = await f.DetailAsync(id, f.FinanceA);
        Assert.False(copy.FormData.ContainsKey("salary"));
        Assert.Contains("salary", copy.HiddenFields);
        Assert.False((await f.DetailAsync(id, f.LeaderA)).FormData.ContainsKey("salary"));
        Assert.Equal(30000m, (await f.DetailAsync(id, f.Applicant)).FormData["salary"].GetDecimal());
    }

    [Fact]
    public async Task TheApplicant_CannotChooseThemselves_AndADisabledApproverGetsNoTask()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var chosen = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("pick", "自选", ApprovalMode.Single, [AssigneeRule.ChosenByApplicant("approver")]), new EndNode("end")],
            [new ProcessEdge("start", "pick"), new ProcessEdge("pick", "end")]);
        await f.PublishAsync("chosen", chosen, SalaryForm);

        var self = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("chosen", new ApprovalApplication("自批", Data(("reason", "x"), ("approver", f.Applicant.UserId!.Value))))));
        Assert.Equal(ApprovalErrors.ChoiceMissing, self.Error!.Code);

        // A chosen approver who was disabled since: refused before anything is written.
        await using (var db = await f.Harness.CreateDbContextAsync())
        {
            (await db.Users.SingleAsync(u => u.Id == f.Outsider.UserId)).IsActive = false;
            await db.SaveChangesAsync();
        }

        var disabled = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("chosen", new ApprovalApplication("给停用的人", Data(("reason", "x"), ("approver", f.Outsider.UserId!.Value))))));
        Assert.Equal(ApprovalErrors.NoAssignees, disabled.Error!.Code);
        await using (var db = await f.Harness.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.ApprovalInstances.CountAsync(i => i.DefinitionCode == "chosen"));
        }

        var fine = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("chosen", new ApprovalApplication("给领导", Data(("reason", "x"), ("approver", f.LeaderB.UserId!.Value))))));
        Assert.True(fine.IsSuccess, fine.Error?.ToString());
    }

    [Fact]
    public async Task OutOfOfficeChains_AreFollowed_AndALoopLeavesTheTaskWithItsAssignee()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var now = f.Harness.Clock.GetUtcNow();
        async Task AwayAsync(Actor who, Actor to) => Assert.True((await f.AsAsync(who, sp => sp.GetRequiredService<IApprovalDelegationService>()
            .CreateAsync(new DelegationInput(to.UserId!.Value, now.AddHours(-1), now.AddDays(1), null)))).IsSuccess);

        // Leader B is away to finance A, who is away to finance B: B's task goes to finance B, on B's behalf.
        await AwayAsync(f.LeaderB, f.FinanceA);
        await AwayAsync(f.FinanceA, f.FinanceB);
        var chained = await f.StartAsync();
        var task = (await f.DetailAsync(chained)).Tasks.Single(t => t.OnBehalfOfId == f.LeaderB.UserId);
        Assert.Equal(f.FinanceB.UserId, task.AssigneeId);

        // Finance B away back to leader B closes a loop: the task stays with leader B.
        await AwayAsync(f.FinanceB, f.LeaderB);
        var looped = await f.StartAsync();
        Assert.Contains((await f.DetailAsync(looped)).Tasks, t => t.AssigneeId == f.LeaderB.UserId && t.OnBehalfOfId is null);

        // The owner back early sees the delegated task in their own to-do list and may act.
        Assert.Contains((await f.Inbox(f.LeaderB, i => i.ListAsync(InboxBox.Todo, new InboxFilter(), new PageRequest()))).Items, r => r.InstanceId == chained);
    }

    private static Dictionary<string, JsonElement> Data(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => FormValues.Of(v.Value));
}
