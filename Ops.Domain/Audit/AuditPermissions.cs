using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Audit and monitoring (seed section 2.6). Only login logs are built: operation-log and alert codes are not seeded yet.</summary>
public static class AuditPermissions
{
    public const string Module = "audit";
    public const string Root = "audit";

    /// <summary>The module in code (<c>Audit</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Audit", "/audit", Module);

    public static class Logs
    {
        public const string View = "audit.logs.view";
        public const string Export = "audit.logs.export";
        public const string DataChanges = "audit.logs.data_changes";
    }

    public static class LoginLogs
    {
        public const string View = "audit.login_logs.view";
        public const string Export = "audit.login_logs.export";
    }

    public static class Alerts
    {
        public const string View = "audit.alerts.view";
        public const string ManageRules = "audit.alerts.manage_rules";
        public const string Acknowledge = "audit.alerts.acknowledge";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(LoginLogs.View, Root, "/audit/login-logs")
        .Buttons(LoginLogs.View, LoginLogs.Export)
        .Build();
}
