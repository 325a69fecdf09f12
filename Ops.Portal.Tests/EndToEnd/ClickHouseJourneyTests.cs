using Ops.Domain.Reports;
using Ops.Portal.Tests.Reports;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An administrator adds a ClickHouse data source in the browser (the port it suggests is ClickHouse's; a report-only
/// type offers no writes), tests it and sees the server's version, then runs a grouped query on it in the report designer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClickHouseJourneyTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task AnAdminAddsAClickHouseSource_TestsIt_AndQueriesItInTheDesigner(string locale)
    {
        await using var target = await ReportTarget.CreateAsync(DataSourceType.ClickHouse);
        var admin = $"ch.admin.{locale}";
        var name = $"点击流 {locale}";
        await browser.CreateUserAsync(admin, "clickhouse passphrase", superuser: true);
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(admin, "clickhouse passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/report/datasources");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#datasource-new");
        await page.ClickAsync(".mud-input-control:has(#datasource-type)");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "ClickHouse" }).First.ClickAsync();
        await page.WaitForSelectorAsync("#datasource-port[placeholder='8123']");
        Assert.Equal(0, await page.Locator("#datasource-writes").CountAsync());
        await page.FillAsync("#datasource-name", name);
        await page.FillAsync("#datasource-host", target.Input.Host!);
        await page.FillAsync("#datasource-port", target.Input.Port!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.FillAsync("#datasource-database", target.Input.Database);
        await page.FillAsync("#datasource-user", target.Input.UserName!);
        await page.FillAsync("#datasource-password", target.Input.Password!);
        await page.DblClickAsync("#datasource-save");
        var row = page.Locator($"#datasource-grid tbody tr:has-text('{name}')");
        await row.WaitForAsync();
        Assert.Equal(1, await row.CountAsync());

        await row.Locator("button[aria-label]").First.ClickAsync();
        await page.WaitForSelectorAsync(".mud-snackbar:has-text('ClickHouse 18.')");
        await row.Locator("[data-status='Active']").WaitForAsync();

        await page.GotoAsync("/report/edit");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync(".mud-input-control:has(#designer-datasource)");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = name }).First.ClickAsync();
        await page.Locator("#designer-tabs .mud-tabs-tabbar .mud-tab").Nth(1).ClickAsync();
        await page.WaitForSelectorAsync("#designer-query[data-editor-ready='true']", new() { Timeout = 15_000 });
        const string query = "SELECT region, sum(amount) AS total FROM sales GROUP BY region ORDER BY region";
        Assert.True(await page.EvaluateAsync<bool>("q => window.opsCodeEditor.setValue('designer-query', q)", query));
        await page.WaitForSelectorAsync($"#designer-query[data-server-length='{query.Length}']", new() { Timeout = 15_000 });
        await page.ClickAsync("#designer-run");
        await page.WaitForSelectorAsync("#designer-run-outcome");
        await page.WaitForSelectorAsync(".ops-report-display[data-rows='4']");
        await page.Context.CloseAsync();
    }
}
