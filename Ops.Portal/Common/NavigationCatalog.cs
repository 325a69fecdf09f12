using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Portal.Common;

/// <summary>A page in the navigation drawer; <see cref="Permission"/> null means any signed-in user.</summary>
public sealed record NavItem(string TitleKey, string Href, string Icon, string? Permission);

/// <summary>A module's group of pages in the drawer.</summary>
public sealed record NavGroup(string TitleKey, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>
/// Every page that exists, grouped by module. A page joins the menu here when it is built; the
/// drawer and the breadcrumb both read this list.
/// </summary>
public static class NavigationCatalog
{
    /// <summary>The approval inbox, whose item carries the live to-do count.</summary>
    public const string ApprovalInboxHref = "/workflow/todo";

    public static readonly NavItem Dashboard = new("nav.dashboard", "/dashboard", Icons.Material.Filled.Dashboard, null);

    public static IReadOnlyList<NavGroup> Groups { get; } =
    [
        new("nav.group.system", Icons.Material.Filled.AdminPanelSettings,
        [
            new("perm.system.users.view", "/system/users", Icons.Material.Filled.People, SystemPermissions.Users.View),
            new("perm.system.departments.view", "/system/departments", Icons.Material.Filled.AccountTree, SystemPermissions.Departments.View),
            new("perm.system.roles.view", "/system/roles", Icons.Material.Filled.Badge, SystemPermissions.Roles.View),
            new("nav.system.permissions", "/system/permissions", Icons.Material.Filled.Key, SystemPermissions.Permissions.View),
            new("perm.system.sso.manage", "/system/sso", Icons.Material.Filled.VpnKey, SystemPermissions.Sso.Manage),
        ]),
        new("perm.scheduler", Icons.Material.Filled.Schedule,
        [
            new("perm.scheduler.jobs.view", "/scheduler/jobs", Icons.Material.Filled.WorkHistory, SchedulerPermissions.Jobs.View),
            new("perm.scheduler.flows.view", "/scheduler/flows", Icons.Material.Filled.AccountTree, SchedulerPermissions.Flows.View),
            new("perm.scheduler.alerts.view", "/scheduler/alerts", Icons.Material.Filled.NotificationImportant, SchedulerPermissions.Alerts.View),
            new("perm.scheduler.logs.view", "/scheduler/logs", Icons.Material.Filled.ReceiptLong, SchedulerPermissions.Logs.View),
        ]),
        new("perm.report", Icons.Material.Filled.Assessment,
        [
            new("perm.report.datasources.view", "/report/datasources", Icons.Material.Filled.Storage, ReportPermissions.DataSources.View),
        ]),
        new("perm.message", Icons.Material.Filled.Campaign,
        [
            new("notification.title", "/notifications", Icons.Material.Filled.Notifications, null),
            new("perm.message.templates.view", "/message/templates", Icons.Material.Filled.Article, NotificationPermissions.Templates.View),
            new("perm.message.channels.view", "/message/channels", Icons.Material.Filled.SettingsInputAntenna, NotificationPermissions.Channels.View),
            new("perm.message.logs.view", "/message/logs", Icons.Material.Filled.Outbox, NotificationPermissions.Logs.View),
            new("nav.message.blacklist", "/message/blacklist", Icons.Material.Filled.Block, NotificationPermissions.Blacklist.Manage),
            new("notification.settings", "/notifications/settings", Icons.Material.Filled.Tune, null),
        ]),
        new("perm.workflow", Icons.Material.Filled.Approval,
        [
            new("approval.apply.title", "/workflow/apply", Icons.Material.Filled.PostAdd, ApprovalPermissions.Instances.Todo),
            new("perm.workflow.instances.todo", ApprovalInboxHref, Icons.Material.Filled.Inbox, ApprovalPermissions.Instances.Todo),
            new("approval.delegation.title", "/workflow/delegation", Icons.Material.Filled.EventBusy, ApprovalPermissions.Instances.Todo),
            new("perm.workflow.definitions.view", "/workflow/definitions", Icons.Material.Filled.AccountTree, ApprovalPermissions.Definitions.View),
        ]),
        new("perm.audit", Icons.Material.Filled.FactCheck,
        [
            new("perm.audit.login_logs.view", "/audit/login-logs", Icons.Material.Filled.Login, AuditPermissions.LoginLogs.View),
        ]),
    ];

    /// <summary>
    /// How a menu link knows it is the current page: by prefix, so detail pages light their list, except for an item
    /// another item lives under (<c>/notifications</c> and <c>/notifications/settings</c>), which matches only itself.
    /// </summary>
    public static NavLinkMatch MatchFor(NavItem item) =>
        Groups.SelectMany(g => g.Items).Any(other => other.Href.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase))
            ? NavLinkMatch.All
            : NavLinkMatch.Prefix;

    /// <summary>The groups and pages the caller may open, by the same permission codes the services demand.</summary>
    public static async Task<IReadOnlyList<NavGroup>> VisibleAsync(IPermissionGuard guard, CancellationToken cancellationToken = default)
    {
        var visible = new List<NavGroup>();
        foreach (var group in Groups)
        {
            var items = new List<NavItem>();
            foreach (var item in group.Items)
            {
                if (item.Permission is null || await guard.HasAsync(item.Permission, cancellationToken))
                {
                    items.Add(item);
                }
            }

            if (items.Count > 0)
            {
                visible.Add(group with { Items = items });
            }
        }

        return visible;
    }

    /// <summary>Detail pages that live outside their list's path: the list they belong to in the breadcrumb.</summary>
    private static readonly (string Prefix, string Href)[] DetailsOf =
    [
        ("/workflow/instances/", ApprovalInboxHref),
        ("/scheduler/runs/", "/scheduler/jobs"),
    ];

    /// <summary>The group and item a path belongs to, for the breadcrumb.</summary>
    public static (NavGroup? Group, NavItem? Item) Locate(string path)
    {
        path = "/" + path.Trim('/');
        path = DetailsOf.FirstOrDefault(d => path.StartsWith(d.Prefix, StringComparison.OrdinalIgnoreCase)).Href ?? path;
        foreach (var group in Groups)
        {
            var item = group.Items.FirstOrDefault(i => path.Equals(i.Href, StringComparison.OrdinalIgnoreCase)
                || path.StartsWith(i.Href + "/", StringComparison.OrdinalIgnoreCase));
            if (item is not null)
            {
                return (group, item);
            }
        }

        return (null, null);
    }
}
