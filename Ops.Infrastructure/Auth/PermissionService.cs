using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

public sealed record PermissionNode(
    long Id, string Code, string NameKey, PermissionType Type, string Module, string? Path, string? HttpMethod, IReadOnlyList<PermissionNode> Children);

/// <summary>Reads the permission tree (the role editor of the auth module builds on it).</summary>
public interface IPermissionService
{
    Task<IReadOnlyList<PermissionNode>> GetTreeAsync(CancellationToken cancellationToken = default);
}

internal sealed class PermissionService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard) : IPermissionService
{
    public async Task<IReadOnlyList<PermissionNode>> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync([SystemPermissions.Permissions.View, SystemPermissions.Roles.Grant], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Permissions.AsNoTracking().Where(p => !p.IsRetired)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Code).ToListAsync(cancellationToken);
        var byParent = rows.ToLookup(p => p.ParentId);

        IReadOnlyList<PermissionNode> Build(long? parentId) =>
            byParent[parentId].Select(p => new PermissionNode(p.Id, p.Code, p.NameKey, p.Type, p.Module, p.Path, p.HttpMethod, Build(p.Id))).ToList();

        return Build(null);
    }
}
