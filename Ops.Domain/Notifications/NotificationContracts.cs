using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

public sealed record NotificationView(
    long Id, NotificationType Type, NotificationLevel Level, string Title, string Content, string? Link, bool IsRead, DateTimeOffset CreatedAt);

/// <summary>What to tell in-app: the same text for every recipient.</summary>
public sealed record InAppMessage(NotificationType Type, NotificationLevel Level, string Title, string Content, string? Link = null);

public sealed record NotificationFilter(bool? Read = null, NotificationType? Type = null);

/// <summary>A notification reached a user; open circuits show it at once.</summary>
public sealed record NotificationArrived(long UserId, NotificationView Notification);

/// <summary>In-app notifications: other modules send, the current user reads.</summary>
public interface INotificationService
{
    /// <summary>Sends to users (background work as the system, or a user holding the send permission).</summary>
    Task<Result<int>> SendAsync(InAppMessage message, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken = default);

    Task<int> UnreadCountAsync(CancellationToken cancellationToken = default);

    Task<PagedResult<NotificationView>> ListAsync(NotificationFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<int> MarkReadAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default);

    Task<int> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}
