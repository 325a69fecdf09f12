using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// A long text typed into an application form reaches the server and is saved: the circuit accepts messages as large as
/// the form's fields allow (it used to drop the connection at 32 KB and save the draft without the text).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongTextJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task TenThousandChineseCharacters_InATextArea_AreSavedWithTheDraft()
    {
        await using (var scope = ActorScopes.CreateSystemScope(browser.Portal.Services))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync("demo seed passphrase");
            await scope.ServiceProvider.GetRequiredService<ApprovalDemoSeeder>().SeedAsync();
        }

        await browser.CreateUserAsync("long.writer", "long writer passphrase", superuser: true);
        var page = await browser.NewPageAsync("zh-CN");
        await page.SignInAsync("long.writer", "long writer passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/workflow/apply/purchase");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("#apply-title");

        var text = string.Concat(Enumerable.Repeat("采购理由：服务器扩容。", 1_000));
        await page.FillAsync("#apply-title", "long text");
        await page.FillAsync("[data-field='reason'] textarea", text);
        await page.PressAsync("[data-field='reason'] textarea", "Tab");
        await page.ClickAsync("#apply-save");
        await page.WaitForSelectorAsync(".mud-snackbar");

        Assert.False(await page.Locator("#components-reconnect-modal").IsVisibleAsync());
        await using var check = ActorScopes.CreateSystemScope(browser.Portal.Services);
        await using var db = await check.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var stored = await db.ApprovalInstances.AsNoTracking().SingleAsync(i => i.Title == "long text");
        Assert.Equal(text, stored.FormData["reason"].GetString());
        await page.Context.CloseAsync();
    }
}
