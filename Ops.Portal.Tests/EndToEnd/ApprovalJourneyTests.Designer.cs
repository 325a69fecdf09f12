using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>The designer steps of the approval journey: fields, nodes, assignees and links, driven as a person would.</summary>
public sealed partial class ApprovalJourneyTests
{
    private static async Task AddFieldAsync(IPage page, string type, string key, string label)
    {
        await page.ClickAsync($"[data-add-field='{type}']");
        await page.WaitForSelectorAsync("[data-editing^='field_']", RoundTrip);
        await page.FillAsync("[data-editing] input[data-input='key']", key);
        await page.PressAsync("[data-editing] input[data-input='key']", "Tab");
        await page.WaitForSelectorAsync($"[data-editing='{key}']", RoundTrip);
        await page.FillAsync($"[data-editing='{key}'] input[data-input='label']", label);
        await page.PressAsync($"[data-editing='{key}'] input[data-input='label']", "Tab");
        await page.WaitForSelectorAsync($"[data-field-row='{key}']:has-text('{label}')", RoundTrip);
    }

    private static async Task AddNodeAsync(IPage page, string kind, string key)
    {
        await page.ClickAsync($"[data-add-node='{kind}']");
        await page.WaitForSelectorAsync($"#process-canvas [data-node='{key}']", RoundTrip);
        await page.WaitForSelectorAsync($"#process-node-panel[data-node='{key}']", RoundTrip);
    }

    private static async Task NameNodeAsync(IPage page, string key, string name)
    {
        await page.FillAsync("#process-node-panel input[data-input='node-name']", name);
        await page.PressAsync("#process-node-panel input[data-input='node-name']", "Tab");
        await page.WaitForSelectorAsync($"#process-canvas [data-node='{key}']:has-text('{name}')", RoundTrip);
    }

    /// <summary>Opens a MudSelect and clicks the item with <paramref name="text"/>.</summary>
    private static async Task PickAsync(IPage page, string select, string text, bool exact = false)
    {
        await page.ClickAsync($"{select} .mud-input-control");
        var items = page.Locator(".mud-popover-open .mud-list-item");
        var item = exact ? items.Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(text)}\\s*$") }) : items.Filter(new() { HasText = text });
        await item.First.ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", Gone);
    }

    private static async Task AddUserAsync(IPage page, string userName, string realName)
    {
        var search = page.Locator("#process-node-panel [data-rule='Users'] input[data-input='user-search']");
        await search.FillAsync(userName);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = userName }).First.ClickAsync(new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync($"#process-node-panel [data-rule='Users'] .mud-chip:has-text('{realName}')", RoundTrip);
    }

    /// <summary>Drags with the mouse from one node's output port to the other's input port, as a person would.</summary>
    private static async Task ConnectAsync(IPage page, string from, string to)
    {
        // The live check's problem list sits above the canvas and changes height when its result arrives: a drag
        // begun before that would end where the port used to be.
        await page.WaitForSelectorAsync("#design-problems[data-checking='false']", new() { State = WaitForSelectorState.Attached, Timeout = RoundTrip.Timeout });
        await page.Locator("#process-canvas").ScrollIntoViewIfNeededAsync();
        var source = await page.Locator($"#process-canvas [data-node='{from}'] .diagram-port.right").BoundingBoxAsync();
        var target = await page.Locator($"#process-canvas [data-node='{to}'] .diagram-port.left").BoundingBoxAsync();
        Assert.NotNull(source);
        Assert.NotNull(target);
        var (x0, y0) = (source.X + source.Width / 2, source.Y + source.Height / 2);
        var (x1, y1) = (target.X + target.Width / 2, target.Y + target.Height / 2);

        await page.Mouse.MoveAsync(x0, y0);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(Math.Max(x0, x1) + 60, (y0 + y1) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(x1, y1, new() { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.WaitForSelectorAsync($"#process-canvas [data-node='{to}'] .diagram-port.left.has-links", RoundTrip);
    }
}
