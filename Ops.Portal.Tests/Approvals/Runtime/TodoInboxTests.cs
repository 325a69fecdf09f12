using Bunit;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Approvals;

namespace Ops.Portal.Tests.Approvals.Runtime;

public sealed class TodoInboxTests : ApprovalPageTestContext
{
    private static InboxRow Row(long instance, int task, bool simple) => new(
        instance, $"Request {instance}", "leave", "Leave", ApprovalStatus.Pending, ApprovalUrgency.Normal, 5, "Carol", "Manager",
        DateTimeOffset.UnixEpoch, null, task, "Manager", ApprovalTaskStatus.Pending, DateTimeOffset.UnixEpoch, null, null, null, null, simple, null);

    [Fact]
    public void Tabs_ShowTheirCounts()
    {
        Inbox.Counts = new InboxCounts(Todo: 3, Done: 7, Mine: 1, UnreadCc: 2);

        var page = Render<Todo>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-count=todo]").TextContent.Trim()));
        Assert.Equal("1", page.Find("[data-count=mine]").TextContent.Trim());
        Assert.Equal("2", page.Find("[data-count=cc]").TextContent.Trim());
        Assert.Equal("7", page.Find("[data-count=done]").TextContent.Trim());
    }

    [Fact]
    public void BatchApprove_SendsOnlyTheSelectedSimpleTasks()
    {
        Inbox.Rows.AddRange([Row(11, 1, simple: true), Row(12, 2, simple: false), Row(13, 3, simple: true)]);
        var page = Render<Todo>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-instance]").Count), Patience);

        // Select the first two rows (one simple, one not); the third simple row stays unselected.
        RowCheckbox(page, 11).Change(true);
        RowCheckbox(page, 12).Change(true);
        page.WaitForAssertion(() => Assert.False(page.Find("#inbox-batch-approve").HasAttribute("disabled")), Patience);
        page.Find("#inbox-batch-approve").Click();

        page.WaitForAssertion(() => Assert.Single(Approvals.Batches), Patience);
        Assert.Equal([new TaskRef(11, 1)], Approvals.Batches[0]);
    }

    // The whole suite runs in parallel on two cores: renders can take longer than bUnit's one-second default.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static AngleSharp.Dom.IElement RowCheckbox(IRenderedComponent<Todo> page, long instance) =>
        page.FindAll("#inbox-grid tbody tr").Single(tr => tr.QuerySelector($"[data-instance='{instance}']") is not null).QuerySelector("input[type=checkbox]")!;
}
