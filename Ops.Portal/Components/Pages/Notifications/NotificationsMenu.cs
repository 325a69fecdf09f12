using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Notifications;

/// <summary>The message pages and the personal inbox in the drawer.</summary>
public static class NotificationsMenu
{
    public static NavGroup Group { get; } = new(NotificationPermissions.Descriptor, "perm.message", Icons.Material.Filled.Campaign,
    [
        new("notification.title", "/notifications", Icons.Material.Filled.Notifications, null),
        new("perm.message.templates.view", "/message/templates", Icons.Material.Filled.Article, NotificationPermissions.Templates.View),
        new("perm.message.channels.view", "/message/channels", Icons.Material.Filled.SettingsInputAntenna, NotificationPermissions.Channels.View),
        new("perm.message.logs.view", "/message/logs", Icons.Material.Filled.Outbox, NotificationPermissions.Logs.View),
        new("nav.message.blacklist", "/message/blacklist", Icons.Material.Filled.Block, NotificationPermissions.Blacklist.Manage),
        new("notification.settings", "/notifications/settings", Icons.Material.Filled.Tune, null),
    ]);
}
