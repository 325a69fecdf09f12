using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Auth;

/// <summary>The system administration pages in the drawer.</summary>
public static class AuthMenu
{
    public static NavGroup Group { get; } = new(SystemPermissions.Descriptor, "nav.group.system", Icons.Material.Filled.AdminPanelSettings,
    [
        new("perm.system.users.view", "/system/users", Icons.Material.Filled.People, SystemPermissions.Users.View),
        new("perm.system.departments.view", "/system/departments", Icons.Material.Filled.AccountTree, SystemPermissions.Departments.View),
        new("perm.system.roles.view", "/system/roles", Icons.Material.Filled.Badge, SystemPermissions.Roles.View),
        new("nav.system.permissions", "/system/permissions", Icons.Material.Filled.Key, SystemPermissions.Permissions.View),
        new("perm.system.service_accounts.manage", "/system/service-accounts", Icons.Material.Filled.SmartToy, SystemPermissions.ServiceAccounts.Manage),
        new("perm.system.sso.manage", "/system/sso", Icons.Material.Filled.VpnKey, SystemPermissions.Sso.Manage),
    ]);
}
