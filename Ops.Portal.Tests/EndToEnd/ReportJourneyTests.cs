using System.Globalization;
using Microsoft.Playwright;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Infrastructure.Common;
using Ops.Portal.Tests.Reports;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An analyst builds a bar chart over a MariaDB table in the designer, with a date-range filter and rows by department,
/// and publishes it. A viewer with view rights only opens it from the list: they see the watermark (which comes back when
/// removed in the browser), only their department's rows, and a narrower period from the URL.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportJourneyTests(BrowserFixture browser)
{
    private const string Query = "SELECT region, SUM(amount) AS total, department_id FROM sales WHERE 1 = 1 "
        + "[[AND sold_on >= {{period.from}} AND sold_on < {{period.to}}]] GROUP BY region, department_id ORDER BY region";

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task AnAnalystPublishesABarChart_AViewerSeesOnlyTheirDepartmentUnderTheWatermark(string locale)
    {
        await using var target = await ReportTarget.CreateAsync(DataSourceType.MySql);
        var suffix = locale[..2];
        var (_, viewer, sourceName) = await SetUpAsync(target, suffix);
        var analyst = $"analyst.{suffix}";
        await browser.CreateUserAsync(analyst, "report journey passphrase", superuser: true);
        var reportName = $"Sales by region {suffix}";

        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(analyst, "report journey passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/report/edit");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#designer-name", reportName);
        await page.ClickAsync(".mud-input-control:has(#designer-datasource)");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = sourceName }).First.ClickAsync();

        await Tab(page, 1).ClickAsync();
        await page.WaitForSelectorAsync("#designer-query[data-editor-ready='true']", new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("q => window.opsCodeEditor.setValue('designer-query', q)", Query));
        await page.WaitForSelectorAsync($"#designer-query[data-server-length='{Query.Length}']", new() { Timeout = 15_000 });
        await page.ClickAsync("#designer-add-parameter");
        await page.FillAsync("#param-0-name", "period");
        await page.ClickAsync(".mud-input-control:has(#param-0-type)");
        // Text, Number, Date, Date range: the fourth.
        await page.Locator(".mud-popover-open .mud-list-item").Nth(3).ClickAsync();
        await page.FillAsync("#param-0-default", "2026-01-01..2026-06-30");
        await page.FillAsync("#designer-scope-department", "department_id");
        await page.ClickAsync("#designer-run");
        await page.WaitForSelectorAsync("#designer-run-outcome");
        await page.WaitForSelectorAsync(".ops-report-display[data-rows='4']");

        await Tab(page, 2).ClickAsync();
        await page.ClickAsync("[data-display='bar']");
        await page.ClickAsync(".mud-input-control:has(#designer-measures)");
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "total" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.WaitForSelectorAsync(".ops-report-display[data-display='bar'] canvas");

        // Only the chosen measure is drawn: the other number column left the chart.
        await page.WaitForSelectorAsync(".ops-report-display[data-series='1']");
        await Tab(page, 0).ClickAsync();
        await page.ClickAsync("#designer-watermark");
        await page.DblClickAsync("#designer-save");
        // Saved: the page moves to the report's own address (in the circuit, no page load) and shows its status.
        await page.WaitForSelectorAsync("#designer-status[data-status='Draft']");
        Assert.Matches("/report/edit/\\d+$", page.Url);
        await page.ClickAsync("#designer-publish");
        await page.WaitForSelectorAsync("#designer-status[data-status='Published']");
        await page.Context.CloseAsync();
        Assert.Equal(1, await CountAsync(reportName));

        var viewerPage = await browser.NewPageAsync(locale);
        await viewerPage.SignInAsync(viewer, "report viewer passphrase");
        await viewerPage.WaitForURLAsync("**/dashboard");
        await viewerPage.GotoAsync("/report/list");
        await viewerPage.WaitForInteractiveAsync();
        await viewerPage.Locator("#report-grid a", new() { HasText = reportName }).ClickAsync();
        await viewerPage.WaitForURLAsync("**/report/view/*");
        // North sold in the east and the north: two rows of the four.
        await viewerPage.WaitForSelectorAsync(".ops-report-display[data-rows='2'] canvas", new() { Timeout = 15_000 });
        await viewerPage.WaitForSelectorAsync($".ops-watermark[data-watermark*='{viewer}']");
        await viewerPage.EvaluateAsync("() => document.querySelector('.ops-watermark').remove()");
        await viewerPage.WaitForSelectorAsync($".ops-watermark[data-watermark*='{viewer}']");
        await viewerPage.EvaluateAsync("() => document.querySelector('.ops-watermark').style.display = 'none'");
        await viewerPage.WaitForFunctionAsync("() => getComputedStyle(document.querySelector('.ops-watermark')).display !== 'none'");

        // January only: the east's two January sales, one row.
        var id = viewerPage.Url.Split('/').Last();
        await viewerPage.GotoAsync($"/report/view/{id}?period=2026-01-01..2026-01-31");
        await viewerPage.WaitForSelectorAsync(".ops-report-display[data-rows='1']", new() { Timeout = 15_000 });
        await viewerPage.Context.CloseAsync();
    }

    private static ILocator Tab(IPage page, int index) => page.Locator("#designer-tabs .mud-tabs-tabbar .mud-tab").Nth(index);

    /// <summary>Two departments over the sales; a viewer in the north with view rights and a department data scope; the data source.</summary>
    private async Task<(long North, string Viewer, string Source)> SetUpAsync(ReportTarget target, string suffix)
    {
        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        var sp = scope.ServiceProvider;
        var departments = sp.GetRequiredService<IDepartmentService>();
        var north = (await departments.CreateAsync(new DepartmentInput($"北区{suffix}", $"NORTH-{suffix}", null, null, 0))).Value;
        var south = (await departments.CreateAsync(new DepartmentInput($"南区{suffix}", $"SOUTH-{suffix}", null, null, 0))).Value;
        await using (var admin = await target.AdminAsync())
        {
            await using var command = admin.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"UPDATE sales SET department_id = CASE WHEN region IN ('north', 'east') THEN {north} ELSE {south} END");
            await command.ExecuteNonQueryAsync();
        }

        var roles = sp.GetRequiredService<IRoleService>();
        var role = (await roles.CreateAsync(new($"report_viewers_{suffix}", "报表查看", null, null, 0, true, DataScope.Department, [], false))).Value;
        Assert.True((await roles.SetGrantsAsync(role, [ReportPermissions.Reports.View])).IsSuccess);
        var viewer = $"viewer.{suffix}";
        var user = await sp.GetRequiredService<IUserService>().CreateAsync(
            new UserInput(viewer, viewer, null, null, north, [role], null, [], true, false, false, false), "report viewer passphrase");
        Assert.True(user.IsSuccess, user.Error?.ToString());
        await browser.PasswordAlreadyChangedAsync(user.Value.Id);
        var sourceName = $"sales {suffix}";
        Assert.True((await sp.GetRequiredService<IDataSourceService>().CreateAsync(target.Input with { Name = sourceName })).IsSuccess);
        return (north, viewer, sourceName);
    }

    private async Task<int> CountAsync(string name)
    {
        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Reports.CountAsync(r => r.Name == name);
    }
}
