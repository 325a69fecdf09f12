namespace Ops.Infrastructure.Auth;

/// <summary>
/// One signed-in browser. The cookie carries its id; a revoked or missing session ends the
/// cookie at the next request (sign out other sessions, disabling a user).
/// </summary>
public sealed class UserSession
{
    public const int IdLength = 32;

    private UserSession()
    {
    }

    public UserSession(string id, long userId, DateTimeOffset now, string? ipAddress, string? userAgent, string device)
    {
        Id = id;
        UserId = userId;
        CreatedAt = now;
        LastSeenAt = now;
        IpAddress = ipAddress;
        UserAgent = userAgent is { Length: > 512 } ua ? ua[..512] : userAgent;
        Device = device;
    }

    public string Id { get; private set; } = "";

    public long UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastSeenAt { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    /// <summary>"Chrome 120 · Windows 10/11 · Desktop".</summary>
    public string Device { get; private set; } = "";

    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => RevokedAt is null;

    public void Touch(DateTimeOffset now) => LastSeenAt = now;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}

/// <summary>A user's picture, kept in the database so every node serves it.</summary>
public sealed class UserAvatar
{
    public const int MaxBytes = 512 * 1024;

    public long UserId { get; set; }

    public string ContentType { get; set; } = "image/png";

    public byte[] Content { get; set; } = [];
}
