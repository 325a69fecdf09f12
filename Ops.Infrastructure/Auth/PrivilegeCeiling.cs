using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// No one hands out more than they hold. A caller who is not a superuser may not act on
/// superusers, grant permissions or roles beyond their own, widen data scopes, or change their
/// own roles and scope. Every service that changes access asks here.
/// </summary>
public sealed class PrivilegeCeiling(
    IDbContextFactory<OpsDbContext> factory, ICurrentUser currentUser, IUserAccessStore accessStore, IDataScopeProvider dataScope)
{
    /// <summary>Who is asking: the system and superusers have no ceiling.</summary>
    public async Task<Caller> CallerAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (actor.IsSystem)
        {
            return new Caller(null, true, UserAccess.None, DataScopeFilter.Everything(0));
        }

        var userId = actor.UserId ?? throw new ForbiddenException("authenticated");
        var access = await accessStore.GetAsync(userId, cancellationToken);
        return new Caller(userId, access.IsSuperuser, access, await dataScope.GetFilterAsync(cancellationToken));
    }

    /// <summary>Refuses when any of the users is a superuser and the caller is not.</summary>
    public async Task<Result> CheckTargetsAsync(Caller caller, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken = default)
    {
        if (caller.Unlimited)
        {
            return Result.Success();
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => userIds.Contains(u.Id) && u.IsSuperuser, cancellationToken)
            ? Error.Forbidden("auth.user.superuser_only")
            : Result.Success();
    }

    /// <summary>Roles whose grants the caller holds entirely; otherwise the first role that goes beyond.</summary>
    public async Task<Result> CheckRolesAsync(Caller caller, IReadOnlyCollection<long> roleIds, CancellationToken cancellationToken = default)
    {
        if (caller.Unlimited || roleIds.Count == 0)
        {
            return Result.Success();
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var grants = await (
            from grant in db.RolePermissions
            join permission in db.Permissions on grant.PermissionId equals permission.Id
            join role in db.Roles on grant.RoleId equals role.Id
            where roleIds.Contains(grant.RoleId) && !permission.IsRetired
            select new { role.DisplayName, permission.Code, role.DataScope }).ToListAsync(cancellationToken);
        var beyond = grants.FirstOrDefault(g => !caller.Access.Permissions.Contains(g.Code));
        if (beyond is not null)
        {
            return Error.Forbidden("auth.role.beyond_own", beyond.DisplayName);
        }

        var scoped = await db.Roles.Where(r => roleIds.Contains(r.Id) && r.DataScope != null && r.DataScope != DataScope.Self)
            .Select(r => r.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return scoped is not null && !caller.Scope.All ? Error.Forbidden("auth.role.beyond_own", scoped) : Result.Success();
    }

    /// <summary>Only codes the caller holds may be granted.</summary>
    public static Result CheckCodes(Caller caller, IEnumerable<string> codes)
    {
        if (caller.Unlimited)
        {
            return Result.Success();
        }

        var beyond = codes.FirstOrDefault(c => !caller.Access.Permissions.Contains(c));
        return beyond is null ? Result.Success() : Error.Forbidden("auth.permission.beyond_own", beyond);
    }

    /// <summary>A data scope other than "own data" needs a caller who sees everything.</summary>
    public static Result CheckScope(Caller caller, DataScope? scope) =>
        caller.Unlimited || caller.Scope.All || scope is null or DataScope.Self
            ? Result.Success()
            : Error.Forbidden("auth.data_scope.beyond_own");

    /// <summary>A department the caller's data scope reaches (required when the caller does not see everything).</summary>
    public static Result CheckDepartment(Caller caller, long? departmentId) =>
        caller.Unlimited || caller.Scope.All || (departmentId is { } id && caller.Scope.DepartmentIds.Contains(id))
            ? Result.Success()
            : Error.Forbidden("auth.department.beyond_scope");
}

public sealed record Caller(long? UserId, bool Unlimited, UserAccess Access, DataScopeFilter Scope)
{
    public bool Has(string permission) => Unlimited || Access.Has(permission);
}
