using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>What a user may do right now: active, superuser, and the granted permission codes.</summary>
public sealed record UserAccess(long UserId, bool IsActive, bool IsSuperuser, IReadOnlySet<string> Permissions)
{
    public static readonly UserAccess None = new(0, false, false, new HashSet<string>());

    public bool Has(string permission) => IsActive && (IsSuperuser || Permissions.Contains(permission));
}

/// <summary>
/// Loads <see cref="UserAccess"/> from the database with a short cache, so a change of roles or
/// grants reaches open circuits within seconds without a query per check.
/// </summary>
public interface IUserAccessStore
{
    Task<UserAccess> GetAsync(long userId, CancellationToken cancellationToken = default);

    void Invalidate(long userId);
}

internal sealed class UserAccessStore : IUserAccessStore, IDisposable
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(3);

    private readonly IServiceProvider _services;
    private readonly IMemoryCache _cache;
    private readonly IDisposable _subscription;
    private CancellationTokenSource _everyone = new();

    public UserAccessStore(IServiceProvider services, IMemoryCache cache, IEventBus events)
    {
        _services = services;
        _cache = cache;
        _subscription = events.Subscribe<AccessChanged>(OnAccessChangedAsync);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _everyone.Dispose();
    }

    // A role change may touch anyone: one token expires every cached entry at once.
    private Task OnAccessChangedAsync(AccessChanged change)
    {
        if (change.UserIds.Count == 0)
        {
            // Cancelled, not disposed: a concurrent reader may still be taking its token.
            var old = Interlocked.Exchange(ref _everyone, new CancellationTokenSource());
            old.Cancel();
        }
        else
        {
            foreach (var userId in change.UserIds)
            {
                Invalidate(userId);
            }
        }

        return Task.CompletedTask;
    }

    public async Task<UserAccess> GetAsync(long userId, CancellationToken cancellationToken = default)
    {
        if (_cache.TryGetValue(Key(userId), out UserAccess? cached) && cached is not null)
        {
            return cached;
        }

        var expiry = new CancellationChangeToken(_everyone.Token);
        var access = await LoadAsync(userId, cancellationToken);
        _cache.Set(Key(userId), access, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = CacheLifetime }.AddExpirationToken(expiry));
        return access;
    }

    public void Invalidate(long userId) => _cache.Remove(Key(userId));

    private async Task<UserAccess> LoadAsync(long userId, CancellationToken cancellationToken)
    {
        // Access checks read as the system so they never recurse into the current-user lookup.
        await using var scope = _services.CreateSystemScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.IsActive, u.IsSuperuser })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return UserAccess.None;
        }

        var codes = await (
            from userRole in db.UserRoles
            join role in db.Roles on userRole.RoleId equals role.Id
            join grant in db.RolePermissions on role.Id equals grant.RoleId
            join permission in db.Permissions on grant.PermissionId equals permission.Id
            where userRole.UserId == userId && role.IsActive && !permission.IsRetired
            select permission.Code).Distinct().ToListAsync(cancellationToken);

        return new UserAccess(userId, user.IsActive, user.IsSuperuser, codes.ToHashSet(StringComparer.Ordinal));
    }

    private static string Key(long userId) => $"ops:access:{userId}";
}
