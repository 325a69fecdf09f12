using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using System.Security.Claims;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Portal.Components.Layout;
using Ops.Portal.Components.Pages.Approvals;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The drawer is light in every circuit (issue 17): plain links in MudBlazor's classes rather than a component per link
/// and icon; only the current page's group starts open, and a collapsed group renders no links at all.
/// </summary>
public sealed class NavMenuWeightTests : PortalTestContext
{
    private const string System = "nav.group.system";

    [Fact]
    public void TheDrawer_DrawsItsLinksAndIconsWithoutAComponentEach()
    {
        Guard.Granted.Add(SystemPermissions.Users.View);
        Guard.Granted.Add(SystemPermissions.Roles.View);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/users");

        var menu = Render<NavMenu>();

        var links = menu.FindAll(".mud-navmenu a.mud-nav-link").Count;
        var groups = menu.FindAll(".mud-nav-group").Count;
        Assert.True(links >= 3 && groups >= 1, $"{links} links in {groups} groups");
        Assert.Equal(links + groups, menu.FindAll("svg.mud-nav-link-icon").Count); // each link's icon and each group's
        Assert.Empty(menu.FindComponents<MudNavLink>());
        Assert.Empty(menu.FindComponents<MudIcon>());
        Assert.Empty(menu.FindComponents<MudNavGroup>());
    }

    [Fact]
    public void ACollapsedGroup_RendersNoLinks_AndRendersThemWhenExpandedAgain()
    {
        Guard.Granted.Add(SystemPermissions.Users.View);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/roles");
        var menu = Render<NavMenu>();
        var toggle = $"[data-group='{System}'] > button";
        Assert.Equal("true", menu.Find(toggle).GetAttribute("aria-expanded"));
        Assert.Single(menu.FindAll("a[href='/system/users']"));

        menu.Find(toggle).Click();

        Assert.Equal("false", menu.Find(toggle).GetAttribute("aria-expanded"));
        Assert.Empty(menu.FindAll("a[href='/system/users']"));
        Assert.Single(menu.FindAll("a[href='/dashboard']"));

        menu.Find(toggle).Click();

        Assert.Equal("true", menu.Find(toggle).GetAttribute("aria-expanded"));
        Assert.Single(menu.FindAll("a[href='/system/users']"));
    }

    [Fact]
    public void GoingToAPageOfACollapsedGroup_OpensItsGroupAndLightsThePage()
    {
        Guard.Granted.Add(SystemPermissions.Users.View);
        var menu = Render<NavMenu>();
        Assert.Empty(menu.FindAll("a[href='/system/users']"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/users");

        menu.WaitForAssertion(() => Assert.Contains("active", menu.Find("a[href='/system/users']").ClassList));
        Assert.Equal("page", menu.Find("a[href='/system/users']").GetAttribute("aria-current"));
        Assert.DoesNotContain("active", menu.Find("a[href='/dashboard']").ClassList);
    }

    [Fact]
    public void OnTheDashboard_EveryGroupStartsClosed_AndTheInboxCountShowsOnItsClosedGroup()
    {
        Guard.Granted.Add(SystemPermissions.Users.View);
        Guard.Granted.Add(ApprovalPermissions.Instances.Todo);
        Services.AddSingleton<IApprovalInbox>(new Approvals.Runtime.FakeApprovalInbox { Counts = new(3, 0, 0, 0) });
        Authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, "7"));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/dashboard");

        var menu = Render<NavMenu>();

        Assert.All(menu.FindAll(".mud-nav-group > button"), b => Assert.Equal("false", b.GetAttribute("aria-expanded")));
        Assert.Single(menu.FindAll("a.mud-nav-link")); // the dashboard
        Assert.Equal("3", menu.Find("[data-group='perm.workflow'] > button .ops-nav-count").GetAttribute("data-todo-count"));

        menu.Find("[data-group='perm.workflow'] > button").Click();

        // Open, the count moves to the inbox link.
        Assert.Empty(menu.FindAll("[data-group='perm.workflow'] > button .ops-nav-count"));
        Assert.Single(menu.FindAll($"a[href='{ApprovalsMenu.InboxHref}'] .ops-nav-count"));
    }
}
