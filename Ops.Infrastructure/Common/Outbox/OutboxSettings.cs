using Ops.Domain.Common;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>How one outbox polls, leases and retries; each outbox binds its own configuration section onto a subclass.</summary>
public class OutboxSettings
{
    /// <summary>How long an idle dispatcher waits before it looks again (an enqueue wakes it sooner).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds a row: longer than any one attempt can take.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    /// <summary>
    /// How many rows of a batch are attempted at once. A batch takes longer than one attempt, so its lease is moved on
    /// while it runs; a delivery must be safe to call concurrently (the channels' rate limits are).
    /// </summary>
    public int Parallelism { get; set; } = 8;

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public RetryPolicy Retry => new(MaxAttempts, BaseDelay, MaxDelay);
}
