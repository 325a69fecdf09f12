namespace Ops.Domain.Auth;

/// <summary>Permissions of system administration (users, roles, departments, permissions).</summary>
public static class SystemPermissions
{
    public const string Module = "system";

    public const string Root = "system";

    public static class Permissions
    {
        public const string View = "system.permissions.view";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } =
    [
        new(Root, "perm.system", PermissionType.Menu, Module, SortOrder: 900),
        new(Permissions.View, "perm.system.permissions.view", PermissionType.Menu, Module, Root, "/system/permissions", SortOrder: 40),
        new("system.permissions.api.list", "perm.system.permissions.api.list", PermissionType.Api, Module, Permissions.View, "/api/v1/permissions", "GET"),
    ];
}
