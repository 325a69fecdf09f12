using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

public enum CallbackKind
{
    /// <summary>An HMAC-signed POST to the definition's callback URL.</summary>
    Http,

    /// <summary>The in-process <see cref="IApprovalHook"/> registered for the business type.</summary>
    Hook,

    /// <summary>The notices of one action (new tasks, urges, results), sent through the notification center.</summary>
    Notice,
}

public enum CallbackStatus
{
    Pending,
    Sending,
    Delivered,

    /// <summary>Every attempt failed; an administrator may send it again.</summary>
    Failed,
}

/// <summary>
/// A durable outbox row: written in the same transaction as the action it follows (the notices of the action,
/// the callbacks of a final state), then delivered at least once with retry and backoff. Receivers
/// de-duplicate on <see cref="DeliveryId"/>.
/// </summary>
public sealed class ApprovalCallback : Entity, IOutboxRow<CallbackStatus>
{
    public const int TargetMaxLength = 500;
    public const int ErrorMaxLength = 1000;

    private ApprovalCallback()
    {
    }

    public ApprovalCallback(long instanceId, CallbackKind kind, string target, string payload, DateTimeOffset now)
    {
        InstanceId = instanceId;
        Kind = kind;
        Target = target;
        Payload = payload;
        DeliveryId = Guid.NewGuid().ToString("N");
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>For a row queued with a new instance: EF sets <see cref="InstanceId"/> when both are inserted.</summary>
    public ApprovalCallback(ApprovalInstance instance, CallbackKind kind, string target, string payload, DateTimeOffset now)
        : this(instance.Id, kind, target, payload, now) => Instance = instance;

    static CallbackStatus IOutboxRow<CallbackStatus>.Waiting => CallbackStatus.Pending;

    static CallbackStatus IOutboxRow<CallbackStatus>.InHand => CallbackStatus.Sending;

    bool IOutboxRow.IsWaiting => Status == CallbackStatus.Pending;

    public long InstanceId { get; private set; }

    public ApprovalInstance? Instance { get; private set; }

    public CallbackKind Kind { get; private set; }

    /// <summary>The URL (HTTP) or the business type (hook).</summary>
    public string Target { get; private set; } = "";

    /// <summary>The JSON body: the <see cref="ApprovalFinished"/> event.</summary>
    public string Payload { get; private set; } = "";

    public string DeliveryId { get; private set; } = "";

    public CallbackStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public string? LeaseOwner { get; private set; }

    public DateTimeOffset? LeaseUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public void Delivered(DateTimeOffset now)
    {
        (Status, DeliveredAt, LastError, LeaseOwner, LeaseUntil) = (CallbackStatus.Delivered, now, null, null, null);
        Attempts++;
    }

    void IOutboxRow.Succeeded(DateTimeOffset now) => Delivered(now);

    /// <summary>A failed attempt: retried after the policy's backoff, or failed for good after the last attempt.</summary>
    public void AttemptFailed(string error, DateTimeOffset now, RetryPolicy policy)
    {
        Attempts++;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        (LeaseOwner, LeaseUntil) = (null, null);
        if (Attempts >= policy.MaxAttempts)
        {
            Status = CallbackStatus.Failed;
            return;
        }

        (Status, NextAttemptAt) = (CallbackStatus.Pending, now + policy.DelayAfter(Attempts));
    }

    /// <summary>Held back: due again from <paramref name="until"/>, no attempt spent.</summary>
    public void Deferred(DateTimeOffset until) => (Status, NextAttemptAt, LeaseOwner, LeaseUntil) = (CallbackStatus.Pending, until, null, null);

    /// <summary>A restart found it being delivered by a process of this node that died: due again now.</summary>
    public void TakenBack(DateTimeOffset now) => (Status, NextAttemptAt, LeaseOwner, LeaseUntil) = (CallbackStatus.Pending, now, null, null);

    /// <summary>An administrator sends a failed callback again.</summary>
    public void Retry(DateTimeOffset now) => (Status, NextAttemptAt, Attempts) = (CallbackStatus.Pending, now, 0);
}
