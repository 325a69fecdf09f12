namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// Hands out the lease ends of one dispatcher's claims. Each is also the claim's token (owner + lease end name the rows of
/// one claim), so no two are equal even when the clock stands still; whole milliseconds, which both databases store exactly.
/// </summary>
internal sealed class OutboxLeaseClock(TimeSpan lease)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);
    private readonly Lock _gate = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    public DateTimeOffset Next(DateTimeOffset now)
    {
        var until = now + lease;
        until = new DateTimeOffset(until.UtcTicks - (until.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
        lock (_gate)
        {
            _last = until > _last ? until : _last + Step;
            return _last;
        }
    }
}
