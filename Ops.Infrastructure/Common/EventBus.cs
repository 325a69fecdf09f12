using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common;

/// <summary>
/// In-process publish/subscribe for live updates (access changes, notifications, job states).
/// Subscribers are circuits and caches; they dispose their subscription when they go away.
/// Several nodes will put Redis behind the same interface.
/// </summary>
public interface IEventBus
{
    Task PublishAsync<TEvent>(TEvent message) where TEvent : notnull;

    IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull;

    /// <summary>Only the events for one user: publishing to one user costs that user's subscribers, not every circuit.</summary>
    IDisposable SubscribeForUser<TEvent>(long userId, Func<TEvent, Task> handler) where TEvent : IUserEvent;
}

internal sealed class InMemoryEventBus(ILogger<InMemoryEventBus> logger) : IEventBus
{
    private readonly ConcurrentDictionary<Type, ConcurrentDictionary<Guid, Func<object, Task>>> _handlers = new();
    private readonly ConcurrentDictionary<(Type Event, long UserId), ConcurrentDictionary<Guid, Func<object, Task>>> _userHandlers = new();

    public async Task PublishAsync<TEvent>(TEvent message) where TEvent : notnull
    {
        IEnumerable<Func<object, Task>> handlers = _handlers.TryGetValue(typeof(TEvent), out var all) ? all.Values : [];
        if (message is IUserEvent forUser && _userHandlers.TryGetValue((typeof(TEvent), forUser.UserId), out var mine))
        {
            handlers = handlers.Concat(mine.Values);
        }

        // All subscribers start at once and are awaited together: a slow circuit does not delay the
        // next one, so delivery to N circuits costs the slowest, not the sum.
        await Task.WhenAll(handlers.Select(handler => InvokeAsync(handler, message, typeof(TEvent).Name)));
    }

    private async Task InvokeAsync(Func<object, Task> handler, object message, string eventName)
    {
        try
        {
            await handler(message);
        }
        catch (Exception ex)
        {
            // One broken subscriber (a closed circuit) must not stop the others.
            logger.LogWarning(ex, "Event handler for {Event} failed", eventName);
        }
    }

    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull
    {
        var id = Guid.NewGuid();
        var handlers = _handlers.GetOrAdd(typeof(TEvent), _ => new());
        handlers[id] = message => handler((TEvent)message);
        return new Subscription(() => handlers.TryRemove(id, out _));
    }

    public IDisposable SubscribeForUser<TEvent>(long userId, Func<TEvent, Task> handler) where TEvent : IUserEvent
    {
        var id = Guid.NewGuid();
        var handlers = _userHandlers.GetOrAdd((typeof(TEvent), userId), _ => new());
        handlers[id] = message => handler((TEvent)message);

        // The empty per-user set stays: removing it would race a concurrent subscribe for the same user.
        return new Subscription(() => handlers.TryRemove(id, out _));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
