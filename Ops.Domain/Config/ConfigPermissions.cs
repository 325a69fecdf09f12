using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Configuration center (seed section 2.7).</summary>
public static class ConfigPermissions
{
    public const string Module = "config";
    public const string Root = "config";

    /// <summary>The module in code (<c>Config</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Config", "/config", Module);

    public static class Tables
    {
        public const string View = "config.tables.view";
        public const string Design = "config.tables.design";
        public const string EditRecords = "config.tables.edit_records";
        public const string Rollback = "config.tables.rollback";
        public const string Approve = "config.tables.approve";
    }

    public static class Settings
    {
        public const string View = "config.settings.view";
        public const string Update = "config.settings.update";
    }

    /// <summary>Nothing yet: the codes join the catalogue with the pages and services that demand them.</summary>
    public static IReadOnlyList<PermissionDefinition> All { get; } = [];
}
