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

/// <summary>
/// A request of another module to reach people: a template, recipients (users or raw addresses),
/// the variables, what it is about, and a key that makes retries of the same request harmless.
/// </summary>
public sealed record SendRequest(
    string TemplateCode,
    IReadOnlyCollection<long> UserIds,
    IReadOnlyCollection<string> Addresses,
    IReadOnlyDictionary<string, string?> Variables,
    string? BusinessType = null,
    string? BusinessId = null,
    string? IdempotencyKey = null);

/// <summary>The one send API: renders per recipient and queues durable outbox rows.</summary>
public interface IMessageService
{
    /// <summary>Queues the messages; returns how many rows were queued (repeats of a key queue nothing).</summary>
    Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default);
}
