using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// An operator draws a flow of two jobs on the canvas, connects them by dragging from port to port, saves and runs it,
/// and watches both nodes turn successful live; a cycle is shown on the canvas before saving.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class FlowJourneyTests(BrowserFixture browser)
{
    // Under a full parallel run the server can be slow to answer; the URL commit is what matters.

    [Fact]
    public async Task DrawTwoJobs_ConnectThem_SaveAndRun_BothNodesSucceedLive()
    {
        await CreateShellJobAsync("flow extract", "sleep 3; echo extracted");
        await CreateShellJobAsync("flow report", "echo reported");
        await browser.CreateUserAsync("flows.admin", "flows admin passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        await page.SignInAsync("flows.admin", "flows admin passphrase");
        await page.GotoAsync("/scheduler/flows/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#flow-name", "nightly pipeline");

        await AddAsync(page, "flow extract", "flow-extract");
        await AddAsync(page, "flow report", "flow-report");
        await ConnectAsync(page, "flow-extract", "flow-report");
        await page.WaitForSelectorAsync("#flow-problems[data-checking='false'] #flow-valid");
        await page.ClickAsync("#flow-save");

        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith("/scheduler/flows", StringComparison.Ordinal));
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("[data-run='nightly pipeline']");
        await page.WaitForUrlOrSayWhyAsync(url => InstanceUrl().IsMatch(url));

        // The first node sleeps: the page shows the second one waiting, then both turn successful without a reload.
        await page.WaitForSelectorAsync("#flow-run-canvas [data-node='flow-report'][data-status='Pending']");
        await page.WaitForSelectorAsync("#flow-run-canvas [data-node='flow-extract'][data-status='Success']", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("#flow-run-canvas [data-node='flow-report'][data-status='Success']", new() { Timeout = 15_000 });
        await page.WaitForSelectorAsync("#instance-status [data-status='Success']");
        await page.WaitForSelectorAsync("#flow-node-runs [data-node-row='flow-report'][data-status='Success']");
        await page.WaitForSelectorAsync("#flow-gantt canvas");
        Assert.Equal(0, await page.Locator("#error-boundary").CountAsync());

        // A node opens its run log.
        await page.ClickAsync("#flow-run-canvas [data-node='flow-report']");
        await page.WaitForUrlOrSayWhyAsync(url => url.Contains("/scheduler/runs/", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#run-output:has-text('reported')");
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DrawingACycle_ShowsTheCycleOnTheCanvas_AndSaveIsRefused()
    {
        await CreateShellJobAsync("cycle first", "echo first");
        await CreateShellJobAsync("cycle second", "echo second");
        await browser.CreateUserAsync("flows.cycler", "flows cycler passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        await page.SignInAsync("flows.cycler", "flows cycler passphrase");
        await page.GotoAsync("/scheduler/flows/new");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#flow-name", "round and round");

        await AddAsync(page, "cycle first", "cycle-first");
        await AddAsync(page, "cycle second", "cycle-second");
        await ConnectAsync(page, "cycle-first", "cycle-second");
        await page.WaitForSelectorAsync("#flow-valid");
        await ConnectAsync(page, "cycle-second", "cycle-first");

        await page.WaitForSelectorAsync("#flow-problems [data-problem='scheduler.flow.cycle']");
        await page.WaitForSelectorAsync("#flow-canvas [data-node='cycle-first'][data-problem='true']");
        await page.WaitForSelectorAsync("#flow-canvas [data-node='cycle-second'][data-problem='true']");
        await page.ClickAsync("#flow-save");
        await page.WaitForSelectorAsync(".mud-snackbar");
        Assert.EndsWith("/scheduler/flows/new", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(violations);
        await page.Context.CloseAsync();
    }

    private async Task CreateShellJobAsync(string name, string script)
    {
        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        var created = await scope.ServiceProvider.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Shell(script, name));
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    private static async Task AddAsync(IPage page, string job, string key)
    {
        await page.ClickAsync($"[data-add-job='{job}']");
        await page.WaitForSelectorAsync($"#flow-canvas [data-node='{key}'] .diagram-port.right");
    }

    /// <summary>Drags with the mouse from one node's output port to the other's input port, as a person would.</summary>
    private static async Task ConnectAsync(IPage page, string from, string to)
    {
        await page.Locator("#flow-canvas").ScrollIntoViewIfNeededAsync();
        var source = await page.Locator($"#flow-canvas [data-node='{from}'] .diagram-port.right").BoundingBoxAsync();
        var target = await page.Locator($"#flow-canvas [data-node='{to}'] .diagram-port.left").BoundingBoxAsync();
        Assert.NotNull(source);
        Assert.NotNull(target);
        var (x0, y0) = (source.X + source.Width / 2, source.Y + source.Height / 2);
        var (x1, y1) = (target.X + target.Width / 2, target.Y + target.Height / 2);

        await page.Mouse.MoveAsync(x0, y0);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((x0 + x1) / 2, Math.Max(y0, y1) + 60, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x1, y1, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForSelectorAsync($"#flow-canvas [data-node='{to}'] .diagram-port.left.has-links");
    }

    [GeneratedRegex(@"/scheduler/flows/instances/\d+$")]
    private static partial Regex InstanceUrl();
}
