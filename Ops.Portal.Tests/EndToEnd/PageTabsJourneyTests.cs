using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// The tab strip of open pages in a real browser: pages opened from the menu get tabs, a closed tab goes, a reload
/// restores the rest from sessionStorage, and a tab takes you back to its page (query included) without breaking it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTabsJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task OpenTwoPages_CloseOne_Reload_RestoresTheTabs()
    {
        await browser.CreateUserAsync("tabs.admin", "tabs admin passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("tabs.admin", "tabs admin passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();

        // Only the current page's group starts open in the menu.
        await page.ClickAsync(".mud-nav-group[data-group='nav.group.system'] > button");
        await page.ClickAsync(".mud-navmenu a[href='/system/users']");
        await page.WaitForURLAsync("**/system/users");
        await page.ClickAsync(".mud-nav-group[data-group='perm.scheduler'] > button");
        await page.ClickAsync(".mud-navmenu a[href='/scheduler/logs']");
        await page.WaitForURLAsync("**/scheduler/logs");
        await WaitForTabsAsync(page, "/dashboard", "/system/users", "/scheduler/logs");
        await page.GotoAsync("/scheduler/logs?status=Failed");
        await page.WaitForInteractiveAsync();
        await WaitForTabsAsync(page, "/dashboard", "/system/users", "/scheduler/logs");

        await page.ClickAsync("#page-tabs [data-path='/system/users'] .ops-page-tab-close");
        await WaitForTabsAsync(page, "/dashboard", "/scheduler/logs");

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await WaitForTabsAsync(page, "/dashboard", "/scheduler/logs");
        Assert.Equal("/scheduler/logs", await page.GetAttributeAsync("#page-tabs .ops-page-tab-active", "data-path"));

        await page.ClickAsync("#page-tabs [data-path='/dashboard'] a");
        await page.WaitForUrlOrSayWhyAsync(url => new Uri(url).AbsolutePath == "/dashboard");
        var href = await page.GetAttributeAsync("#page-tabs [data-path='/scheduler/logs'] a", "href");
        Assert.Equal("/scheduler/logs?status=Failed", href);
        await page.ClickAsync("#page-tabs [data-path='/scheduler/logs'] a");
        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith("/scheduler/logs?status=Failed", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#scheduler-log-grid");
        Assert.Equal(0, await page.Locator("#error-boundary").CountAsync());
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    private static async Task WaitForTabsAsync(IPage page, params string[] paths)
    {
        const string Shown = "[...document.querySelectorAll('#page-tabs .ops-page-tab')].map(t => t.dataset.path).join(',')";
        var expected = string.Join(",", paths);
        try
        {
            await page.WaitForFunctionAsync($"expected => {Shown} === expected", expected);
        }
        catch (TimeoutException)
        {
            var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ops.pageTabs')");
            Assert.Fail($"tabs: expected {expected}, shown {await page.EvaluateAsync<string>($"() => {Shown}")}, stored {stored}, at {page.Url}");
        }
    }
}
