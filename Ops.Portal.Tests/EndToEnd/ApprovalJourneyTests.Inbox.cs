using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>The applicant's and approvers' steps of the approval journey: apply, open an inbox, watch it, approve.</summary>
public sealed partial class ApprovalJourneyTests
{
    private async Task<long> ApplyAsync(IPage page, string code, string title)
    {
        await page.GotoAsync("/workflow/apply");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync($"[data-definition='{code}'] a[href='/workflow/apply/{code}']");
        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith($"/workflow/apply/{code}", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#apply-title", RoundTrip);
        await page.FillAsync("#apply-title", title);
        await page.FillAsync("[data-field='amount'] input", "12500.50");
        await page.PressAsync("[data-field='amount'] input", "Tab");
        await page.FillAsync("[data-field='purpose'] input", "Laptops for the new team");
        await page.PressAsync("[data-field='purpose'] input", "Tab");
        await page.ClickAsync("#apply-submit");
        await page.WaitForUrlOrSayWhyAsync(url => InstanceUrl().IsMatch(url));
        await page.WaitForInteractiveAsync();
        return long.Parse(InstanceUrl().Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<IPage> OpenInboxAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName, Password);
        await page.WaitForURLAsync("**/dashboard", Slow);
        await page.GotoAsync("/workflow/todo");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("#inbox-grid", RoundTrip);
        await page.WaitForSelectorAsync("[data-count='todo']", RoundTrip);
        return page;
    }

    /// <summary>
    /// The inbox shows the application (or not), its To do chip and the menu badge say <paramref name="count"/>;
    /// waited for on the open page (pushed live), or after opening the inbox again.
    /// </summary>
    private static async Task ExpectInboxAsync(IPage page, long instanceId, int count, bool reopen = false)
    {
        if (reopen)
        {
            await page.GotoAsync("/workflow/todo");
            await page.WaitForInteractiveAsync();
        }

        var row = $"#inbox-grid a[data-instance='{instanceId}']";
        await page.WaitForSelectorAsync(row, count > 0 ? RoundTrip : Gone);
        await Assertions.Expect(page.Locator("[data-count='todo']")).ToHaveTextAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        if (count > 0)
        {
            await page.WaitForSelectorAsync($".ops-nav-count[data-todo-count='{count}']", RoundTrip);
        }
        else
        {
            await page.WaitForSelectorAsync(".ops-nav-count", Gone);
        }
    }

    /// <summary>From the open inbox: opens the application and approves it with a comment.</summary>
    private static async Task ApproveFromInboxAsync(IPage page, long instanceId, string comment)
    {
        await page.ClickAsync($"#inbox-grid a[data-instance='{instanceId}']");
        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith($"/workflow/instances/{instanceId}", StringComparison.Ordinal));
        await page.WaitForSelectorAsync("#instance-actions [data-action='approve']", RoundTrip);
        await page.ClickAsync("#instance-actions [data-action='approve']");
        await page.FillAsync("#action-comment", comment);
        await page.ClickAsync("#action-confirm");
        await page.WaitForSelectorAsync("#instance-actions [data-action='approve']", Gone);
        await page.WaitForSelectorAsync($"#instance-timeline [data-action='approve']:has-text('{comment}')", RoundTrip);
        Assert.Equal(0, await page.Locator("#error-boundary").CountAsync());
    }
}
