using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Ops.Portal.Hosting;

/// <summary>
/// The notification hub's open connections on this node, each with the sign-in session it came from,
/// so that ending a session (sign-out, revocation, expiry) can end its connections as it ends circuits.
/// </summary>
internal sealed class HubConnections
{
    internal sealed record Entry(HubCallerContext Context, long UserId, string SessionId);

    private readonly ConcurrentDictionary<string, Entry> _connections = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context, long userId, string sessionId) =>
        _connections[context.ConnectionId] = new Entry(context, userId, sessionId);

    public void Remove(string connectionId) => _connections.TryRemove(connectionId, out _);

    public IReadOnlyList<Entry> OfUser(long userId) => [.. _connections.Values.Where(e => e.UserId == userId)];

    /// <summary>Closes the connections of these sessions; returns how many.</summary>
    public int Abort(long userId, IReadOnlyCollection<string> sessionIds)
    {
        var ended = OfUser(userId).Where(e => sessionIds.Contains(e.SessionId)).ToList();
        foreach (var entry in ended)
        {
            Abort(entry);
        }

        return ended.Count;
    }

    public void Abort(Entry entry)
    {
        Remove(entry.Context.ConnectionId);
        entry.Context.Abort();
    }
}
