using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Components.Layout;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Layout;

public sealed class LanguageTests : PortalTestContext
{
    [Fact]
    public void InChinese_TheMenuSpeaksChinese()
    {
        UseCulture(Cultures.Chinese);
        Guard.Granted.Add(SystemPermissions.Permissions.View);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/system/permissions");

        var menu = Render<NavMenu>();

        Assert.Contains("工作台", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("系统管理", menu.Markup, StringComparison.Ordinal);
        Assert.Contains("权限管理", menu.Find("a[href='/system/permissions']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void InEnglish_TheMenuSpeaksEnglish()
    {
        Guard.Granted.Add(SystemPermissions.Permissions.View);

        var menu = Render<NavMenu>();

        Assert.Contains("Dashboard", menu.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("工作台", menu.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void LanguageSwitch_OffersBothLanguages_AndNavigatesToTheCultureEndpoint()
    {
        var host = Render<LanguageSwitchHost>();

        host.Find("#language-switch button").Click();
        Assert.Contains("简体中文", host.Markup, StringComparison.Ordinal);
        host.Find("[data-culture='zh-CN']").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.Contains("/culture/set?culture=zh-CN", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void InChinese_MudBlazorTextsAreChinese()
    {
        UseCulture(Cultures.Chinese);

        var grid = Render<MudDataGrid<int>>(p => p
            .Add(g => g.Items, Enumerable.Range(1, 30))
            .Add(g => g.PagerContent, b =>
            {
                b.OpenComponent<MudDataGridPager<int>>(0);
                b.CloseComponent();
            }));

        Assert.Contains("每页行数", grid.Markup, StringComparison.Ordinal);
    }

    /// <summary>The switch renders its items in a popover, so the provider must be on the page.</summary>
    private sealed class LanguageSwitchHost : ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<LanguageSwitch>(1);
            builder.CloseComponent();
        }
    }
}
