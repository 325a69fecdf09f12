using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

public enum NotificationType
{
    System,
    Approval,
    Task,
    Alert,
    Personal,
}

public enum NotificationLevel
{
    Info,
    Success,
    Warning,
    Error,
}

/// <summary>An in-app notification for one user (seed t_notification).</summary>
public sealed class Notification : Entity
{
    public const int TitleMaxLength = 200;
    public const int ContentMaxLength = 4000;
    public const int LinkMaxLength = 500;

    private Notification()
    {
    }

    public Notification(long userId, NotificationType type, NotificationLevel level, string title, string content, string? link, DateTimeOffset createdAt)
    {
        UserId = userId;
        Type = type;
        Level = level;
        Title = title;
        Content = content;
        Link = link;
        CreatedAt = createdAt;
    }

    public long UserId { get; private set; }

    public NotificationType Type { get; private set; }

    public NotificationLevel Level { get; private set; }

    public string Title { get; private set; } = "";

    public string Content { get; private set; } = "";

    /// <summary>A local path in the portal the notification leads to.</summary>
    public string? Link { get; private set; }

    public bool IsRead { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The outbox message this came from, if any: one message makes one notification, however often it is dispatched.</summary>
    public long? MessageLogId { get; private set; }

    /// <summary>The notification an outbox message delivers.</summary>
    public static Notification FromMessage(MessageLog message, DateTimeOffset now)
    {
        var title = message.Subject ?? message.TemplateCode ?? "";
        var content = message.Content.Length <= ContentMaxLength ? message.Content : message.Content[..ContentMaxLength];
        return new Notification(message.UserId ?? throw new DomainException("message.inapp.no_user"), message.Type, message.Level,
            title.Length <= TitleMaxLength ? title : title[..TitleMaxLength], content, message.Link, now)
        {
            MessageLogId = message.Id,
        };
    }

    /// <summary>Whether <paramref name="link"/> may be a notification's link: a path inside the portal, never another site.</summary>
    public static bool IsLink(string link) =>
        link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !link.StartsWith("/\\", StringComparison.Ordinal) && link.Length <= LinkMaxLength;

    /// <summary>Links a notification sent directly (not through the outbox) to the message-log row that records it.</summary>
    public void RecordedAs(long messageLogId) => MessageLogId = messageLogId;

    public void MarkRead(DateTimeOffset now)
    {
        if (!IsRead)
        {
            IsRead = true;
            ReadAt = now;
        }
    }
}
