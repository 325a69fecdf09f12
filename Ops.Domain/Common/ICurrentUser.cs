namespace Ops.Domain.Common;

/// <summary>Who is acting: a signed-in user, an anonymous visitor, or the system (background work).</summary>
public sealed record Actor(long? UserId, string Name, bool IsAuthenticated, bool IsSystem)
{
    /// <summary>
    /// For a call made with an access token: the permission codes the token carries. The caller may use a permission
    /// only when the user holds it and the token names it. Null for a signed-in user, who acts with all they hold.
    /// </summary>
    public IReadOnlySet<string>? Scopes { get; init; }

    public static readonly Actor Anonymous = new(null, "anonymous", false, false);

    public static readonly Actor System = new(null, "system", true, true);
}

/// <summary>The identity behind the current operation (circuit, request or background job).</summary>
public interface ICurrentUser
{
    ValueTask<Actor> GetActorAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// Server-side authorization every service method calls before it reads protected data or changes
/// anything. Throws <see cref="ForbiddenException"/> when the permission is missing.
/// </summary>
public interface IPermissionGuard
{
    Task DemandAsync(string permission, CancellationToken cancellationToken = default);

    Task<bool> HasAsync(string permission, CancellationToken cancellationToken = default);

    /// <summary>Passes when the caller holds at least one of the permissions.</summary>
    async Task DemandAnyAsync(IReadOnlyList<string> permissions, CancellationToken cancellationToken = default)
    {
        foreach (var permission in permissions)
        {
            if (await HasAsync(permission, cancellationToken))
            {
                return;
            }
        }

        throw new ForbiddenException(string.Join("|", permissions));
    }

    /// <summary>The signed-in user's id, or <see cref="ForbiddenException"/> for anonymous and system callers.</summary>
    Task<long> RequireUserIdAsync(CancellationToken cancellationToken = default);
}
