using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The breadcrumbs are in every circuit (issue 17): drawn as MudBreadcrumbs' own markup in one component, not
/// MudBreadcrumbs with a component per link, separator and icon.
/// </summary>
public sealed class BreadcrumbsWeightTests : PortalTestContext
{
    [Fact]
    public void OnAMenuPage_TheTrailIsMudBreadcrumbsOwnMarkup_WithoutItsComponents()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/users");

        var ours = Render<PortalBreadcrumbs>();

        var stock = Render<MudBreadcrumbs>(p => p.Add(x => x.Class, "px-0 pt-0 pb-2 ops-breadcrumbs").Add(x => x.Items,
        [
            new BreadcrumbItem("Home", "/dashboard", icon: Icons.Material.Filled.Home),
            new BreadcrumbItem("System", null, disabled: true),
            new BreadcrumbItem("Users", "/system/users"),
        ]));
        ours.MarkupMatches(stock.Markup);
        Assert.Empty(ours.FindComponents<MudBreadcrumbs>());
        Assert.Empty(ours.FindComponents<MudIcon>());
    }

    [Fact]
    public void GoingElsewhere_RedrawsTheTrail_InTheViewersLanguage()
    {
        UseCulture(Ops.Portal.Localization.Cultures.Chinese);
        var trail = Render<PortalBreadcrumbs>();
        Assert.Single(trail.FindAll("li.mud-breadcrumb-item"));

        Services.GetRequiredService<NavigationManager>().NavigateTo("/profile");

        trail.WaitForAssertion(() => Assert.Equal(2, trail.FindAll("li.mud-breadcrumb-item").Count));
        Assert.Equal("page", trail.Find("a[href='/profile']").GetAttribute("aria-current"));
        Assert.Equal("面包屑导航", trail.Find("nav").GetAttribute("aria-label"));
    }
}
