using Bunit;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Approvals;

namespace Ops.Portal.Tests.Approvals.Runtime;

public sealed class InstanceViewTests : ApprovalPageTestContext
{
    private static readonly ApprovalForm Form = new([new FormField("reason", "Reason", FieldType.Text)]);

    private static InstanceDetail Detail(InstancePermissions allowed, params TimelineEntry[] timeline) => new(
        42, "Leave for Carol", "leave", "Leave", 1, ApprovalStatus.Pending, false, ApprovalUrgency.Urgent, null, null, 5, "Carol", "manager",
        DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, Form,
        new Dictionary<string, System.Text.Json.JsonElement> { ["reason"] = FormValues.Of("family") }, [], ApprovalProcess.Empty,
        new Dictionary<string, NodeProgress>(),
        [new TaskView(2, "manager", "Manager", 1, "Tester", null, null, ApprovalTaskStatus.Pending, null, null, null, DateTimeOffset.UnixEpoch, null, null, null)],
        timeline, allowed, 3);

    private static InstancePermissions Allowed(
        IReadOnlyList<int>? myTasks = null, bool withdraw = false, bool urge = false, bool comment = false, bool terminate = false) =>
        new(myTasks ?? [], [], withdraw, urge, false, terminate, comment, []);

    private static string[] Actions(IRenderedComponent<InstanceView> page) =>
        [.. page.FindAll("#instance-actions [data-action]").Select(b => b.GetAttribute("data-action")!).Order()];

    [Fact]
    public void ApproverWithATask_SeesTheTaskActions_AndNothingElse()
    {
        Inbox.Detail = Detail(Allowed(myTasks: [2], urge: false));

        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));

        page.WaitForAssertion(() => Assert.Equal("Leave for Carol", page.Find("#instance-title").TextContent));
        Assert.Equal(["add", "approve", "delegate", "reject", "transfer"], Actions(page));
    }

    [Fact]
    public void AnApproverWithTwoTasks_ChoosesWhichOneTheButtonsActOn()
    {
        var own = new TaskView(2, "manager", "Manager", 1, "Tester", null, null, ApprovalTaskStatus.Pending, null, null, null, DateTimeOffset.UnixEpoch, null, null, null);
        var forAlice = own with { Number = 3, OnBehalfOfId = 7, OnBehalfOfName = "Alice" };
        Inbox.Detail = Detail(Allowed(myTasks: [2, 3])) with { Tasks = [own, forAlice] };
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#instance-task-choice")));

        Assert.Equal("Manager: my own task", page.Find("#instance-task-choice").GetAttribute("value"));
        var choice = page.FindComponent<MudBlazor.MudSelect<int>>();
        choice.InvokeAsync(() => choice.Instance.ValueChanged.InvokeAsync(3));
        page.WaitForAssertion(() => Assert.Equal("Manager: on behalf of Alice", page.Find("#instance-task-choice").GetAttribute("value")));
        page.Find("[data-action=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#action-confirm")));
        dialogs.Find("#action-confirm").Click();

        page.WaitForAssertion(() => Assert.Equal([new TaskRef(42, 3)], Approvals.Approved));
    }

    [Fact]
    public void Applicant_SeesOnlyWithdrawAndUrge_WhenThoseAreAllowed()
    {
        Inbox.Detail = Detail(Allowed(withdraw: true, urge: true));

        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));

        page.WaitForAssertion(() => Assert.Equal(["urge", "withdraw"], Actions(page)));
        Assert.True(page.Find("[data-field=reason] input").HasAttribute("readonly"));
    }

    [Fact]
    public void Administrator_SeesTerminate_AndCommentWhenAllowed()
    {
        Inbox.Detail = Detail(Allowed(comment: true, terminate: true));

        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));

        page.WaitForAssertion(() => Assert.Equal(["comment", "terminate"], Actions(page)));
    }

    [Fact]
    public void Timeline_SaysWhenSomeoneActedOnBehalfOfAnother()
    {
        var delegated = new TimelineEntry(2, ApprovalAction.Approve, 8, "Bob", 7, "Alice", "manager", "Manager", null, null, null, "ok", [], [], DateTimeOffset.UnixEpoch);
        var own = new TimelineEntry(1, ApprovalAction.Submit, 5, "Carol", null, null, null, null, null, null, null, null, [], [], DateTimeOffset.UnixEpoch);
        Inbox.Detail = Detail(Allowed(), own, delegated);

        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));

        page.WaitForAssertion(() => Assert.Contains("on behalf of Alice", page.Find("[data-entry='2']").TextContent, StringComparison.Ordinal));
        Assert.Contains("Bob", page.Find("[data-entry='2']").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("on behalf of", page.Find("[data-entry='1']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALiveChangeBySomeoneElse_KeepsTheApproversUnsavedEdits()
    {
        Authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "7"));
        Inbox.Detail = Detail(new InstancePermissions([2], [], false, false, false, false, true, ["reason"]));
        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));
        page.WaitForAssertion(() => Assert.Equal("family", page.Find("[data-field=reason] input").GetAttribute("value")));

        // The approver types, unsaved; meanwhile someone comments (a new version, one more timeline entry).
        page.Find("[data-field=reason] input").Change("family trip");
        var comment = new TimelineEntry(1, ApprovalAction.Comment, 9, "Dan", null, null, null, null, null, null, null, "see you", [], [], DateTimeOffset.UnixEpoch);
        Inbox.Detail = Detail(new InstancePermissions([2], [], false, false, false, false, true, ["reason"]), comment) with { Version = 4 };
        await Services.GetRequiredService<Ops.Infrastructure.Common.IEventBus>().PublishAsync(new ApprovalInboxChanged(7, 42));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-entry='1']")));
        Assert.Equal("family trip", page.Find("[data-field=reason] input").GetAttribute("value"));
    }

    [Fact]
    public void Opening_MarksACopyRead()
    {
        Inbox.Detail = Detail(Allowed());

        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));

        page.WaitForAssertion(() => Assert.Contains("ccread", Approvals.Calls));
    }

    [Fact]
    public void AnApprovalRefusedForAFieldTheApproverEdited_IsShownOnThatField()
    {
        Authorization.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "7"));
        Inbox.Detail = Detail(new InstancePermissions([2], [], false, false, false, false, true, ["reason"]));
        Approvals.Answer = Error.Invalid("approval.form.too_long", "Reason", 10).On(FormError.KeyOf("reason"));
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = Render<InstanceView>(p => p.Add(v => v.Id, 42));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-field=reason] input")));

        page.Find("[data-field=reason] input").Change("a family trip to the seaside");
        page.Find("[data-action=approve]").Click();
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find("#action-confirm")));
        dialogs.Find("#action-confirm").Click();

        page.WaitForAssertion(() => Assert.Contains("Reason", page.Find("[data-field=reason] [data-refused=reason]").TextContent, StringComparison.Ordinal));
        Assert.Equal("a family trip to the seaside", page.Find("[data-field=reason] input").GetAttribute("value"));
    }
}
