using Microsoft.Playwright;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// Issue 14.14, as a person at 1366×768 (and 390 wide) sees it: the user grid keeps the name and the row actions in
/// view, a 64-character department name stays on one line in the tree, the job editor's Save stays in view, new
/// nodes land inside the visible canvas and the flow's problems are shown beside it, and the app bar's title and the
/// user's name never break one character per line.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LayoutJourneyTests(BrowserFixture browser)
{
    private const string Password = "layout journey passphrase";

    [Fact]
    public async Task UserGrid_At1366_KeepsTheNameAndTheActionsInView()
    {
        var page = await SignInAsync("layout.grid", 1366, 768);
        await using (var scope = ActorScopes.CreateSystemScope(browser.Portal.Services))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("demo seed passphrase");
        }

        await page.GotoAsync("/system/users");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("#user-grid tbody tr td.sticky-left");
        var frame = page.Locator("#user-grid .mud-table-container");
        Assert.True(await frame.EvaluateAsync<bool>("f => f.scrollWidth > f.clientWidth"), "the grid fits at 1366; the test proves nothing");

        await frame.EvaluateAsync("f => f.scrollLeft = 0");
        await AssertInsideAsync(frame, page.Locator("#user-grid tbody tr").First.Locator("td").Last, "the row actions at the start");
        await frame.EvaluateAsync("f => f.scrollLeft = f.scrollWidth");
        await AssertInsideAsync(frame, page.Locator("#user-grid tbody tr").First.Locator("td.sticky-left"), "the user name at the end");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LongDepartmentName_StaysOnOneLineInTheTrees()
    {
        var name = string.Concat(Enumerable.Repeat("华北区域数据中心基础设施运维", 5))[..Department.NameMaxLength];
        await using (var scope = ActorScopes.CreateSystemScope(browser.Portal.Services))
        {
            var created = await scope.ServiceProvider.GetRequiredService<IDepartmentService>().CreateAsync(new DepartmentInput(name, "LAYOUT-LONG", null, null, 0));
            Assert.True(created.IsSuccess, created.Error?.ToString());
        }

        var page = await SignInAsync("layout.tree", 1366, 768);
        foreach (var (path, tree) in new[] { ("/system/departments", "#department-tree"), ("/system/users", "#department-tree") })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
            var label = page.Locator($"{tree} [data-code='LAYOUT-LONG'] .mud-treeview-item-label").First;
            await label.WaitForAsync();
            var box = await label.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height < 40, $"{path}: the name takes {box.Height} px in height, more than one line");
            Assert.Equal(name, await page.Locator($"{tree} [data-code='LAYOUT-LONG']").First.GetAttributeAsync("title"));
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task JobEditor_SaveStaysInViewWhereverTheFormIsScrolled()
    {
        var page = await SignInAsync("layout.editor", 1366, 768);
        await page.GotoAsync("/scheduler/jobs/new");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("#job-save");

        foreach (var scroll in new[] { "0", "document.scrollingElement.scrollHeight / 2", "document.scrollingElement.scrollHeight" })
        {
            await page.EvaluateAsync($"() => window.scrollTo(0, {scroll})");
            var box = await page.Locator("#job-save").BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + box.Height <= 768, $"Save is at y = {box.Y} with the page scrolled to {scroll}");
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FlowEditor_NewNodesLandInsideTheVisibleCanvas_AndTheProblemsShowBesideIt()
    {
        await using (var scope = ActorScopes.CreateSystemScope(browser.Portal.Services))
        {
            var created = await scope.ServiceProvider.GetRequiredService<Ops.Domain.Scheduler.IJobService>().CreateAsync(SchedulerHost.Shell("echo layout", "layout node job"));
            Assert.True(created.IsSuccess, created.Error?.ToString());
        }

        var page = await SignInAsync("layout.flow", 1366, 768);
        await page.GotoAsync("/scheduler/flows/new");
        await page.WaitForInteractiveAsync();
        var canvas = page.Locator("#flow-canvas");
        for (var i = 0; i < 6; i++)
        {
            await page.ClickAsync("[data-add-job='layout node job']");
            await Assertions.Expect(canvas.Locator(".ops-flow-node")).ToHaveCountAsync(i + 1);
        }

        // The check's verdict (problems or "no problems") is beside the canvas, in the window.
        await page.WaitForSelectorAsync("#flow-problems[data-checking='false'] > *");
        var frame = await canvas.BoundingBoxAsync();
        Assert.NotNull(frame);
        foreach (var node in await canvas.Locator(".ops-flow-node").AllAsync())
        {
            var box = await node.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= frame.X && box.X + box.Width <= frame.X + frame.Width && box.Y >= frame.Y && box.Y + box.Height <= frame.Y + frame.Height,
                $"a node at ({box.X}, {box.Y}) is outside the canvas ({frame.X}, {frame.Y}, {frame.Width} × {frame.Height})");
        }

        var problems = await page.Locator("#flow-problems").BoundingBoxAsync();
        Assert.NotNull(problems);
        Assert.True(problems.Y < 768 && problems.Y < frame.Y + frame.Height, $"the problem list starts at y = {problems.Y}, below the canvas or the window");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At390Wide_TheTitleAndTheUserNameStayOnOneLine()
    {
        var page = await SignInAsync("layout.narrow.with.a.rather.long.name", 390, 800);
        foreach (var selector in new[] { "#app-title", "#user-menu .ops-user-name" })
        {
            var box = await page.Locator(selector).First.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Height < 40, $"{selector} is {box.Height} px high at 390 px wide: it broke into several lines");
        }

        Assert.False(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth"), "the page scrolls sideways at 390 px");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> SignInAsync(string user, int width, int height)
    {
        var page = await browser.NewPageAsync("zh-CN");
        await browser.CreateUserAsync(user, Password, superuser: true);
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(user, Password);
        await page.WaitForURLAsync("**/dashboard");
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static async Task AssertInsideAsync(ILocator frame, ILocator cell, string what)
    {
        var outer = await frame.BoundingBoxAsync();
        var inner = await cell.BoundingBoxAsync();
        Assert.NotNull(outer);
        Assert.NotNull(inner);
        Assert.True(inner.X >= outer.X - 1 && inner.X + inner.Width <= outer.X + outer.Width + 1,
            $"{what}: the cell spans {inner.X}–{inner.X + inner.Width}, the grid shows {outer.X}–{outer.X + outer.Width}");
    }
}
