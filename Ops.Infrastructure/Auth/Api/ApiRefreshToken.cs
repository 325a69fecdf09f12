namespace Ops.Infrastructure.Auth.Api;

/// <summary>
/// One refresh token of an API sign-in. The sign-in's <see cref="UserSession"/> is the token family: each refresh
/// spends its token and issues the next one in the same session; a spent token shown again revokes the session, so a
/// stolen and a legitimate copy cannot both go on. Only the SHA-256 of the token is kept.
/// </summary>
public sealed class ApiRefreshToken
{
    private ApiRefreshToken()
    {
    }

    public ApiRefreshToken(string tokenHash, string sessionId, long userId, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        TokenHash = tokenHash;
        SessionId = sessionId;
        UserId = userId;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public long Id { get; private set; }

    public string TokenHash { get; private set; } = "";

    public string SessionId { get; private set; } = "";

    public long UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>When it was exchanged for the next one; a second exchange is reuse.</summary>
    public DateTimeOffset? UsedAt { get; private set; }
}
