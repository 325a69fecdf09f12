using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

public enum MessageStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Blocked,
}

/// <summary>
/// One message to one recipient over one channel (seed t_message_log), and the outbox row the
/// dispatcher works from: claimed under a lease, retried with backoff, never lost.
/// </summary>
public sealed class MessageLog : Entity, IOutboxRow<MessageStatus>
{
    public const int AddressMaxLength = 512;
    public const int KeyMaxLength = 128;

    private MessageLog()
    {
    }

    public MessageLog(
        MessageChannel channel, string recipient, long? userId, string? templateCode, string? subject, string content,
        string? businessType, string? businessId, string? idempotencyKey, DateTimeOffset now,
        NotificationType type = NotificationType.System)
    {
        Type = type;
        Channel = channel;
        Recipient = recipient;
        UserId = userId;
        TemplateCode = templateCode;
        Subject = subject;
        Content = content;
        BusinessType = businessType;
        BusinessId = businessId;
        IdempotencyKey = idempotencyKey;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    static MessageStatus IOutboxRow<MessageStatus>.Waiting => MessageStatus.Pending;

    static MessageStatus IOutboxRow<MessageStatus>.InHand => MessageStatus.Sending;

    bool IOutboxRow.IsWaiting => Status == MessageStatus.Pending;

    public MessageChannel Channel { get; private set; }

    /// <summary>The address on the channel (e-mail, phone, webhook target, user id for in-app).</summary>
    public string Recipient { get; private set; } = "";

    public long? UserId { get; private set; }

    public string? TemplateCode { get; private set; }

    public string? Subject { get; private set; }

    public string Content { get; private set; } = "";

    /// <summary>The kind of notification: checked against per-user settings and shown in-app.</summary>
    public NotificationType Type { get; private set; }

    public string? BusinessType { get; private set; }

    public string? BusinessId { get; private set; }

    /// <summary>Where the in-app notification it becomes leads (a local path), if anywhere.</summary>
    public string? Link { get; private set; }

    /// <summary>How the in-app notification it becomes is marked.</summary>
    public NotificationLevel Level { get; private set; }

    /// <summary>The caller's key: the same key, channel and recipient are sent once.</summary>
    public string? IdempotencyKey { get; private set; }

    public MessageStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LeaseOwner { get; private set; }

    /// <summary>
    /// How often a restart found this message being sent by a process that had died, and sent it again (the receiver
    /// may have got it already: it de-duplicates on the message id).
    /// </summary>
    public int ResentAfterRestart { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    /// <summary>Where the in-app notification leads and how it is marked; a link that is not a local path is refused.</summary>
    public void Leads(string? link, NotificationLevel level)
    {
        if (link is not null && !Notification.IsLink(link))
        {
            throw new DomainException("message.notification.link_invalid");
        }

        (Link, Level) = (link, level);
    }

    /// <summary>
    /// The log row of an in-app notification delivered on the spot ("send notification"): recorded like
    /// the outbox's deliveries, already sent, so the message log shows every channel.
    /// </summary>
    public static MessageLog DeliveredInApp(long userId, string title, string content, NotificationType type, DateTimeOffset now)
    {
        var log = new MessageLog(MessageChannel.InApp, userId.ToString(System.Globalization.CultureInfo.InvariantCulture), userId, null, title, content,
            null, null, null, now, type);
        log.Succeeded(now);
        return log;
    }

    public void Block(string reason)
    {
        Status = MessageStatus.Blocked;
        LastError = reason;
    }

    /// <summary>The attempt worked: sent, lease released.</summary>
    public void Succeeded(DateTimeOffset now)
    {
        Attempts++;
        Status = MessageStatus.Sent;
        SentAt = now;
        (LeaseOwner, LeaseUntil, LastError) = (null, null, null);
    }

    /// <summary>The attempt failed: retry after the policy's delay, or fail for good at the limit.</summary>
    public void AttemptFailed(string error, DateTimeOffset now, RetryPolicy policy)
    {
        Attempts++;
        LastError = error.Length <= 2000 ? error : error[..2000];
        (LeaseOwner, LeaseUntil) = (null, null);
        if (Attempts >= policy.MaxAttempts)
        {
            Status = MessageStatus.Failed;
            return;
        }

        Status = MessageStatus.Pending;
        NextAttemptAt = now + policy.DelayAfter(Attempts);
    }

    /// <summary>Held back by the channel's rate limit: pending again from <paramref name="until"/>, no attempt spent.</summary>
    public void Deferred(DateTimeOffset until)
    {
        Status = MessageStatus.Pending;
        NextAttemptAt = until;
        (LeaseOwner, LeaseUntil) = (null, null);
    }

    /// <summary>A restart found it being sent by a process of this node that died: due again now, and counted as resent.</summary>
    public void TakenBack(DateTimeOffset now)
    {
        (Status, NextAttemptAt, LeaseOwner, LeaseUntil) = (MessageStatus.Pending, now, null, null);
        ResentAfterRestart++;
    }

    /// <summary>Manual resend of a failed message: a fresh round of attempts.</summary>
    public void Resend(DateTimeOffset now)
    {
        if (Status != MessageStatus.Failed)
        {
            throw new DomainException("message.log.not_failed");
        }

        (Status, Attempts, NextAttemptAt, LastError) = (MessageStatus.Pending, 0, now, null);
    }
}

/// <summary>One delivery attempt of a message, kept for the log's detail view.</summary>
public sealed class MessageAttempt : Entity
{
    private MessageAttempt()
    {
    }

    public MessageAttempt(long messageId, int number, DateTimeOffset at, bool success, string? error, double durationMs)
    {
        MessageId = messageId;
        Number = number;
        At = at;
        Success = success;
        Error = error is { Length: > 2000 } e ? e[..2000] : error;
        DurationMs = durationMs;
    }

    public long MessageId { get; private set; }

    public int Number { get; private set; }

    public DateTimeOffset At { get; private set; }

    public bool Success { get; private set; }

    public string? Error { get; private set; }

    public double DurationMs { get; private set; }
}
