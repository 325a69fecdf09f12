using Ops.Domain.Approvals;
using Ops.Domain.Notifications;

namespace Ops.Domain.Tests.Approvals;

public sealed class ApprovalNoticeRulesTests
{
    [Theory]
    [InlineData(ApprovalNoticeKind.TaskAssigned, NotificationLevel.Info)]
    [InlineData(ApprovalNoticeKind.Urged, NotificationLevel.Info)]
    [InlineData(ApprovalNoticeKind.CarbonCopy, NotificationLevel.Info)]
    [InlineData(ApprovalNoticeKind.Approved, NotificationLevel.Success)]
    [InlineData(ApprovalNoticeKind.Rejected, NotificationLevel.Warning)]
    [InlineData(ApprovalNoticeKind.Returned, NotificationLevel.Warning)]
    [InlineData(ApprovalNoticeKind.Terminated, NotificationLevel.Warning)]
    [InlineData(ApprovalNoticeKind.DueReminder, NotificationLevel.Warning)]
    public void Level_FollowsWhatTheNoticeAsksOfTheReader(ApprovalNoticeKind kind, NotificationLevel level) =>
        Assert.Equal(level, ApprovalNoticeRules.Level(kind));

    [Fact]
    public void Link_IsTheApplicationPage() =>
        Assert.Equal("/workflow/instances/42", ApprovalNoticeRules.Link(42));
}
