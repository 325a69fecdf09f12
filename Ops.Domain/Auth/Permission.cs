using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>A row of the permission tree, seeded from <see cref="PermissionCatalog"/>.</summary>
public sealed class Permission : Entity
{
    public const int CodeMaxLength = 128;
    public const int NameMaxLength = 128;
    public const int PathMaxLength = 256;

    private Permission()
    {
    }

    public string Code { get; private set; } = "";

    public string NameKey { get; private set; } = "";

    public PermissionType Type { get; private set; }

    public string Module { get; private set; } = "";

    public long? ParentId { get; private set; }

    public string? Path { get; private set; }

    public string? HttpMethod { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>No longer in the catalogue: kept so role grants survive, but never granted.</summary>
    public bool IsRetired { get; private set; }

    public static Permission From(PermissionDefinition definition)
    {
        var permission = new Permission { Code = definition.Code };
        permission.UpdateFrom(definition);
        return permission;
    }

    /// <summary>Copies the catalogue's current description; returns whether anything changed.</summary>
    public bool UpdateFrom(PermissionDefinition definition)
    {
        var changed = NameKey != definition.NameKey || Type != definition.Type || Module != definition.Module
            || Path != definition.Path || HttpMethod != definition.HttpMethod || SortOrder != definition.SortOrder || IsRetired;
        NameKey = definition.NameKey;
        Type = definition.Type;
        Module = definition.Module;
        Path = definition.Path;
        HttpMethod = definition.HttpMethod;
        SortOrder = definition.SortOrder;
        IsRetired = false;
        return changed;
    }

    public void SetParent(long? parentId) => ParentId = parentId;

    public void Retire() => IsRetired = true;
}

/// <summary>Grant of a permission to a role.</summary>
public sealed class RolePermission
{
    public RolePermission(long roleId, long permissionId)
    {
        RoleId = roleId;
        PermissionId = permissionId;
    }

    public long RoleId { get; private set; }

    public long PermissionId { get; private set; }
}
