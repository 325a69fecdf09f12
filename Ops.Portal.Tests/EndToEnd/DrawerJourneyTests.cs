using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// The shell's drawer in a real browser, now markup and CSS instead of MudDrawer (issue 17): on a wide screen it is open
/// and the page makes room for it until the menu button closes it; on a narrow one it is closed, opens over the page
/// above a backdrop, and gives the page back when a link is followed or the backdrop is clicked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DrawerJourneyTests(BrowserFixture browser)
{
    private const string Drawer = "#ops-drawer";

    [Fact]
    public async Task WideScreen_DrawerOpenBesideThePage_MenuButtonClosesAndReopensIt()
    {
        var page = await SignedInAsync("drawer.wide", 1280, 800);

        await ExpectDrawerLeftAsync(page, 0);
        Assert.True(await MainMarginAsync(page) > 200, "the page makes room for the open drawer");
        Assert.False(await page.IsVisibleAsync("header button.ops-menu-narrow"));

        await page.ClickAsync("header button.ops-menu-wide");
        await ExpectDrawerLeftAsync(page, -1);
        await Assertions.Expect(page.Locator(".mud-main-content")).ToHaveCSSAsync("margin-left", "0px");

        await page.ClickAsync("header button.ops-menu-wide");
        await ExpectDrawerLeftAsync(page, 0);
        Assert.Equal(0, await page.Locator(".ops-drawer-backdrop").CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NarrowScreen_DrawerOpensOverThePage_AndClosesOnALinkOrTheBackdrop()
    {
        var page = await SignedInAsync("drawer.narrow", 800, 900);

        await ExpectDrawerLeftAsync(page, -1);
        Assert.Equal(0, await MainMarginAsync(page));
        Assert.False(await page.IsVisibleAsync("header button.ops-menu-wide"));

        await page.ClickAsync("header button.ops-menu-narrow");
        await ExpectDrawerLeftAsync(page, 0);
        await page.WaitForSelectorAsync(".ops-drawer-backdrop");
        await page.ClickAsync(".ops-drawer-backdrop", new() { Position = new() { X = 700, Y = 400 } });
        await ExpectDrawerLeftAsync(page, -1);
        await page.WaitForSelectorAsync(".ops-drawer-backdrop", new() { State = WaitForSelectorState.Detached });

        await page.ClickAsync("header button.ops-menu-narrow");
        await page.ClickAsync(".mud-nav-group[data-group='nav.group.system'] > button");
        await page.ClickAsync($"{Drawer} a[href='/system/users']");
        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith("/system/users", StringComparison.Ordinal));
        await ExpectDrawerLeftAsync(page, -1);
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(string login, int width, int height)
    {
        await browser.CreateUserAsync(login, "drawer passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(login, "drawer passphrase");
        await page.WaitForUrlOrSayWhyAsync(url => url.Contains("/dashboard", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        return page;
    }

    // 0: the drawer's left edge is at the window's; -1: it is off the screen to the left (after the 225 ms slide).
    private static Task ExpectDrawerLeftAsync(IPage page, int where) =>
        page.WaitForFunctionAsync(
            where == 0
                ? "() => document.querySelector('#ops-drawer').getBoundingClientRect().left === 0"
                : "() => document.querySelector('#ops-drawer').getBoundingClientRect().right <= 0",
            null, new() { Timeout = 10_000 });

    private static async Task<double> MainMarginAsync(IPage page) =>
        await page.EvalOnSelectorAsync<double>(".mud-main-content", "e => parseFloat(getComputedStyle(e).marginLeft)");
}
