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
}
