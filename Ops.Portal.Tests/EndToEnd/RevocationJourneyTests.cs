using System.Diagnostics;
using Microsoft.Playwright;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>Changes of access reach open browser sessions within 5 seconds, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RevocationJourneyTests(BrowserFixture browser)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task RemovedGrant_TakesTheMenuAndTheServiceAwayWithinFiveSeconds()
    {
        var (roleId, _) = await SetUpAsync("revoked.viewer", "revokers");
        var page = await browser.NewPageAsync();
        await page.SignInAsync("revoked.viewer", "revocation passphrase");
        await page.GotoAsync("/system/users");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync(".mud-navmenu a[href='/system/users']");

        var clock = Stopwatch.StartNew();
        await AsSystemAsync(sp => sp.GetRequiredService<IRoleService>().SetGrantsAsync(roleId, []));
        await page.WaitForSelectorAsync(".mud-navmenu a[href='/system/users']", new() { State = WaitForSelectorState.Detached, Timeout = (float)Limit.TotalMilliseconds });
        Assert.True(clock.Elapsed < Limit, $"menu took {clock.Elapsed}");

        await page.FillAsync("#user-search", "anyone");
        await page.WaitForSelectorAsync(".mud-snackbar:has-text('You do not have permission')", new() { Timeout = (float)Limit.TotalMilliseconds });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DisabledUser_IsSignedOutOfOpenPagesWithinFiveSeconds()
    {
        var (_, userId) = await SetUpAsync("soon.disabled", "disablers");
        var page = await browser.NewPageAsync();
        await page.SignInAsync("soon.disabled", "revocation passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();

        var clock = Stopwatch.StartNew();
        await AsSystemAsync(sp => sp.GetRequiredService<IUserAdministration>().SetActiveAsync([userId], false));
        await page.WaitForURLAsync("**/Account/Login**", new() { Timeout = (float)Limit.TotalMilliseconds });
        Assert.True(clock.Elapsed < Limit, $"sign-out took {clock.Elapsed}");

        await page.GotoAsync("/dashboard");
        await page.WaitForURLAsync("**/Account/Login**");
        await page.Context.CloseAsync();
    }

    private async Task<(long RoleId, long UserId)> SetUpAsync(string userName, string roleCode)
    {
        var roleId = await AsSystemAsync(async sp =>
        {
            var roles = sp.GetRequiredService<IRoleService>();
            var id = (await roles.CreateAsync(new(roleCode, roleCode, null, null, 0, true, DataScope.All, [], false))).Value;
            await roles.SetGrantsAsync(id, [SystemPermissions.Users.View]);
            return id;
        });
        var userId = await AsSystemAsync(async sp => (await sp.GetRequiredService<IUserService>().CreateAsync(
            new(userName, null, null, null, null, [roleId], null, [], true, false, false, false), "revocation passphrase")).Value.Id);
        await browser.PasswordAlreadyChangedAsync(userId);
        return (roleId, userId);
    }

    private async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = browser.Portal.Services.CreateSystemScope();
        return await action(scope.ServiceProvider);
    }
}
