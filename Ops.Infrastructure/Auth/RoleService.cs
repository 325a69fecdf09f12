using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class RoleService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IAuditTrail audit,
    IEventBus events,
    PrivilegeCeiling ceiling) : IRoleService
{
    public const int CodeMaxLength = 64;
    public const int NameMaxLength = 64;
    public const int DescriptionMaxLength = 512;

    // Data-source editors grant use of a source to roles, so they see role names too.
    private static readonly string[] Readers = [SystemPermissions.Roles.View, SystemPermissions.Users.View, ReportPermissions.DataSources.Edit];

    public async Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync(Readers, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Roles.AsNoTracking()
            .Select(r => new
            {
                Role = r,
                Users = db.UserRoles.Count(ur => ur.RoleId == r.Id),
                Grants = db.RolePermissions.Count(rp => rp.RoleId == r.Id),
            })
            .ToListAsync(cancellationToken);
        var byParent = rows.OrderBy(r => r.Role.SortOrder).ThenBy(r => r.Role.Name, StringComparer.Ordinal).ToLookup(r => r.Role.ParentId);
        var ordered = new List<RoleSummary>();

        void Walk(long? parentId, int depth)
        {
            foreach (var row in byParent[parentId])
            {
                var r = row.Role;
                ordered.Add(new RoleSummary(r.Id, r.Name!, r.DisplayName, r.Description, r.ParentId, r.SortOrder, r.IsActive,
                    r.DataScope, DataScopeGrant.ParseIds(r.DataScopeDepartments), r.RequireMfa, row.Users, row.Grants, r.ConcurrencyStamp ?? ""));
                if (depth < 32)
                {
                    Walk(r.Id, depth + 1);
                }
            }
        }

        Walk(null, 0);
        return ordered;
    }

    public async Task<Result<long>> CreateAsync(RoleInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Roles.Create, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var role = new OpsRole();
        var applied = await ApplyAsync(db, role, input, await ceiling.CallerAsync(cancellationToken), cancellationToken);
        if (applied.IsFailure)
        {
            return applied.Error!;
        }

        db.Roles.Add(role);
        if (!await UniqueViolation.TrySaveAsync(db, cancellationToken))
        {
            return Error.Conflict("auth.role.code_taken", role.Name!).On("field.code");
        }

        await RecordAsync("role.create", role.Id, cancellationToken);
        return role.Id;
    }

    public async Task<Result> UpdateAsync(long id, RoleInput input, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Roles.Update, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Error.NotFound("auth.role.not_found");
        }

        var caller = await ceiling.CallerAsync(cancellationToken);
        if (await OwnRoleAsync(db, caller, id, cancellationToken) is { IsFailure: true } own)
        {
            return own;
        }

        var applied = await ApplyAsync(db, role, input, caller, cancellationToken);
        if (applied.IsFailure)
        {
            return applied;
        }

        var saved = await db.SaveVersionedAsync(
            role, r => r.ConcurrencyStamp, concurrencyStamp, "role", cancellationToken, Error.Conflict("auth.role.code_taken", role.Name!).On("field.code"));
        if (saved.IsFailure)
        {
            return saved;
        }

        await events.PublishAsync(AccessChanged.Everyone);
        await RecordAsync("role.update", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Roles.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var role = await db.Roles.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (role is null)
        {
            return Error.NotFound("auth.role.not_found");
        }

        if (await OwnRoleAsync(db, await ceiling.CallerAsync(cancellationToken), id, cancellationToken) is { IsFailure: true } own)
        {
            return own;
        }

        if (await db.Roles.AnyAsync(r => r.ParentId == id, cancellationToken))
        {
            return Error.Conflict("auth.role.has_children", role.DisplayName);
        }

        var members = await db.UserRoles.Where(ur => ur.RoleId == id).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        db.UserRoles.RemoveRange(db.UserRoles.Where(ur => ur.RoleId == id));
        db.Roles.Remove(role);
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new AccessChanged(members));
        await RecordAsync("role.delete", id, cancellationToken);
        return Result.Success();
    }

    public async Task<IReadOnlySet<string>> GetGrantsAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync(Readers, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var codes = await (
            from grant in db.RolePermissions
            join permission in db.Permissions on grant.PermissionId equals permission.Id
            where grant.RoleId == id && !permission.IsRetired
            select permission.Code).ToListAsync(cancellationToken);
        return codes.ToHashSet(StringComparer.Ordinal);
    }

    public async Task<Result> SetGrantsAsync(long id, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Roles.Grant, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Roles.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return Error.NotFound("auth.role.not_found");
        }

        var wanted = codes.ToHashSet(StringComparer.Ordinal);
        var permissions = await db.Permissions.Where(p => wanted.Contains(p.Code) && !p.IsRetired)
            .ToDictionaryAsync(p => p.Code, p => p.Id, StringComparer.Ordinal, cancellationToken);
        var unknown = wanted.Where(c => !permissions.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Error.Invalid("auth.role.unknown_permission", string.Join(", ", unknown));
        }

        var existing = await db.RolePermissions.Where(rp => rp.RoleId == id).ToListAsync(cancellationToken);
        var caller = await ceiling.CallerAsync(cancellationToken);
        var held = existing.Select(rp => rp.PermissionId).ToHashSet();
        var added = permissions.Where(p => !held.Contains(p.Value)).Select(p => p.Key).ToList();
        if (await OwnRoleAsync(db, caller, id, cancellationToken) is { IsFailure: true } own)
        {
            return own;
        }

        if (PrivilegeCeiling.CheckCodes(caller, added) is { IsFailure: true } beyond)
        {
            return beyond;
        }

        var keep = permissions.Values.ToHashSet();
        db.RolePermissions.RemoveRange(existing.Where(rp => !keep.Contains(rp.PermissionId)));
        var present = existing.Select(rp => rp.PermissionId).ToHashSet();
        db.RolePermissions.AddRange(keep.Where(p => !present.Contains(p)).Select(p => new RolePermission(id, p)));
        await db.SaveChangesAsync(cancellationToken);

        var members = await db.UserRoles.Where(ur => ur.RoleId == id).Select(ur => ur.UserId).ToListAsync(cancellationToken);
        await events.PublishAsync(new AccessChanged(members));
        await audit.RecordAsync(new AuditEntry("system", "role.grant", "role", id.ToString(CultureInfo.InvariantCulture),
            Detail: string.Join(",", wanted.Order(StringComparer.Ordinal))), cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// The own-role rule, asked by update, grant and delete alike: a caller who is not a superuser (or the system) may not
    /// change or remove a role they hold, which would change their own access.
    /// </summary>
    private static async Task<Result> OwnRoleAsync(OpsDbContext db, Caller caller, long roleId, CancellationToken cancellationToken) =>
        !caller.Unlimited && caller.UserId is { } me && await db.UserRoles.AnyAsync(ur => ur.UserId == me && ur.RoleId == roleId, cancellationToken)
            ? Error.Forbidden("auth.user.own_access")
            : Result.Success();

    private static async Task<Result> ApplyAsync(OpsDbContext db, OpsRole role, RoleInput input, Caller caller, CancellationToken cancellationToken)
    {
        if ((role.DataScope != input.DataScope || role.Id == 0) && PrivilegeCeiling.CheckScope(caller, input.DataScope) is { IsFailure: true } scope)
        {
            return scope;
        }

        var code = TextRules.Code(input.Code, CodeMaxLength, "field.code");
        var name = TextRules.Required(input.Name, NameMaxLength, "field.name");
        var description = TextRules.Optional(input.Description, DescriptionMaxLength, "field.description");
        var firstError = code.Error ?? name.Error ?? description.Error;
        if (firstError is not null)
        {
            return firstError;
        }

        var normalized = code.Value.ToUpperInvariant();
        if (await db.Roles.AnyAsync(r => r.NormalizedName == normalized && r.Id != role.Id, cancellationToken))
        {
            return Error.Conflict("auth.role.code_taken", code.Value).On("field.code");
        }

        if (input.ParentId is { } parentId)
        {
            var parents = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                return Error.NotFound("auth.role.parent_not_found").On("role.parent");
            }

            for (long? cursor = parentId; cursor is { } current; cursor = parents.GetValueOrDefault(current))
            {
                if (current == role.Id)
                {
                    return Error.Invalid("auth.role.cycle").On("role.parent");
                }
            }
        }

        if (input.DataScope == DataScope.Custom && input.CustomDepartmentIds.Count == 0)
        {
            return Error.Invalid("auth.data_scope.custom_empty");
        }

        role.Name = code.Value;
        role.NormalizedName = normalized;
        role.DisplayName = name.Value;
        role.Description = description.Value;
        role.ParentId = input.ParentId;
        role.SortOrder = input.SortOrder;
        role.IsActive = input.IsActive;
        role.DataScope = input.DataScope;
        role.DataScopeDepartments = input.DataScope == DataScope.Custom ? DataScopeGrant.FormatIds(input.CustomDepartmentIds) : null;
        role.RequireMfa = input.RequireMfa;
        role.ConcurrencyStamp = Guid.NewGuid().ToString();
        return Result.Success();
    }

    private Task RecordAsync(string action, long id, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("system", action, "role", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
}
