namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// The node's run slots: at most <see cref="SchedulerOptions.MaxConcurrency"/> scheduled runs execute at once. Quartz
/// fires up to <see cref="SchedulerOptions.FireBatchSize"/> triggers in one go; the runs beyond the limit wait here,
/// in the order they came, and start as slots free up. A waiting run holds one of Quartz's slots, so at most
/// FireBatchSize runs wait; past that Quartz stops firing and its misfire policies apply, as before.
/// </summary>
internal sealed class JobRunSlots(SchedulerOptions options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrency));

    public async Task<IDisposable> TakeAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
