using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>System administration: users, departments, roles, permissions, single sign-on.</summary>
public static class SystemPermissions
{
    public const string Module = "system";
    public const string Root = "system";

    /// <summary>The module in code (<c>Auth</c> folders), its spec route prefix and permission prefix; the own profile is Auth's too.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Auth", "/system", Module) { OtherRoutePrefixes = ["/profile"] };

    public static class Users
    {
        public const string View = "system.users.view";
        public const string Create = "system.users.create";
        public const string Update = "system.users.update";
        public const string Delete = "system.users.delete";
        public const string Enable = "system.users.enable";
        public const string ResetPassword = "system.users.reset_password";
        public const string Unlock = "system.users.unlock";
        public const string Import = "system.users.import";
        public const string Export = "system.users.export";
        public const string ApproveRegistration = "system.users.approve_registration";
    }

    public static class Departments
    {
        public const string View = "system.departments.view";
        public const string Create = "system.departments.create";
        public const string Update = "system.departments.update";
        public const string Delete = "system.departments.delete";
    }

    public static class Roles
    {
        public const string View = "system.roles.view";
        public const string Create = "system.roles.create";
        public const string Update = "system.roles.update";
        public const string Delete = "system.roles.delete";
        public const string Grant = "system.roles.grant";
    }

    public static class Permissions
    {
        public const string View = "system.permissions.view";
    }

    /// <summary>Machine identities for integrations: accounts that never sign in, whose roles and access tokens an administrator keeps.</summary>
    public static class ServiceAccounts
    {
        public const string Manage = "system.service_accounts.manage";
    }

    public static class Sso
    {
        public const string Manage = "system.sso.manage";

        /// <summary>Turn self-registration on or off and pick where new accounts land: a way in of its own, apart from the providers.</summary>
        public const string Registration = "system.sso.registration";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Users.View, Root, "/system/users")
        .Buttons(Users.View, Users.Create, Users.Update, Users.Delete, Users.Enable, Users.ResetPassword, Users.Unlock,
            Users.Import, Users.Export, Users.ApproveRegistration)
        .Menu(Departments.View, Root, "/system/departments")
        .Buttons(Departments.View, Departments.Create, Departments.Update, Departments.Delete)
        .Menu(Roles.View, Root, "/system/roles")
        .Buttons(Roles.View, Roles.Create, Roles.Update, Roles.Delete, Roles.Grant)
        .Menu(Permissions.View, Root, "/system/permissions")
        .Menu(ServiceAccounts.Manage, Root, "/system/service-accounts")
        .Menu(Sso.Manage, Root, "/system/sso")
        .Buttons(Sso.Manage, Sso.Registration)
        .Build();
}
