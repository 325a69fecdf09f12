using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>Blacklist entries and opt-outs that apply to a set of sends, loaded once for all of them (two queries at most).</summary>
internal sealed class SendSuppression
{
    private readonly List<BlacklistEntry> _blacklist;
    private readonly HashSet<(long UserId, NotificationType Type, MessageChannel Channel)> _optedOut;
    private readonly DateTimeOffset _now;

    private SendSuppression(List<BlacklistEntry> blacklist, HashSet<(long, NotificationType, MessageChannel)> optedOut, DateTimeOffset now) =>
        (_blacklist, _optedOut, _now) = (blacklist, optedOut, now);

    public static async Task<SendSuppression> LoadAsync(OpsDbContext db, IReadOnlyCollection<MessageTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Only the entries that can match these targets (their user ids, their addresses in any case): a blacklist of
        // thousands of addresses is not read for every send. Channel and kind are checked in memory.
        var userIds = targets.Where(t => t.UserId is not null).Select(t => t.UserId!.Value).Distinct().ToList();
        var addresses = targets.Select(t => t.Address.ToLowerInvariant()).Distinct().ToList();
        var blacklist = addresses.Count == 0
            ? []
            : await db.Blacklist.AsNoTracking()
                .Where(b => (b.ExpiresAt == null || b.ExpiresAt > now)
                    && ((b.UserId != null && userIds.Contains(b.UserId.Value)) || (b.Address != null && addresses.Contains(b.Address.ToLower()))))
                .ToListAsync(cancellationToken);
        var optedOut = userIds.Count == 0
            ? []
            : await db.NotificationSettings.AsNoTracking().Where(s => userIds.Contains(s.UserId) && !s.Enabled)
                .Select(s => new { s.UserId, s.Type, s.Channel }).ToListAsync(cancellationToken);
        return new SendSuppression(blacklist, optedOut.Select(s => (s.UserId, s.Type, s.Channel)).ToHashSet(), now);
    }

    /// <summary>Why nothing may go to the target on the channel for this kind of notification; null when it may.</summary>
    public string? ReasonFor(MessageChannel channel, NotificationType type, MessageTarget target)
    {
        if (_blacklist.FirstOrDefault(b => b.Blocks(channel, target.Address, target.UserId, _now)) is { } entry)
        {
            return DeliveryTexts.Blacklisted(entry.Reason);
        }

        return target.UserId is { } id && _optedOut.Contains((id, type, channel)) ? DeliveryTexts.OptedOut : null;
    }
}
