using Bunit;
using Microsoft.AspNetCore.Components;
using Ops.Domain.Auth;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

public sealed class NavMenuTests : PortalTestContext
{
    [Fact]
    public void WithoutPermissions_ShowsOnlyThePersonalPages()
    {
        // Only the current page's group starts open.
        Services.GetRequiredService<NavigationManager>().NavigateTo("/notifications");
        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("a[href='/dashboard']"));
        Assert.Single(menu.FindAll("a[href='/notifications']"));
        Assert.Empty(menu.FindAll("a[href='/system/permissions']"));
        Assert.DoesNotContain("System", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void WithPermissionView_ShowsTheSystemGroupAndItsPage()
    {
        Guard.Granted.Add(SystemPermissions.Permissions.View);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/permissions");

        var menu = Render<NavMenu>();

        Assert.Single(menu.FindAll("a[href='/system/permissions']"));
        Assert.Contains("Permissions", menu.Find("a[href='/system/permissions']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void UnrelatedPermission_DoesNotRevealPages()
    {
        Guard.Granted.Add("scheduler.jobs.view");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/permissions");

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("a[href='/system/permissions']"));
    }
}
