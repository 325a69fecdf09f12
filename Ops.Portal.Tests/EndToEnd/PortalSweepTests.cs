using System.Text.Json;
using Microsoft.Playwright;
using Ops.Portal.Common;
using Ops.Portal.Tests.EndToEnd.Sweep;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// Every menu page (and the detail pages people land on), in zh-CN and en-US, light and dark, at 1366×768 (and once more
/// in English at 1920×1080, where wide grids and stretched forms show their own faults), over
/// lists that are not empty: no error boundary, no English in the Chinese portal nor Chinese in the English one
/// outside user data, text contrast at WCAG AA (4.5:1) and no horizontal overflow; a grid wider than its frame
/// keeps its first column and its row actions in view.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalSweepTests(BrowserFixture browser)
{
    // Brand and technical words that stay Latin in the Chinese portal, as the Chinese tools in this field write them.
    private static readonly string[] AllowedWords =
    [
        "Ops", "HTTP", "HTTPS", "SQL", "Cron", "ID", "IP", "URL", "API", "JSON", "SMTP", "SSO", "OIDC", "MFA", "TOTP", "Shell", "Python",
        "Excel", "CSV", "MySQL", "PostgreSQL", "SQLite", "ClickHouse", "MongoDB", "Elasticsearch", "MariaDB", "Webhook", "UTC", "GMT",
        "Quartz", "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "PNG", "JPEG", "WebP", "KB", "MB",

        // The field names the identity providers' own consoles use (WeCom, DingTalk, Feishu, OpenID Connect).
        "CorpId", "AgentId", "AppKey", "AppSecret", "App", "Client", "Issuer", "OpenID", "Connect",
    ];

    [Fact]
    public async Task EveryPage_InBothLanguagesAndThemes_HasNoErrorMixedLanguageLowContrastOrOverflow()
    {
        var combinations = new[] { ("zh-CN", "light"), ("zh-CN", "dark"), ("en-US", "light"), ("en-US", "dark") };
        var users = combinations.Select(c => $"sweep.{c.Item1}.{c.Item2}").ToList();
        var probe = await browser.NewPageAsync(); // skips (or fails under test.sh) without Chromium
        await probe.Context.CloseAsync();
        await SweepData.SeedAsync(browser.Portal.Services, users);
        var pages = await PagesAsync();
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Sweep", "sweep.js"));

        var failures = new List<string>();
        foreach (var (language, theme) in combinations)
        {
            failures.AddRange(await SweepAsync(language, theme, $"sweep.{language}.{theme}", pages, script, (1366, 768)));
        }

        failures.AddRange(await SweepAsync("en-US", "light", "sweep.en-US.light", pages, script, (1920, 1080)));

        Assert.True(failures.Count == 0, $"{failures.Count} findings:\n" + string.Join("\n", failures));
    }

    private async Task<IReadOnlyList<string>> SweepAsync(
        string language, string theme, string user, IReadOnlyList<string> pages, string script, (int Width, int Height) screen)
    {
        var page = await browser.NewPageAsync(language);
        await page.SetViewportSizeAsync(screen.Width, screen.Height);
        await page.SignInAsync(user, SweepData.Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync($"#ops-shell[data-theme='{theme}']");
        await page.GotoAsync("/profile");
        await page.WaitForInteractiveAsync();
        var arguments = new { language, userStrings = await SweepData.UserStringsAsync(browser.Portal.Services), allowedWords = AllowedWords };

        var findings = new List<string>();
        foreach (var href in pages)
        {
            await NavigateAsync(page, href);
            var found = await page.EvaluateAsync<JsonElement>(script, arguments);
            findings.AddRange(found.EnumerateArray().Select(f =>
                $"[{language} {theme} {screen.Width}] {href} {f.GetProperty("kind").GetString()} at {f.GetProperty("selector").GetString()}: " +
                $"\"{f.GetProperty("text").GetString()}\" {f.GetProperty("detail").GetString()}"));
        }

        await page.Context.CloseAsync();
        return findings;
    }

    /// <summary>
    /// Navigates inside the circuit (as a menu click does) and waits until the new page has replaced the old one and
    /// drawn its data: the old page's elements are marked first, and a new page brings new elements.
    /// </summary>
    private static async Task NavigateAsync(IPage page, string href)
    {
        const string content = "[...document.querySelectorAll('.mud-main-content > .mud-container > *')].filter(e => e.tagName !== 'NAV')";
        await page.EvaluateAsync($"() => {content}.forEach(e => e.dataset.sweepOld = 'true')");
        await page.EvaluateAsync("href => Blazor.navigateTo(href)", href);
        await page.WaitForFunctionAsync(
            $"path => location.pathname + location.search === path && {content}.length > 0 && {content}.every(e => !e.dataset.sweepOld)", href);
        await page.WaitForFunctionAsync(
            "() => !document.querySelector('.mud-table-loading, .mud-skeleton, .mud-progress-linear-indeterminate, .mud-progress-circular-indeterminate:not(.ops-flow-node-spinner)')",
            null, new() { Timeout = 10_000 });
    }

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        await using var scope = Ops.Infrastructure.Common.ActorScopes.CreateSystemScope(browser.Portal.Services);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var job = await db.Jobs.Where(j => j.Name == "巡检任务").Select(j => j.Id).FirstAsync();
        var flow = await db.JobFlows.Where(f => f.Name == "巡检流程").Select(f => f.Id).FirstAsync();
        var definition = await db.ApprovalDefinitions.OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
        var report = await db.Reports.Where(r => r.Name == SweepData.ReportName).Select(r => r.Id).FirstAsync();
        var menu = NavigationCatalog.Groups.SelectMany(g => g.Items).Select(i => i.Href).Prepend(NavigationCatalog.Dashboard.Href).Append("/profile");
        string[] details = [$"/scheduler/jobs/{job}", $"/scheduler/jobs/{job}/edit", $"/scheduler/flows/{flow}/edit", $"/workflow/definitions/{definition}", $"/report/view/{report}", $"/report/edit/{report}"];
        return menu.Concat(details).Distinct().ToList();
    }
}
