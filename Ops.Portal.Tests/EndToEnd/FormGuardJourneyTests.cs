using Microsoft.Playwright;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>A half-edited job is not lost: reload asks through the browser, Cancel asks in the portal; a negative timeout is named on its field.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FormGuardJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task DirtyJobEditor_ReloadRaisesBeforeUnload_CancelAsksBeforeLeaving_AndANegativeTimeoutIsRefusedOnItsField()
    {
        await browser.CreateUserAsync("forms.editor", "forms editor passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("forms.editor", "forms editor passphrase");
        await page.GotoAsync("/scheduler/jobs/new");
        await page.WaitForInteractiveAsync();

        await page.FillAsync("#job-name", "half edited");
        await page.FillAsync("#job-timeout", "-5");
        await page.PressAsync("#job-timeout", "Tab");
        await page.WaitForSelectorAsync(".mud-input-control:has(#job-timeout) .mud-input-helper-text:has-text('from 1 to 86400')");
        await page.ClickAsync("#job-save");
        await page.WaitForSelectorAsync("#form-errors:has-text('from 1 to 86400')");
        Assert.EndsWith("/scheduler/jobs/new", page.Url, StringComparison.Ordinal);

        // Reload: the browser's own question (beforeunload); staying keeps the page and what was typed.
        var asked = new TaskCompletionSource<string>();
        page.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.DismissAsync();
        };
        _ = page.ReloadAsync(new() { Timeout = 5_000 }).ContinueWith(t => t.Exception, TaskScheduler.Default);
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("half edited", await page.InputValueAsync("#job-name"));

        // Cancel: the portal asks; leaving goes to the list.
        await page.ClickAsync("#job-cancel");
        await page.WaitForSelectorAsync("#confirm-ok");
        Assert.EndsWith("/scheduler/jobs/new", page.Url, StringComparison.Ordinal);
        await page.ClickAsync("#confirm-ok");
        await page.WaitForUrlOrSayWhyAsync(url => url.EndsWith("/scheduler/jobs", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }
}
