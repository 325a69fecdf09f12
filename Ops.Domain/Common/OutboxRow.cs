namespace Ops.Domain.Common;

/// <summary>
/// A row of a durable outbox: written in the same transaction as the change it follows, then claimed by one node under a
/// lease, attempted, retried with backoff and recorded (see <c>Ops.Infrastructure/Common/Outbox</c>). Receivers
/// de-duplicate on the row's id: a crash may deliver a row twice, never lose it.
/// </summary>
/// <typeparam name="TStatus">The row's own status enum; <see cref="Waiting"/> and <see cref="InHand"/> name the two the outbox moves between.</typeparam>
public interface IOutboxRow<TStatus> : IOutboxRow
    where TStatus : struct, Enum
{
    /// <summary>Due for an attempt from <see cref="IOutboxRow.NextAttemptAt"/> on.</summary>
    static abstract TStatus Waiting { get; }

    /// <summary>Claimed by <see cref="IOutboxRow.LeaseOwner"/> until <see cref="IOutboxRow.LeaseUntil"/>.</summary>
    static abstract TStatus InHand { get; }

    TStatus Status { get; }
}

/// <summary>The part of an outbox row that does not depend on its status enum.</summary>
public interface IOutboxRow
{
    long Id { get; }

    int Attempts { get; }

    /// <summary>In the waiting status (implemented explicitly, so EF maps no column for it).</summary>
    bool IsWaiting { get; }

    DateTimeOffset NextAttemptAt { get; }

    /// <summary>The node incarnation (<c>node/guid</c>) working on the row; null when nobody is.</summary>
    string? LeaseOwner { get; }

    DateTimeOffset? LeaseUntil { get; }

    /// <summary>The attempt worked: done, lease released.</summary>
    void Succeeded(DateTimeOffset now);

    /// <summary>The attempt failed: waiting again after the policy's backoff, or failed for good after the last attempt.</summary>
    void AttemptFailed(string error, DateTimeOffset now, RetryPolicy policy);

    /// <summary>Held back (a rate limit): waiting again from <paramref name="until"/>, no attempt spent.</summary>
    void Deferred(DateTimeOffset until);

    /// <summary>A restart found the row in the hands of a process of this node that died: due again at once.</summary>
    void TakenBack(DateTimeOffset now);
}
