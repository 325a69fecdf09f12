using System.Net;
using System.Net.Http.Headers;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An administrator makes a service account, gives it a token in the page, copies the secret once, a script calls the
/// API with it, and the administrator revokes it: the script's next call fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ServiceAccountJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdministrator_GivesACiBotAToken_AndRevokesIt()
    {
        await using (var scope = browser.Portal.Services.CreateScopeAs(new Actor(1, "admin", true, false)))
        {
            var roles = scope.ServiceProvider.GetRequiredService<IRoleService>();
            var role = (await roles.CreateAsync(new RoleInput("ci_readers", "CI readers", null, null, 0, true, DataScope.All, [], false))).Value;
            Assert.True((await roles.SetGrantsAsync(role, [SystemPermissions.Users.View])).IsSuccess);
        }

        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin", OpsWebFactory.DefaultAdminPassword);
        await page.WaitForUrlOrSayWhyAsync(u => u.Contains("/dashboard", StringComparison.Ordinal));
        await page.GotoAsync("/system/service-accounts");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#service-account-new");
        await page.FillAsync("#service-account-name", "ci-bot");
        await page.FillAsync("#service-account-purpose", "GitLab CI");
        await page.ClickAsync("#service-account-roles");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('CI readers')");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("#service-account-save");
        await page.ClickAsync("#service-accounts >> text=ci-bot");

        await page.ClickAsync("#service-account-tokens-new");
        await page.FillAsync("#token-name", "deploy pipeline");
        await page.ClickAsync("#token-scopes");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('system.users.view')");
        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("#token-create");
        var secret = await page.InputValueAsync("#shown-secret");
        await page.ClickAsync("#secret-close");
        await page.WaitForSelectorAsync("#service-account-tokens >> text=deploy pipeline");

        using var script = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.StartsWith("ops_pat_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/users")).StatusCode);

        // Selectors that hold in either language: another journey may have made the admin's language Chinese.
        await page.ClickAsync("#service-account-tokens .token-revoke");
        await page.ClickAsync("#confirm-ok");
        await page.WaitForSelectorAsync("#service-account-tokens .token-revoke", new() { State = Microsoft.Playwright.WaitForSelectorState.Detached });

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/v1/users")).StatusCode);
        await page.Context.CloseAsync();
    }
}
