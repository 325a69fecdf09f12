namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An administrator adds a SQLite data source in the browser: a file outside the allowed directory is refused on the field
/// and in the form's summary, in their language, and nothing is saved; one inside is saved read-only, and reopening it shows what was saved.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DataSourceJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN", "必须位于")]
    [InlineData("en-US", "must be inside")]
    public async Task AFileOutsideTheDirectory_IsRefusedInTheUsersLanguage_AndOneInsideIsSavedReadOnly(string locale, string refusal)
    {
        var admin = $"ds.admin.{locale}";
        await browser.CreateUserAsync(admin, "data source passphrase", superuser: true);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin, "data source passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/report/datasources");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#datasource-new");
        await page.ClickAsync(".mud-input-control:has(#datasource-type)");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Sqlite" }).First.ClickAsync();
        await page.FillAsync("#datasource-name", $"local {locale}");
        await page.FillAsync("#datasource-database", "/etc/passwd");
        await page.ClickAsync("#datasource-save");
        await page.WaitForSelectorAsync($".mud-input-control:has(#datasource-database) .mud-input-error:has-text('{refusal}')");
        await page.WaitForSelectorAsync($"#form-errors:has-text('{refusal}')");
        Assert.Equal(0, await page.Locator($"#datasource-grid tbody tr:has-text('local {locale}')").CountAsync());

        await page.FillAsync("#datasource-database", $"journey-{locale}.db");
        await page.DblClickAsync("#datasource-save");
        var row = page.Locator($"#datasource-grid tbody tr:has-text('local {locale}')");
        await row.WaitForAsync();
        Assert.Equal(1, await row.CountAsync());
        Assert.Equal("false", await row.Locator("[data-writes]").GetAttributeAsync("data-writes"));

        await row.Locator("button[aria-label]").Nth(1).ClickAsync();
        await page.WaitForSelectorAsync("#datasource-database");
        Assert.EndsWith($"journey-{locale}.db", await page.InputValueAsync("#datasource-database"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
