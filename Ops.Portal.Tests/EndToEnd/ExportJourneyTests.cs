using MiniExcelLibs;
using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An export as a user in Shanghai reading Chinese gets it: the browser downloads the workbook, its headers are in
/// Chinese, and times are Shanghai wall-clock time with the zone named in the header (issue 14.5).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheLoginLog_DownloadsInTheViewersLanguage_WithTimesInTheViewersZone()
    {
        const string name = "export.viewer";
        const string password = "export viewer passphrase";
        await browser.CreateUserAsync(name, password, superuser: true);
        var page = await browser.NewPageAsync("zh-CN", timeZoneId: "Asia/Shanghai");
        await page.SignInAsync(name, password);
        await page.WaitForUrlOrSayWhyAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync("/audit/login-logs");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator("#login-log-grid")).ToContainTextAsync(name);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#login-log-export"));
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        await page.Context.CloseAsync();

        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        File.Delete(file);
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("时间 (Asia/Shanghai)", rows[0].Keys);
        var mine = rows.First(r => r.Values.Any(v => v?.ToString() == name));
        DateTimeOffset signedIn;
        await using (var scope = browser.Portal.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            signedIn = await db.LoginLogs.Where(l => l.UserName == name).OrderByDescending(l => l.Id).Select(l => l.Time).FirstAsync();
        }

        var shanghai = TimeZoneInfo.ConvertTime(signedIn, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Equal(shanghai.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), mine["时间 (Asia/Shanghai)"]?.ToString());
    }

    [Theory]
    [InlineData("zh-CN", "数据", "筛选条件")]
    [InlineData("en-US", "Data", "Filters")]
    public async Task AReport_DownloadsFromTheViewer_AsAWorkbookInTheViewersLanguage_WithTheFilterValues(string locale, string dataSheet, string filtersSheet)
    {
        var name = $"report.exporter.{locale}";
        const string password = "report export passphrase";
        await browser.CreateUserAsync(name, password, superuser: true);
        var id = await PublishedReportAsync($"出口明细 {locale}");
        var page = await browser.NewPageAsync(locale);
        await page.SignInAsync(name, password);
        await page.WaitForUrlOrSayWhyAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));

        await page.GotoAsync($"/report/view/{id}?minimum=90");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync(".ops-report-display");
        await page.ClickAsync("#report-export");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#report-export-xlsx"));
        var file = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        await page.Context.CloseAsync();

        try
        {
            Assert.StartsWith($"出口明细 {locale}-", download.SuggestedFilename, StringComparison.Ordinal);
            Assert.Equal([dataSheet, filtersSheet], MiniExcel.GetSheetNames(file));
            var rows = MiniExcel.Query(file, useHeaderRow: true, sheetName: dataSheet).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(3, rows.Count);
            var filter = MiniExcel.Query(file, useHeaderRow: false, sheetName: filtersSheet).Cast<IDictionary<string, object>>().Last();
            Assert.Equal("90", filter.Values.Last()?.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>A published table over a SQLite file of five sales, filtered by a minimum amount.</summary>
    private async Task<long> PublishedReportAsync(string reportName)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ops-export-journey-{Guid.NewGuid():N}.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE sales (region TEXT, amount NUMERIC); INSERT INTO sales VALUES ('华东', 120), ('华南', 80), ('华北', 95), ('华东', 60), ('西南', 300);";
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using var scope = Ops.Infrastructure.Common.ActorScopes.CreateSystemScope(browser.Portal.Services);
        var sp = scope.ServiceProvider;
        var source = (await sp.GetRequiredService<Ops.Domain.Reports.IDataSourceService>().CreateAsync(
            new Ops.Domain.Reports.DataSourceInput(reportName, Ops.Domain.Reports.DataSourceType.Sqlite, null, null, path, null, null, null, true))).Value;
        var reports = sp.GetRequiredService<Ops.Domain.Reports.IReportService>();
        var definition = new Ops.Domain.Reports.ReportDefinition("SELECT region, amount FROM sales WHERE amount >= {{minimum}} ORDER BY amount",
            [new("minimum", Ops.Domain.Reports.Queries.ReportParameterType.Number, Default: "0")]);
        var id = (await reports.CreateAsync(new Ops.Domain.Reports.ReportInput(reportName, null, null, source, true, false, definition, []))).Value;
        Assert.True((await reports.PublishAsync(id, (await reports.GetAsync(id)).Value.Version)).IsSuccess);
        return id;
    }
}
