using Ops.Portal.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// Every screen in the menu opens for an administrator and becomes interactive without an error, and
/// without anything the Content-Security-Policy had to block.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MenuSmokeTests(BrowserFixture browser)
{
    [Fact]
    public async Task EveryMenuPage_RendersInteractively_WithoutTheErrorBoundary()
    {
        await browser.CreateUserAsync("menu.admin", "menu admin passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        await page.SignInAsync("menu.admin", "menu admin passphrase");
        await page.WaitForURLAsync("**/dashboard");

        var hrefs = NavigationCatalog.Groups.SelectMany(g => g.Items).Select(i => i.Href).Prepend(NavigationCatalog.Dashboard.Href).Distinct().ToList();
        Assert.NotEmpty(hrefs);
        foreach (var href in hrefs)
        {
            await page.GotoAsync(href);
            await page.WaitForInteractiveAsync();
            Assert.EndsWith(href, new Uri(page.Url).AbsolutePath);
            Assert.Equal(0, await page.Locator("#error-boundary").CountAsync());
            Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), $"{href} broke the circuit");
        }

        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }
}
