using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// The user list's totals, per filter and data scope, for a few seconds. Counting 100,000 users costs about 5 ms
/// of a core on SQLite at every page; an API client paging at 200 requests a second spent most of the node on it
/// (issue 18). Any save that touches users, their roles or departments drops every total at once
/// (<see cref="EntityWrites"/>), so this node never shows a stale total; another node's write shows within
/// <see cref="Lifetime"/>.
/// </summary>
public sealed class UserCountCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, (long Generation, DateTimeOffset At, int Count)> _counts = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private long _generation;

    public UserCountCache(EntityWrites writes, TimeProvider clock)
    {
        _clock = clock;
        writes.Written += types =>
        {
            if (types.Contains(typeof(OpsUser)) || types.Contains(typeof(IdentityUserRole<long>)) || types.Contains(typeof(Department)))
            {
                Invalidate();
            }
        };
    }

    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _counts.Clear();
    }

    public async Task<int> GetAsync(UserFilter filter, string? search, DataScopeFilter scope, Func<Task<int>> count)
    {
        if (filter.Locked is not null)
        {
            // Whether a user is locked changes with the clock, not with a write.
            return await count();
        }

        var key = Key(filter, search, scope);
        // Read before counting: a write during the count moves the generation on and the result is not reused.
        var generation = Interlocked.Read(ref _generation);
        var now = _clock.GetUtcNow();
        if (_counts.TryGetValue(key, out var hit) && hit.Generation == generation && now - hit.At < Lifetime)
        {
            return hit.Count;
        }

        var total = await count();
        if (_counts.Count >= MaxEntries)
        {
            _counts.Clear();
        }

        _counts[key] = (generation, now, total);
        return total;
    }

    private static string Key(UserFilter filter, string? search, DataScopeFilter scope) => string.Create(CultureInfo.InvariantCulture,
        $"{filter}|{search}|{scope.All}|{scope.UserId}|{string.Join(',', scope.DepartmentIds.Order())}");
}
