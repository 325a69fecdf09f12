using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The drawer is light in every circuit (issue 17): plain links in MudBlazor's classes rather than a component per link
/// and icon, and a collapsed group renders no links at all.
/// </summary>
public sealed class NavMenuWeightTests : PortalTestContext
{
    private const string System = "nav.group.system";

    [Fact]
    public void TheDrawer_DrawsItsLinksAndIconsWithoutAComponentEach()
    {
        Guard.Granted.Add(SystemPermissions.Users.View);
        Guard.Granted.Add(SystemPermissions.Roles.View);

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
        menu.Find($"[data-group='{System}'] > button").Click();

        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/users");

        menu.WaitForAssertion(() => Assert.Contains("active", menu.Find("a[href='/system/users']").ClassList));
        Assert.Equal("page", menu.Find("a[href='/system/users']").GetAttribute("aria-current"));
        Assert.DoesNotContain("active", menu.Find("a[href='/dashboard']").ClassList);
    }
}
