using System.Collections.Concurrent;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Lets one request per session and interval on this node record the session's activity. Without it, every request
/// that arrived after the interval found the row stale and wrote it: at 200 API calls a second, SQLite serialised those
/// writes and the whole node stalled for up to a second (issue 18's bench, every second run).
/// </summary>
public sealed class SessionTouchGate
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);

    /// <summary>True for the one caller that should write the activity of <paramref name="sessionId"/> now.</summary>
    public bool TryClaim(string sessionId, DateTimeOffset now, TimeSpan interval)
    {
        if (_claims.Count > MaxEntries)
        {
            _claims.Clear();
        }

        while (true)
        {
            if (!_claims.TryGetValue(sessionId, out var claimedAt))
            {
                if (_claims.TryAdd(sessionId, now))
                {
                    return true;
                }
            }
            else if (now - claimedAt < interval)
            {
                return false;
            }
            else if (_claims.TryUpdate(sessionId, now, claimedAt))
            {
                return true;
            }
        }
    }
}
