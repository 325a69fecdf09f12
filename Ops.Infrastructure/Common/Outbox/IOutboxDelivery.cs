using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// What one kind of outbox row does when its turn comes: the only part a new outbox writes itself. Resolved from a
/// system scope per pass, so it may take scoped services. The outbox claims, leases, times out, retries, records and
/// takes back; the delivery only delivers.
/// </summary>
internal interface IOutboxDelivery<in TRow>
    where TRow : IOutboxRow
{
    /// <summary>
    /// Called once per batch before its attempts, so a delivery can look up at once what its rows need (the pass's scope
    /// holds the result; nothing outlives the pass). An exception fails the attempt of every row of the batch.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Makes one attempt, possibly while other rows of the batch are attempted. Returns null when the row was delivered, or the time it may go when it must wait (a rate limit;
    /// no attempt is spent). Any exception is a failed attempt, retried with backoff.
    /// </summary>
    Task<DateTimeOffset?> DeliverAsync(TRow row, CancellationToken cancellationToken);

    /// <summary>The retry policy of this row; the outbox's own unless a kind of row needs another.</summary>
    RetryPolicy Retry(TRow row, RetryPolicy standard) => standard;

    /// <summary>Adds what this outbox keeps of an attempt (an attempt log) to the unit of work that records the outcome.</summary>
    void Record(OpsDbContext db, TRow row, OutboxAttempt attempt)
    {
    }
}

/// <summary>One attempt as it ended: <see cref="Error"/> is null when it worked.</summary>
internal sealed record OutboxAttempt(int Number, DateTimeOffset At, string? Error, TimeSpan Duration);
