using Ops.Domain.Common;

namespace Ops.Infrastructure.Auth;

/// <summary>The server-side check every service method starts with.</summary>
internal sealed class PermissionGuard(ICurrentUser currentUser, IUserAccessStore accessStore) : IPermissionGuard
{
    public async Task DemandAsync(string permission, CancellationToken cancellationToken = default)
    {
        if (!await HasAsync(permission, cancellationToken))
        {
            throw new ForbiddenException(permission);
        }
    }

    public async Task<long> RequireUserIdAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        return actor is { IsAuthenticated: true, IsSystem: false, UserId: { } id } ? id : throw new ForbiddenException("authenticated");
    }

    public async Task<bool> HasAsync(string permission, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (actor.IsSystem)
        {
            return true;
        }

        if (!actor.IsAuthenticated || actor.UserId is not { } userId)
        {
            return false;
        }

        if (actor.Scopes is { } scopes && !scopes.Contains(permission))
        {
            return false;
        }

        var access = await accessStore.GetAsync(userId, cancellationToken);
        return access.Has(permission);
    }
}
