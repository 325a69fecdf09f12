using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>Admin builds an organisation in the browser; the new user sees only what the role allows.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_CreatesDepartmentRoleAndUser_AndTheUserSeesOnlyWhatTheRoleAllows()
    {
        // Its own superuser, so the language another journey chose for 'admin' does not leak in.
        await browser.CreateUserAsync("journey.admin", "journey admin passphrase", superuser: true);
        var admin = await browser.NewPageAsync();
        await admin.SignInAsync("journey.admin", "journey admin passphrase");
        await admin.WaitForURLAsync("**/dashboard");

        await admin.GotoAsync("/system/departments");
        await admin.WaitForInteractiveAsync();
        await admin.ClickAsync("#department-new");
        await admin.FillAsync("#department-name", "审计部");
        await admin.FillAsync("#department-code", "AUDIT");
        await admin.ClickAsync("#department-save");
        await admin.WaitForSelectorAsync("#department-tree >> text=审计部");

        await admin.GotoAsync("/system/roles");
        await admin.WaitForInteractiveAsync();
        await admin.ClickAsync("#role-new");
        await admin.FillAsync("#role-code", "user.viewers");
        await admin.FillAsync("#role-name", "User viewers");
        await admin.ClickAsync("#role-save");
        await admin.ClickAsync(".role-grant[data-role='user.viewers']");
        await admin.WaitForSelectorAsync("#grant-tree");
        // Only one button under the Users menu: the menu itself becomes half-checked and is granted with it.
        await admin.Locator("#grant-tree .mud-treeview-item-content", new() { HasText = "Users · Menu" }).First.Locator(".mud-treeview-item-arrow button").ClickAsync();
        await admin.Locator("#grant-tree .mud-treeview-item-content", new() { HasText = "Export users · Button" }).First.Locator(".mud-checkbox").ClickAsync();
        await admin.ClickAsync("#grant-save");
        await admin.WaitForSelectorAsync("#role-table >> tr:has-text('user.viewers') >> td:nth-child(5):has-text('1')", new() { Timeout = 10_000 })
            .ContinueWith(_ => Task.CompletedTask);

        await admin.GotoAsync("/system/users");
        await admin.WaitForInteractiveAsync();
        await admin.ClickAsync("#user-new");
        await admin.FillAsync("#user-name", "audit.viewer");
        await admin.FillAsync("#user-real-name", "审计员");
        await admin.FillAsync("#user-password", "a passphrase for the auditor");
        await admin.ClickAsync("#user-department");
        await admin.ClickAsync(".mud-popover-open .mud-list-item:has-text('审计部')");
        await admin.ClickAsync("#user-roles");
        await admin.ClickAsync(".mud-popover-open .mud-list-item:has-text('User viewers')");
        await admin.Keyboard.PressAsync("Escape");
        await admin.ClickAsync("#user-save");
        await admin.WaitForSelectorAsync("#user-grid >> text=audit.viewer");
        if (Environment.GetEnvironmentVariable("OPS_UPDATE_SCREENSHOT") == "1")
        {
            await admin.ScreenshotAsync(new() { Path = Path.Combine(PageExtensions.RepositoryRoot(), "docs", "users.png") });
        }

        var viewer = await browser.NewPageAsync();
        await viewer.SignInAsync("audit.viewer", "a passphrase for the auditor");

        // The admin typed that password, so it is the admin's as much as the user's: the first sign-in replaces it.
        await viewer.WaitForURLAsync("**/Account/Manage/ChangePassword?forced=true");
        await viewer.WaitForSelectorAsync("#forced-change");
        await viewer.FillAsync("#Input\\.OldPassword", "a passphrase for the auditor");
        await viewer.FillAsync("#Input\\.NewPassword", "the auditor's own passphrase");
        await viewer.FillAsync("#Input\\.ConfirmPassword", "the auditor's own passphrase");
        await viewer.ClickAsync("#change-password-submit");
        await viewer.WaitForSelectorAsync("#change-password-form");
        Assert.Equal(0, await viewer.Locator("#forced-change").CountAsync());
        await viewer.GotoAsync("/dashboard");
        await viewer.WaitForURLAsync("**/dashboard");
        await viewer.WaitForInteractiveAsync();
        // Only the current page's group starts open: open the system group to see what it offers.
        await viewer.ClickAsync(".mud-nav-group[data-group='nav.group.system'] > button");
        await viewer.WaitForSelectorAsync(".mud-nav-group[data-group='nav.group.system'] a");
        var nav = await viewer.InnerTextAsync("nav");
        Assert.Contains("Users", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Roles", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Departments", nav, StringComparison.Ordinal);
        Assert.DoesNotContain("Permissions", nav, StringComparison.Ordinal);

        await viewer.GotoAsync("/system/users");
        await viewer.WaitForInteractiveAsync();
        await viewer.WaitForSelectorAsync("#user-grid >> text=audit.viewer");
        Assert.Equal(1, await viewer.Locator("#user-export").CountAsync());
        Assert.Equal(0, await viewer.Locator("#user-new").CountAsync());

        await viewer.GotoAsync("/system/roles");
        await viewer.WaitForSelectorAsync("#access-denied");
        await admin.Context.CloseAsync();
        await viewer.Context.CloseAsync();
    }
}
