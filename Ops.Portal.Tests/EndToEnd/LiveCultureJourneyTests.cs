using Microsoft.Playwright;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// A Chinese user watches a run: the live updates (output lines, the run finishing) come from the scheduler's
/// thread, and the page they re-render stays Chinese.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveCultureJourneyTests(BrowserFixture browser)
{
    private static readonly string[] EnglishLabels = ["Run #", "Trigger", "Started", "Duration", "Output", "Stop", "Success", "Running", "Manual"];

    [Fact]
    public async Task RunPage_InChinese_StaysChineseWhenLiveUpdatesArrive()
    {
        var release = Path.Combine(Path.GetTempPath(), $"ops-live-culture-{Guid.NewGuid():N}");
        long jobId;
        await using (var scope = ActorScopes.CreateSystemScope(browser.Portal.Services))
        {
            var created = await scope.ServiceProvider.GetRequiredService<IJobService>()
                .CreateAsync(SchedulerHost.Shell($"echo started\nwhile [ ! -f '{release}' ]; do sleep 0.1; done\necho finished", "实时语言任务"));
            Assert.True(created.IsSuccess, created.Error?.ToString());
            jobId = created.Value;
        }

        await browser.CreateUserAsync("live.culture", "live culture passphrase", superuser: true);
        var page = await browser.NewPageAsync("zh-CN");
        await page.SignInAsync("live.culture", "live culture passphrase");
        await page.GotoAsync($"/scheduler/jobs/{jobId}");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#job-run");
        await page.ClickAsync("#run-confirm");
        await page.WaitForUrlOrSayWhyAsync(url => url.Contains("/scheduler/runs/", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();

        // The output line is a live update; then the run ends only once the page is open, so its end is one too.
        await page.WaitForSelectorAsync("#run-output:has-text('started')", new() { Timeout = 15_000 });
        await AssertChineseAsync(page);
        await File.WriteAllTextAsync(release, "");
        await page.WaitForSelectorAsync("#run-status [data-status='Success']", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("#run-output:has-text('finished')");
        await AssertChineseAsync(page);
        File.Delete(release);
        await page.Context.CloseAsync();
    }

    private static async Task AssertChineseAsync(IPage page)
    {
        var text = await page.InnerTextAsync(".mud-main-content");
        var output = await page.InnerTextAsync("#run-output");
        var labels = text.Replace(output, "", StringComparison.Ordinal);
        Assert.Contains("触发方式", labels, StringComparison.Ordinal);
        Assert.All(EnglishLabels, english => Assert.DoesNotContain(english, labels, StringComparison.OrdinalIgnoreCase));
    }
}
