using Ops.Domain.Notifications;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// Per-channel sliding-window limit on sends from this node (IM robots refuse more than about
/// 20 messages a minute). <see cref="TryAcquire"/> either takes a slot or says when one frees up.
/// </summary>
internal sealed class ChannelRateLimiter(OutboxOptions options)
{
    private readonly Dictionary<MessageChannel, Queue<DateTimeOffset>> _sent = [];
    private readonly Lock _gate = new();

    /// <returns><c>null</c> when the send may go now; otherwise the earliest time it may.</returns>
    public DateTimeOffset? TryAcquire(MessageChannel channel, DateTimeOffset now)
    {
        if (!options.RateLimits.TryGetValue(channel, out var limit) || limit <= 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_sent.TryGetValue(channel, out var window))
            {
                _sent[channel] = window = new Queue<DateTimeOffset>();
            }

            while (window.Count > 0 && window.Peek() <= now - options.RateWindow)
            {
                window.Dequeue();
            }

            if (window.Count < limit)
            {
                window.Enqueue(now);
                return null;
            }

            return window.Peek() + options.RateWindow;
        }
    }
}
