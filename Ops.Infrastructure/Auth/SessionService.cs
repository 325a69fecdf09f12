using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

public sealed record SessionInfo(string Id, string Device, string? IpAddress, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, bool IsCurrent);

/// <summary>
/// Signed-in browsers. The cookie names its session; a session ends when revoked, after the idle
/// timeout without activity, or at the absolute limit — for HTTP requests and open circuits alike.
/// Every method takes a user id, so all are internal: the cookie pipeline and sign-in call them with the
/// principal's own id, and pages reach the caller's sessions through <see cref="IProfileService"/> only.
/// </summary>
public sealed class SessionService(IDbContextFactory<OpsDbContext> factory, IEventBus events, AuthOptions options, SessionTouchGate touches, TimeProvider clock)
{
    public const string ClaimType = "ops:sid";

    /// <summary>Activity is written at most this often, so busy pages do not write on every event.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    internal async Task<string> StartAsync(long userId, RequestOrigin? origin, CancellationToken cancellationToken = default)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(UserSession.IdLength / 2));
        var agent = UserAgentInfo.Parse(origin?.UserAgent);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.UserSessions.Add(new UserSession(id, userId, clock.GetUtcNow(), origin?.IpAddress, origin?.UserAgent,
            $"{agent.Browser} · {agent.OperatingSystem} · {agent.Device}"));
        await db.SaveChangesAsync(cancellationToken);
        return id;
    }

    /// <summary>True while the session is alive; records activity when <paramref name="touch"/>.</summary>
    internal async Task<bool> IsAliveAsync(string? sessionId, long userId, bool touch, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var session = await db.UserSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        var now = clock.GetUtcNow();
        if (session is null || !session.IsActive)
        {
            return false;
        }

        if (now - session.CreatedAt >= options.AbsoluteTimeout || now - session.LastSeenAt >= options.IdleTimeout)
        {
            session.Revoke(now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        if (touch && now - session.LastSeenAt >= TouchInterval && touches.TryClaim(session.Id, now, TouchInterval))
        {
            session.Touch(now);
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>True when the session is alive and began less than <paramref name="within"/> ago.</summary>
    internal async Task<bool> IsFreshAsync(string? sessionId, long userId, TimeSpan within, CancellationToken cancellationToken = default)
    {
        if (!await IsAliveAsync(sessionId, userId, touch: false, cancellationToken))
        {
            return false;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var created = await db.UserSessions.Where(s => s.Id == sessionId).Select(s => s.CreatedAt).SingleAsync(cancellationToken);
        return clock.GetUtcNow() - created < within;
    }

    internal async Task<IReadOnlyList<SessionInfo>> ListAsync(long userId, string? currentSessionId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var idleSince = clock.GetUtcNow() - options.IdleTimeout;
        var sessions = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync(cancellationToken);
        return sessions.Select(s => new SessionInfo(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastSeenAt, s.Id == currentSessionId)).ToList();
    }

    /// <summary>Ends one session (sign-out) or all of a user's sessions but <paramref name="except"/>.</summary>
    internal async Task<int> RevokeAsync(long userId, string? only = null, string? except = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var sessions = await db.UserSessions
            .Where(s => s.UserId == userId && s.RevokedAt == null && (only == null || s.Id == only) && (except == null || s.Id != except))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        sessions.ForEach(s => s.Revoke(now));
        await db.SaveChangesAsync(cancellationToken);
        if (sessions.Count > 0)
        {
            await events.PublishAsync(new SessionsRevoked(userId, sessions.Select(s => s.Id).ToList()));
        }

        return sessions.Count;
    }
}
