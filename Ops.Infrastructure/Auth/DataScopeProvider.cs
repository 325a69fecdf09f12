using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>The data scope of the current caller; every list that holds departmental data asks it.</summary>
public interface IDataScopeProvider
{
    Task<DataScopeFilter> GetFilterAsync(CancellationToken cancellationToken = default);
}

internal sealed class DataScopeProvider(IDbContextFactory<OpsDbContext> factory, ICurrentUser currentUser) : IDataScopeProvider
{
    public async Task<DataScopeFilter> GetFilterAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (actor.IsSystem)
        {
            return DataScopeFilter.Everything(0);
        }

        if (actor.UserId is not { } userId)
        {
            throw new ForbiddenException("authenticated");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.IsSuperuser, u.DepartmentId, u.DataScope, u.DataScopeDepartments })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new ForbiddenException("authenticated");
        if (user.IsSuperuser)
        {
            return DataScopeFilter.Everything(userId);
        }

        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId && r.IsActive && r.DataScope != null
            select new { r.DataScope, r.DataScopeDepartments }).ToListAsync(cancellationToken);
        var grants = roles.Select(r => new DataScopeGrant(r.DataScope!.Value, DataScopeGrant.ParseIds(r.DataScopeDepartments))).ToList();
        if (user.DataScope is { } own)
        {
            grants.Add(new DataScopeGrant(own, DataScopeGrant.ParseIds(user.DataScopeDepartments)));
        }

        // Descendants are needed at most for the user's own department: one query, only if asked.
        var descendants = grants.Any(g => g.Scope == DataScope.DepartmentAndChildren) && user.DepartmentId is { } departmentId
            ? await DepartmentPaths.DescendantIds(db, departmentId).ToListAsync(cancellationToken)
            : [];
        return DataScopeRules.Resolve(userId, user.DepartmentId, grants, _ => descendants);
    }
}
