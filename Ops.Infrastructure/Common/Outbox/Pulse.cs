namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// Something to wait on: <see cref="Next"/> completes at the first <see cref="Fire"/> after it was read. Read it before
/// the work whose outcome you wait for, then await it, and no pulse between the two is missed.
/// </summary>
internal sealed class Pulse
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Fire() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>One wake-up pulse per kind of outbox row: fired when such rows are committed due, so the dispatcher need not wait for its poll.</summary>
internal sealed class OutboxSignals
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Pulse> _pulses = new();

    public Pulse For(Type rowType) => _pulses.GetOrAdd(rowType, _ => new Pulse());
}
