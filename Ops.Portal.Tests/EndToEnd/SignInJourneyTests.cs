using Microsoft.AspNetCore.Identity;
using Microsoft.Playwright;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class SignInJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_SignsIn_SwitchesLanguageAndTheme_AndSignsOut()
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync("admin", OpsWebFactory.DefaultAdminPassword);
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        Assert.Contains("Dashboard", await page.InnerTextAsync("nav"), StringComparison.Ordinal);
        Assert.Equal("Healthy", (await page.InnerTextAsync("#health-status")).Trim());

        await page.ClickAsync("#language-switch button");
        await page.ClickAsync("[data-culture='zh-CN']");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("nav >> text=工作台");
        Assert.Contains("系统管理", await page.InnerTextAsync("nav"), StringComparison.Ordinal);
        await page.WaitForSelectorAsync("#health-status >> text=正常");
        await SaveScreenshotAsync(page);

        await page.ClickAsync("#theme-toggle");
        await page.WaitForSelectorAsync("#ops-shell[data-theme='dark']");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        Assert.Equal("dark", await page.GetAttributeAsync("#ops-shell", "data-theme"));
        await page.ClickAsync("#theme-toggle");
        await page.WaitForSelectorAsync("#ops-shell[data-theme='light']");

        await page.ClickAsync("#user-menu button");
        await page.ClickAsync(".ops-logout");
        await page.WaitForSignInPageAsync();
        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndSaySo()
    {
        const string password = "a long enough demo passphrase";
        await browser.CreateUserAsync("lock.me", password);
        var page = await browser.NewPageAsync();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await page.SignInAsync("lock.me", "wrong password " + attempt);
            Assert.Contains("Invalid user name or password", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);
        }

        await page.SignInAsync("lock.me", "wrong password 5");
        Assert.Contains("locked", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);

        // Even the right password is refused while the lock lasts.
        await page.SignInAsync("lock.me", password);
        Assert.Contains("locked", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);
        Assert.Contains("/Account/Login", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    // The README shows this picture; set OPS_UPDATE_SCREENSHOT=1 to refresh docs/screenshot.png.
    private static async Task SaveScreenshotAsync(IPage page)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = false });
        Assert.True(bytes.Length > 10_000);
        if (Environment.GetEnvironmentVariable("OPS_UPDATE_SCREENSHOT") == "1")
        {
            var path = Path.Combine(PageExtensions.RepositoryRoot(), "docs", "screenshot.png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, bytes);
        }
    }
}
