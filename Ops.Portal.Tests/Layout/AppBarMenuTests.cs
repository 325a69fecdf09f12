using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// App-bar menus exist only while open (issue 17): a closed menu renders its activator alone, no MudMenu, popover or
/// items, and closing it lets them go again.
/// </summary>
public sealed class AppBarMenuTests : PortalTestContext
{
    [Fact]
    public void LanguageSwitch_RendersNoItemsUntilOpened()
    {
        var host = Render<Host<LanguageSwitch>>();

        Assert.Empty(host.FindAll("[data-culture]"));
        Assert.Empty(host.FindComponents<MudMenu>());
        Assert.Empty(host.FindComponents<MudMenuItem>());

        host.Find("#language-switch button").Click();

        host.WaitForAssertion(() => Assert.Equal(2, host.FindAll(".mud-popover-open [data-culture]").Count));
    }

    [Fact]
    public void AClosedMenu_LetsItsItemsGo()
    {
        var host = Render<Host<LanguageSwitch>>();
        host.Find("#language-switch button").Click();
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-popover-open [data-culture]")));

        host.InvokeAsync(() => host.FindComponent<MudMenu>().Instance.CloseMenuAsync());

        host.WaitForAssertion(() => Assert.Empty(host.FindComponents<MudMenuItem>()));
        Assert.Empty(host.FindComponents<MudMenu>());
        Assert.Single(host.FindAll("#language-switch button"));
    }

    /// <summary>Menus render in popovers, so the provider must be on the page.</summary>
    private sealed class Host<TComponent> : ComponentBase
        where TComponent : IComponent
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TComponent>(1);
            builder.CloseComponent();
        }
    }
}
