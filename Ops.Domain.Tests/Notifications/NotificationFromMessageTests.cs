using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Domain.Tests.Notifications;

public sealed class NotificationFromMessageTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static MessageLog Message() =>
        new(MessageChannel.InApp, "5", 5, "scheduler.job_alert.inapp", "Job alert", "failed", "job_alert", "1", null, Now, NotificationType.Alert);

    [Fact]
    public void TheNotification_CarriesTheMessagesLinkAndLevel()
    {
        var message = Message();
        message.Leads("/scheduler/runs/9", NotificationLevel.Error);

        var notification = Notification.FromMessage(message, Now);

        Assert.Equal(("/scheduler/runs/9", NotificationLevel.Error), (notification.Link, notification.Level));
    }

    [Fact]
    public void AMessageWithoutOne_IsPlainInformationLeadingNowhere()
    {
        var notification = Notification.FromMessage(Message(), Now);

        Assert.Equal((null, NotificationLevel.Info), (notification.Link, notification.Level));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("scheduler/runs/9")]
    public void ALinkOutsideThePortal_IsRefused(string link) =>
        Assert.Equal("message.notification.link_invalid", Assert.Throws<DomainException>(() => Message().Leads(link, NotificationLevel.Info)).Code);
}
