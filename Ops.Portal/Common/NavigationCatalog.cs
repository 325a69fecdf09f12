using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Portal.Components.Pages.Approvals;
using Ops.Portal.Components.Pages.Audit;
using Ops.Portal.Components.Pages.Auth;
using Ops.Portal.Components.Pages.Notifications;
using Ops.Portal.Components.Pages.Reports;
using Ops.Portal.Components.Pages.Scheduler;

namespace Ops.Portal.Common;

/// <summary>A page in the navigation drawer; <see cref="Permission"/> null means any signed-in user.</summary>
public sealed record NavItem(string TitleKey, string Href, string Icon, string? Permission);

/// <summary>A module's group of pages in the drawer.</summary>
public sealed record NavGroup(ModuleDescriptor Module, string TitleKey, string Icon, IReadOnlyList<NavItem> Items)
{
    /// <summary>Detail pages that live outside their list's path, and the list they belong to in the breadcrumb.</summary>
    public IReadOnlyList<NavDetail> Details { get; init; } = [];
}

/// <summary>Pages under <see cref="Prefix"/> belong to the menu item <see cref="Href"/>.</summary>
public sealed record NavDetail(string Prefix, string Href);

/// <summary>
/// Every page that exists, grouped by module. A page joins its module's menu (<c>XxxMenu</c> next to its pages)
/// when it is built; the drawer and the breadcrumb both read these groups.
/// </summary>
public static class NavigationCatalog
{
    /// <summary>The approval inbox, whose item carries the live to-do count.</summary>
    public const string ApprovalInboxHref = ApprovalsMenu.InboxHref;

    public static readonly NavItem Dashboard = new("nav.dashboard", "/dashboard", Icons.Material.Filled.Dashboard, null);

    /// <summary>Each module's group, declared next to its pages: the one line a new module adds in Ops.Portal.</summary>
    public static IReadOnlyList<NavGroup> Groups { get; } =
    [
        AuthMenu.Group,
        SchedulerMenu.Group,
        ReportsMenu.Group,
        NotificationsMenu.Group,
        ApprovalsMenu.Group,
        AuditMenu.Group,
    ];

    /// <summary>
    /// How a menu link knows it is the current page: by prefix, so detail pages light their list, except for an item
    /// another item lives under (<c>/notifications</c> and <c>/notifications/settings</c>), which matches only itself.
    /// </summary>
    public static NavLinkMatch MatchFor(NavItem item) =>
        Groups.SelectMany(g => g.Items).Any(other => other.Href.StartsWith(item.Href + "/", StringComparison.OrdinalIgnoreCase))
            ? NavLinkMatch.All
            : NavLinkMatch.Prefix;

    /// <summary>
    /// Whether the drawer lights <paramref name="item"/> on <paramref name="path"/> (a path without query or fragment), as
    /// <c>NavLink</c> with <see cref="MatchFor"/> would: the page itself, or with prefix matching a page below it.
    /// </summary>
    public static bool IsActive(NavItem item, string path)
    {
        path = "/" + path.Trim('/');
        var href = item.Href.TrimEnd('/');
        if (path.Equals(href, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return MatchFor(item) == NavLinkMatch.Prefix && path.StartsWith(href + "/", StringComparison.OrdinalIgnoreCase);
    }

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

    /// <summary>The group and item a path belongs to, for the breadcrumb.</summary>
    public static (NavGroup? Group, NavItem? Item) Locate(string path)
    {
        path = "/" + path.Trim('/');
        path = Groups.SelectMany(g => g.Details).FirstOrDefault(d => path.StartsWith(d.Prefix, StringComparison.OrdinalIgnoreCase))?.Href ?? path;
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
