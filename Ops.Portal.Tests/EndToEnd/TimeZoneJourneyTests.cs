using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>A user in Shanghai sees stored UTC times in Shanghai time; a zone chosen in the profile overrides the browser's.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TimeZoneJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ShanghaiBrowser_SeesUtcPlusEight_AndAProfileZoneOverridesIt()
    {
        const string name = "zone.viewer";
        await browser.CreateUserAsync(name, "zone viewer passphrase");
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            // The previous sign-in, stored in UTC; the dashboard shows it after this sign-in.
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == name);
            user.LastLoginAt = new DateTimeOffset(2026, 1, 5, 20, 30, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        }

        var page = await browser.NewPageAsync(timeZoneId: "Asia/Shanghai");
        await page.SignInAsync(name, "zone viewer passphrase");
        await page.WaitForUrlOrSayWhyAsync(url => url.Contains("/dashboard", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#last-login")).ToHaveTextAsync("2026-01-06 04:30");
        await Assertions.Expect(page.Locator("#viewer-zone")).ToHaveTextAsync("UTC+08:00 Asia/Shanghai");

        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#profile-time-zone", "New_York");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('America/New_York')");
        await page.ClickAsync("#profile-time-zone-save");
        await Assertions.Expect(page.Locator("#viewer-zone")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^UTC-0[45]:00 America/New_York$"));

        await page.GotoAsync("/dashboard");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#last-login")).ToHaveTextAsync("2026-01-05 15:30");
        await page.Context.CloseAsync();
    }
}
