using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

/// <summary>An address or a user that must not be sent to on a channel, until it expires (seed blacklist).</summary>
public sealed class BlacklistEntry : Entity
{
    private BlacklistEntry()
    {
    }

    public BlacklistEntry(MessageChannel channel, string? address, long? userId, string reason, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        Channel = channel;
        Address = address;
        UserId = userId;
        Reason = reason;
        ExpiresAt = expiresAt;
        CreatedAt = now;
    }

    public MessageChannel Channel { get; private set; }

    public string? Address { get; private set; }

    public long? UserId { get; private set; }

    public string Reason { get; private set; } = "";

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool Blocks(MessageChannel channel, string address, long? userId, DateTimeOffset now) =>
        Channel == channel && (ExpiresAt is null || ExpiresAt > now)
        && ((Address is not null && string.Equals(Address, address, StringComparison.OrdinalIgnoreCase)) || (UserId is not null && UserId == userId));
}

/// <summary>A user's choice for one kind of notification on one channel (seed UserNotificationSetting).</summary>
public sealed class UserNotificationSetting
{
    private UserNotificationSetting()
    {
    }

    public UserNotificationSetting(long userId, NotificationType type, MessageChannel channel, bool enabled)
    {
        UserId = userId;
        Type = type;
        Channel = channel;
        Enabled = enabled;
    }

    public long UserId { get; private set; }

    public NotificationType Type { get; private set; }

    public MessageChannel Channel { get; private set; }

    public bool Enabled { get; set; }
}

public sealed record BlacklistInput(MessageChannel Channel, string? Address, long? UserId, string Reason, DateTimeOffset? ExpiresAt);

public sealed record BlacklistRow(long Id, MessageChannel Channel, string? Address, long? UserId, string Reason, DateTimeOffset? ExpiresAt, DateTimeOffset CreatedAt);

/// <summary>The blacklist: who is never sent to on a channel.</summary>
public interface IBlacklistService
{
    Task<IReadOnlyList<BlacklistRow>> ListAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> AddAsync(BlacklistInput input, CancellationToken cancellationToken = default);

    Task<Result> RemoveAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>The current user's notification preferences: kind × channel, on unless turned off.</summary>
public interface INotificationSettingsService
{
    Task<IReadOnlyDictionary<(NotificationType Type, MessageChannel Channel), bool>> GetAsync(CancellationToken cancellationToken = default);

    Task SetAsync(NotificationType type, MessageChannel channel, bool enabled, CancellationToken cancellationToken = default);
}
