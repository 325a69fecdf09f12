using Bunit;
using MudBlazor;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The user menu's button is MudButton's markup (issue 17: MudButton and its MudIcon were two components in every
/// circuit); it names the user and opens the menu, whose items exist only while it is open.
/// </summary>
public sealed class UserMenuTests : PortalTestContext
{
    [Fact]
    public void TheButton_NamesTheUser_WithoutComponents_AndOpensTheMenu()
    {
        var popovers = Render<MudPopoverProvider>();
        var menu = Render<UserMenu>();

        Assert.Empty(menu.FindComponents<MudButton>());
        Assert.Empty(menu.FindComponents<MudIcon>());
        Assert.Equal("tester", menu.Find("#user-menu-button .ops-user-name").TextContent.Trim());
        Assert.Empty(menu.FindComponents<MudMenuItem>());

        menu.Find("#user-menu-button").Click();

        popovers.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open a[href='/profile']")));
    }
}
