using Ops.Domain.Notifications;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Infrastructure.Notifications;

/// <summary>Section <c>Outbox</c>: how the message outbox polls, leases and retries, and the channels' rate limits.</summary>
public sealed class OutboxOptions : OutboxSettings
{
    /// <summary>Most messages per <see cref="RateWindow"/> and channel from one node; channels not listed are unlimited.</summary>
    public Dictionary<MessageChannel, int> RateLimits { get; set; } = new()
    {
        [MessageChannel.DingTalk] = 20,
        [MessageChannel.WeCom] = 20,
        [MessageChannel.Feishu] = 100,
    };

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);
}
