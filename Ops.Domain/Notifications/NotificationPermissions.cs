using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Notifications: templates, channels, message log, blacklist (seed section 2.8).</summary>
public static class NotificationPermissions
{
    public const string Module = "message";
    public const string Root = "message";

    /// <summary>The module in code (<c>Notifications</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Notifications", "/message", Module) { OtherRoutePrefixes = ["/notifications"] };

    public static class Templates
    {
        public const string View = "message.templates.view";
        public const string Edit = "message.templates.edit";
        public const string Delete = "message.templates.delete";
    }

    public static class Channels
    {
        public const string View = "message.channels.view";
        public const string Edit = "message.channels.edit";
        public const string Test = "message.channels.test";
    }

    public static class Logs
    {
        public const string View = "message.logs.view";
        public const string Resend = "message.logs.resend";
        public const string Export = "message.logs.export";
    }

    public static class Blacklist
    {
        public const string Manage = "message.blacklist.manage";
    }

    public static class Notifications
    {
        public const string Send = "message.notifications.send";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Templates.View, Root, "/message/templates")
        .Buttons(Templates.View, Templates.Edit, Templates.Delete)
        .Menu(Channels.View, Root, "/message/channels")
        .Buttons(Channels.View, Channels.Edit, Channels.Test)
        .Menu(Logs.View, Root, "/message/logs")
        .Buttons(Logs.View, Logs.Resend, Logs.Export, Blacklist.Manage, Notifications.Send)
        .Build();
}
