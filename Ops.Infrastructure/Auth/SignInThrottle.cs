using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Anti-automation for the anonymous account endpoints. Failed password sign-ins lock a login name for one client
/// address only — an outsider who fails five times locks themselves out, not the account's owner — and names that
/// do not exist lock the same way, so "locked" says nothing about which accounts exist. Token buckets per address and
/// per account cap the rate of sign-ins, two-factor codes and registrations (System.Threading.RateLimiting, the
/// limiter behind ASP.NET Core's middleware). State is per node: behind a balancer each node counts on its own.
/// </summary>
public sealed class SignInThrottle(AuthOptions options, TimeProvider clock)
{
    private const int MaxTracked = 50_000;

    private readonly ConcurrentDictionary<(string Address, string Login), Failures> _failures = new();
    private readonly PartitionedRateLimiter<string> _perAddress = Buckets(options.AttemptsPerAddressPerMinute);
    private readonly PartitionedRateLimiter<string> _perAccount = Buckets(options.AttemptsPerAccountPerMinute);
    private readonly PartitionedRateLimiter<string> _registrations = Buckets(options.RegistrationsPerAddressPerHour, TimeSpan.FromHours(1));

    /// <summary>Whether another attempt of <paramref name="kind"/> may be made now from the address, for the account (null: none yet).</summary>
    public bool TryAttempt(string kind, string? address, string? account)
    {
        using var byAddress = _perAddress.AttemptAcquire($"{kind}|{address}");
        if (!byAddress.IsAcquired)
        {
            return false;
        }

        if (account is null)
        {
            return true;
        }

        using var byAccount = _perAccount.AttemptAcquire($"{kind}|{Normalize(account)}");
        return byAccount.IsAcquired;
    }

    public bool TryRegister(string? address)
    {
        using var lease = _registrations.AttemptAcquire(address ?? "");
        return lease.IsAcquired;
    }

    /// <summary>When the login is locked for this address, else null.</summary>
    public DateTimeOffset? LockedUntil(string? address, string login) =>
        _failures.TryGetValue(Key(address, login), out var f) && f.LockedUntil > clock.GetUtcNow() ? f.LockedUntil : null;

    /// <summary>Counts a failure; returns the lock's end when this failure locks the login for the address.</summary>
    public DateTimeOffset? RecordFailure(string? address, string login)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > MaxTracked)
        {
            Prune(now);
        }

        var entry = _failures.AddOrUpdate(Key(address, login), _ => new Failures(1, null, now), (_, f) =>
        {
            // A lock that ran out starts the count again.
            var count = f.LockedUntil is { } until && until <= now ? 1 : f.Count + 1;
            return new Failures(count, count >= options.MaxFailedAccessAttempts ? now + options.LockoutDuration : null, now);
        });
        return entry.LockedUntil;
    }

    public void Reset(string? address, string login) => _failures.TryRemove(Key(address, login), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, f) in _failures)
        {
            if ((f.LockedUntil ?? f.LastAt + options.LockoutDuration) <= now)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string? address, string login) => (address ?? "", Normalize(login));

    private static string Normalize(string login) => login.Trim().ToUpperInvariant();

    private static PartitionedRateLimiter<string> Buckets(int perPeriod, TimeSpan? period = null) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perPeriod),
            TokensPerPeriod = Math.Max(1, perPeriod),
            ReplenishmentPeriod = period ?? TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil, DateTimeOffset LastAt);
}
