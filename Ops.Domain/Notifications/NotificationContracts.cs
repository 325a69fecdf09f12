using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

public sealed record NotificationView(
    long Id, NotificationType Type, NotificationLevel Level, string Title, string Content, string? Link, bool IsRead, DateTimeOffset CreatedAt);

/// <summary>What to tell in-app: the same text for every recipient.</summary>
/// <summary>An in-app message; <see cref="IdempotencyKey"/> (the sending form's) makes a repeated send deliver nothing more.</summary>
public sealed record InAppMessage(
    NotificationType Type, NotificationLevel Level, string Title, string Content, string? Link = null, string? IdempotencyKey = null);

public sealed record NotificationFilter(bool? Read = null, NotificationType? Type = null);

/// <summary>A notification reached a user; open circuits show it at once.</summary>
public sealed record NotificationArrived(long UserId, NotificationView Notification) : IUserEvent;

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
/// A request of another module to reach people: a template, recipients (users, members of roles,
/// people of departments including their sub-departments, or raw addresses),
/// the variables, what it is about, and a key that makes retries of the same request harmless.
/// </summary>
public sealed record SendRequest(
    string TemplateCode,
    IReadOnlyCollection<long> UserIds,
    IReadOnlyCollection<string> Addresses,
    IReadOnlyDictionary<string, string?> Variables,
    string? BusinessType = null,
    string? BusinessId = null,
    string? IdempotencyKey = null,
    NotificationType Type = NotificationType.System,
    IReadOnlyCollection<long>? RoleIds = null,
    IReadOnlyCollection<long>? DepartmentIds = null)
{
    /// <summary>Where the in-app notification leads: a local path (<see cref="Notification.IsLink"/>), or none.</summary>
    public string? Link { get; init; }

    /// <summary>How the in-app notification is marked.</summary>
    public NotificationLevel Level { get; init; } = NotificationLevel.Info;
}

/// <summary>The one send API: renders per recipient and queues durable outbox rows.</summary>
public interface IMessageService
{
    /// <summary>Queues the messages; returns how many rows were queued (repeats of a key queue nothing).</summary>
    Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues many requests together (templates, recipients and suppressions looked up once for all, one save):
    /// each request gets the result <see cref="SendAsync"/> would have given it, in the order given; a refused request
    /// does not hold back the others.
    /// </summary>
    Task<IReadOnlyList<Result<int>>> SendManyAsync(IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken = default);
}

public sealed record MessageLogFilter(
    MessageChannel? Channel = null, MessageStatus? Status = null, string? BusinessType = null, string? BusinessId = null,
    string? Recipient = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public sealed record MessageLogRow(
    long Id, MessageChannel Channel, string Recipient, string? TemplateCode, string? Subject, MessageStatus Status, int Attempts,
    string? LastError, string? BusinessType, string? BusinessId, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset NextAttemptAt,
    string? RecipientName = null, int ResentAfterRestart = 0);

public sealed record AttemptRow(int Number, DateTimeOffset At, bool Success, string? Error, double DurationMs);

public sealed record MessageLogDetail(MessageLogRow Row, string Content, IReadOnlyList<AttemptRow> Attempts);

/// <summary>The message log: what was sent to whom, every attempt, and resend of failures.</summary>
public interface IMessageLogService
{
    Task<PagedResult<MessageLogRow>> QueryAsync(MessageLogFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<MessageLogDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The filtered log as an Excel workbook (newest first, at most 50,000 rows).</summary>
    Task<byte[]> ExportAsync(MessageLogFilter filter, SheetFormat format, CancellationToken cancellationToken = default);

    Task<Result> ResendAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Resends failed messages together: all of them, or none when one is missing or not failed.</summary>
    Task<Result<int>> ResendAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}
