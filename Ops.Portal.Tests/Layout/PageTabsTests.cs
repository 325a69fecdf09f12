using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The tab strip of open pages: a tab per page visited (address with its query), the dashboard pinned, close / close
/// others / close right / close all, the active tab highlighted, and the set restored from sessionStorage on reload.
/// </summary>
public sealed class PageTabsTests : PortalTestContext
{
    private string? _stored;

    public PageTabsTests()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<string?>("sessionStorage.getItem", PageTabs.StorageKey).SetResult(null);
        JSInterop.SetupVoid("sessionStorage.setItem", i => (string?)i.Arguments[0] == PageTabs.StorageKey && Remember((string?)i.Arguments[1])).SetVoidResult();
    }

    [Fact]
    public void OpeningTwoPages_ShowsTheirTabs_TheLastActive_AndTheDashboardPinned()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var tabs = Render<Host>();

        navigation.NavigateTo("/system/users");
        navigation.NavigateTo("/scheduler/logs?status=Failed");

        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard", "/system/users", "/scheduler/logs"], Paths(tabs)));
        Assert.Equal("/scheduler/logs", tabs.Find(".ops-page-tab-active").GetAttribute("data-path"));
        Assert.Equal("/scheduler/logs?status=Failed", tabs.Find("[data-path='/scheduler/logs'] a").GetAttribute("href"));
        Assert.Contains("Scheduling log", tabs.Find("[data-path='/scheduler/logs']").TextContent, StringComparison.Ordinal);
        Assert.Empty(tabs.FindAll("[data-path='/dashboard'] .ops-page-tab-close"));
    }

    [Fact]
    public void ClosingTheActiveTab_GoesToItsNeighbour_AndTheRestIsSaved()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var tabs = Render<Host>();
        navigation.NavigateTo("/system/users");
        navigation.NavigateTo("/scheduler/jobs");
        tabs.WaitForAssertion(() => Assert.Equal(3, Paths(tabs).Count));

        tabs.Find("[data-path='/scheduler/jobs'] .ops-page-tab-close").Click();

        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard", "/system/users"], Paths(tabs)));
        Assert.EndsWith("/system/users", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("[\"/dashboard\",\"/system/users\"]", _stored);
    }

    [Fact]
    public void AReload_RestoresTheSavedTabs_WithTheCurrentPageActive()
    {
        JSInterop.Setup<string?>("sessionStorage.getItem", PageTabs.StorageKey)
            .SetResult("[\"/dashboard\",\"/system/users?search=li\",\"/scheduler/jobs/7\"]");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/scheduler/jobs/7?tab=runs");

        var tabs = Render<Host>();

        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard", "/system/users", "/scheduler/jobs/7"], Paths(tabs)));
        Assert.Equal("/system/users?search=li", tabs.Find("[data-path='/system/users'] a").GetAttribute("href"));
        Assert.Equal("/scheduler/jobs/7", tabs.Find(".ops-page-tab-active").GetAttribute("data-path"));
        Assert.Equal("/scheduler/jobs/7?tab=runs", tabs.Find(".ops-page-tab-active a").GetAttribute("href")); // the address open now wins over the saved one
        Assert.Contains("#7", tabs.Find("[data-path='/scheduler/jobs/7']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMenu_ClosesOthers_TheRight_OrAll_ButNeverTheDashboard()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        var tabs = Render<Host>();
        foreach (var page in new[] { "/system/users", "/system/roles", "/scheduler/jobs", "/scheduler/flows" })
        {
            navigation.NavigateTo(page);
        }

        navigation.NavigateTo("/system/roles");
        tabs.WaitForAssertion(() => Assert.Equal(5, Paths(tabs).Count));

        Menu(tabs, "tab-close-right");
        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard", "/system/users", "/system/roles"], Paths(tabs)));

        Menu(tabs, "tab-close-others");
        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard", "/system/roles"], Paths(tabs)));

        Menu(tabs, "tab-close-all");
        tabs.WaitForAssertion(() => Assert.Equal(["/dashboard"], Paths(tabs)));
        Assert.EndsWith("/dashboard", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTabMenu_IsRenderedUntilOneIsOpened()
    {
        var host = Render<Host>();

        Assert.Single(host.FindAll("#page-tabs .ops-page-tab"));
        Assert.Empty(host.FindComponents<MudMenu>());
        Assert.Empty(host.FindComponents<MudMenuItem>());
    }

    [Fact]
    public void RightClickOnATab_OpensItsMenu()
    {
        var host = Render<Host>();

        host.Find("#page-tabs [data-path='/dashboard']").ContextMenu();

        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-popover-open .tab-close-others")));
    }

    private static void Menu(IRenderedComponent<Host> tabs, string item)
    {
        tabs.Find(".page-tabs-menu button").Click();
        tabs.WaitForAssertion(() => Assert.NotEmpty(tabs.FindAll($".mud-popover-open .{item}")));
        tabs.Find($".mud-popover-open .{item}").Click();
    }

    private static List<string> Paths(IRenderedComponent<Host> tabs) =>
        [.. tabs.FindAll("#page-tabs .ops-page-tab").Select(t => t.GetAttribute("data-path")!)];

    private bool Remember(string? value)
    {
        _stored = value;
        return true;
    }

    /// <summary>The tab menus render in popovers, so the provider must be on the page.</summary>
    private sealed class Host : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<PageTabs>(1);
            builder.CloseComponent();
        }
    }
}
