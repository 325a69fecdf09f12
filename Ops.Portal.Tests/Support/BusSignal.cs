using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// Waits for a condition without sleeping: the probe runs once, then again each time one of the subscribed events is
/// published, until it holds or the deadline passes. Subscribe before the action whose outcome is awaited, so no event
/// falls between the action and the wait.
/// </summary>
public sealed class BusSignal(IEventBus events) : IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];
    private readonly SemaphoreSlim _raised = new(0);

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public BusSignal On<TEvent>(Func<TEvent, bool>? filter = null) where TEvent : notnull
    {
        _subscriptions.Add(events.Subscribe<TEvent>(e =>
        {
            if (filter?.Invoke(e) ?? true)
            {
                _raised.Release();
            }

            return Task.CompletedTask;
        }));
        return this;
    }

    public async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T, string> describe, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            try
            {
                await _raised.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail(describe(await probe()));
            }

            // One probe answers every event raised so far.
            while (_raised.Wait(0))
            {
            }
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        // The semaphore stays undisposed: a handler already running may still release it.
    }
}
