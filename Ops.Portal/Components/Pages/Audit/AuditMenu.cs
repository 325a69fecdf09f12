using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Audit;

/// <summary>The audit pages in the drawer.</summary>
public static class AuditMenu
{
    public static NavGroup Group { get; } = new(AuditPermissions.Descriptor, "perm.audit", Icons.Material.Filled.FactCheck,
    [
        new("perm.audit.login_logs.view", "/audit/login-logs", Icons.Material.Filled.Login, AuditPermissions.LoginLogs.View),
    ]);
}
