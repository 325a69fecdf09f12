using Bunit;
using Microsoft.AspNetCore.Components;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>The drawer lights the page you are on, and only it.</summary>
public sealed class NavMenuMatchTests : PortalTestContext
{
    [Fact]
    public void NotificationSettings_HighlightsSettings_NotMyNotifications()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/notifications/settings");

        var menu = Render<NavMenu>();

        Assert.Contains("active", menu.Find("a[href='/notifications/settings']").ClassList);
        Assert.DoesNotContain("active", menu.Find("a[href='/notifications']").ClassList);
    }

    [Fact]
    public void MyNotifications_IsHighlightedOnItsOwnPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/notifications");

        var menu = Render<NavMenu>();

        Assert.Contains("active", menu.Find("a[href='/notifications']").ClassList);
        Assert.DoesNotContain("active", menu.Find("a[href='/notifications/settings']").ClassList);
    }

    [Fact]
    public void ADetailPage_HighlightsItsList()
    {
        Guard.Granted.Add(Ops.Domain.Auth.SchedulerPermissions.Jobs.View);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/scheduler/jobs/42");

        var menu = Render<NavMenu>();

        Assert.Contains("active", menu.Find("a[href='/scheduler/jobs']").ClassList);
    }
}
