using System.Diagnostics;
using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>An administrator notifies a user; the user's bell rises live and falls when read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminSends_TheUsersBellRisesWithinASecond_AndMarkReadLowersIt()
    {
        await browser.CreateUserAsync("notify.admin", "notify admin passphrase", superuser: true);
        await browser.CreateUserAsync("notify.user", "notify user passphrase");
        var user = await browser.NewPageAsync();
        await user.SignInAsync("notify.user", "notify user passphrase");
        await user.WaitForURLAsync("**/dashboard");
        await user.WaitForInteractiveAsync();
        Assert.Equal("0", await user.GetAttributeAsync("#notification-bell", "data-unread"));
        Assert.Equal(0, await user.Locator("#notification-bell .mud-badge").CountAsync());

        var admin = await browser.NewPageAsync();
        await admin.SignInAsync("notify.admin", "notify admin passphrase");
        await admin.GotoAsync("/notifications");
        await admin.WaitForInteractiveAsync();
        await admin.ClickAsync("#notification-send");
        await admin.FillAsync("#notification-recipient", "notify.user");
        await admin.ClickAsync(".mud-popover-open .mud-list-item:has-text('notify.user')");
        await admin.WaitForSelectorAsync("[data-recipient='notify.user']");
        await admin.FillAsync("#notification-title", "维护通知");
        await admin.FillAsync("#notification-content", "今晚 22:00 系统维护");

        var clock = Stopwatch.StartNew();
        await admin.ClickAsync("#notification-submit");
        await user.WaitForSelectorAsync("#notification-bell[data-unread='1']", new() { Timeout = 1_000 });
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"bell took {clock.Elapsed}");
        Assert.Equal("1", (await user.InnerTextAsync("#notification-bell .mud-badge")).Trim());

        await user.GotoAsync("/notifications");
        await user.WaitForInteractiveAsync();
        await user.WaitForSelectorAsync("#notification-grid >> text=维护通知");
        await user.ClickAsync("#mark-all-read");
        await user.WaitForSelectorAsync("#notification-bell[data-unread='0']");
        await user.WaitForSelectorAsync("#notification-bell .mud-badge", new() { State = WaitForSelectorState.Detached });
        await admin.Context.CloseAsync();
        await user.Context.CloseAsync();
    }
}
