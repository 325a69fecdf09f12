using Microsoft.Playwright;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>An operator creates an HTTP job with the cron preview, runs it and watches the log live; then stops a running shell job.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SchedulerJourneyTests(BrowserFixture browser)
{
    // Under a full parallel run the server can be slow to answer; the URL commit is what matters.

    [Fact]
    public async Task CreateHttpJob_WithCronPreview_RunNow_LogAppearsLiveAndSucceeds()
    {
        await using var target = await HttpTarget.StartAsync();
        await browser.CreateUserAsync("jobs.admin", "jobs admin passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        await page.SignInAsync("jobs.admin", "jobs admin passphrase");
        await page.GotoAsync("/scheduler/jobs/new");
        await page.WaitForInteractiveAsync();

        await page.FillAsync("#job-name", "健康检查 health check");
        await page.FillAsync("#job-url", target.BaseUrl + "/ok");
        await page.FillAsync("#job-cron", "0 0/5 * * * ?");
        await page.WaitForSelectorAsync("#cron-description:has-text('Every 5 minutes')");
        Assert.Equal(10, await page.Locator("#cron-preview [data-fire]").CountAsync());
        await page.FillAsync("#job-cron", "0 61 * * * ?");
        await page.WaitForSelectorAsync("#cron-preview .mud-error-text");
        await page.FillAsync("#job-cron", "0 0/5 * * * ?");
        await page.WaitForSelectorAsync("#cron-description:has-text('Every 5 minutes')");
        await page.ClickAsync("#job-save");

        await ExpectPageAsync(page, url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/scheduler/jobs/\d+$"), "the job was not saved");
        await page.WaitForSelectorAsync("#job-title:has-text('health check')");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#job-run");
        await page.ClickAsync("#run-confirm");
        await ExpectRunPageAsync(page);
        await page.WaitForSelectorAsync("#run-output:has-text('HTTP 200')", new() { Timeout = 10_000 });
        await page.WaitForSelectorAsync("#run-status [data-status='Success']", new() { Timeout = 10_000 });
        Assert.Contains(target.Hits, h => h.Path == "/ok");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ShellJob_WrittenInTheCodeEditor_RunsAndIsStoppedFromItsRunPage()
    {
        await browser.CreateUserAsync("jobs.stopper", "jobs stopper passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        await page.SignInAsync("jobs.stopper", "jobs stopper passphrase");
        await page.GotoAsync("/scheduler/jobs/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#job-name", "long sleeper");
        await page.ClickAsync(".mud-select:has(#job-type) .mud-input-control");
        await page.ClickAsync(".mud-popover-open .mud-list-item:has-text('Shell')");
        await page.WaitForSelectorAsync("#job-script[data-editor-ready='true']", new() { Timeout = 15_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.opsCodeEditor.setValue('job-script', 'echo started\\nsleep 120')"));

        // The script travels from the browser's editor to the server on its own; save only once it is there.
        await page.WaitForSelectorAsync("#job-script[data-server-length='22']", new() { Timeout = 15_000 });
        await page.FillAsync("#job-timeout", "600");
        await page.ClickAsync("#job-save");
        await ExpectPageAsync(page, url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/scheduler/jobs/\d+$"), "the shell job was not saved");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#job-run");
        await page.ClickAsync("#run-confirm");
        await ExpectRunPageAsync(page);
        await page.WaitForSelectorAsync("#run-status [data-status='Running']", new() { Timeout = 10_000 });
        await page.WaitForSelectorAsync("#run-output:has-text('started')");
        await page.ClickAsync("#run-stop");
        await page.ClickAsync("#confirm-ok");

        await page.WaitForSelectorAsync("#run-status [data-status='Cancelled']", new() { Timeout = 5_000 });
        await page.WaitForSelectorAsync("#run-error:has-text('Stopped by a user')");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    private static Task ExpectRunPageAsync(IPage page) => ExpectPageAsync(page, url => url.Contains("/scheduler/runs/", StringComparison.Ordinal), "the run did not start");

    /// <summary>The next page opens, or the error the portal showed instead is the failure message.</summary>
    private static async Task ExpectPageAsync(IPage page, Func<string, bool> next, string what)
    {
        var opened = page.WaitForUrlOrSayWhyAsync(next);
        const string problem = ".mud-snackbar[class*='warning'], .mud-snackbar[class*='error']";
        var refused = page.WaitForSelectorAsync(problem, new() { Timeout = 45_000 });
        await Task.WhenAny(opened, refused);
        if (!next(page.Url))
        {
            Assert.Fail(what + ": " + (refused.IsCompletedSuccessfully ? await page.InnerTextAsync(problem) : "no page, no message"));
        }
    }
}
