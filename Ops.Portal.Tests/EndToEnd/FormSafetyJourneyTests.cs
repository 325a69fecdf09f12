using Microsoft.Playwright;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.EndToEnd;

/// <summary>
/// A double click on submit starts one application with one to-do; a toast raised while a dialog is open at 1366×768 leaves
/// the dialog's buttons uncovered.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FormSafetyJourneyTests(BrowserFixture browser)
{
    private const string Password = "form safety passphrase";
    private static readonly PageWaitForURLOptions Slow = new() { WaitUntil = WaitUntilState.Commit, Timeout = 45_000 };

    [Fact]
    public async Task DoubleClickOnSubmit_StartsOneApplication_WithOneToDo()
    {
        await browser.CreateUserAsync("double.applicant", Password, superuser: true);
        await browser.CreateUserAsync("double.approver", Password);
        var code = await PublishSimpleTypeAsync("double_click", await UserIdAsync("double.approver"));
        var page = await browser.NewPageAsync();
        await page.SignInAsync("double.applicant", Password);
        await page.WaitForURLAsync("**/dashboard", Slow);
        await page.GotoAsync($"/workflow/apply/{code}");
        await page.WaitForInteractiveAsync();
        await page.WaitForSelectorAsync("#apply-title");

        await page.FillAsync("#apply-title", "clicked twice");
        await page.FillAsync("[data-field='purpose'] input", "one request");
        await page.PressAsync("[data-field='purpose'] input", "Tab");
        await page.DblClickAsync("#apply-submit");
        await page.WaitForUrlOrSayWhyAsync(url => url.Contains("/workflow/instances/", StringComparison.Ordinal));

        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var instances = await db.ApprovalInstances.AsNoTracking().Where(i => i.Title == "clicked twice").Select(i => i.Id).ToListAsync();
        var instance = Assert.Single(instances);
        Assert.Single(await db.ApprovalTasks.AsNoTracking().Where(t => t.InstanceId == instance).ToListAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AToastWhileADialogIsOpen_DoesNotCoverTheDialogsButtons_At1366x768()
    {
        await browser.CreateUserAsync("toast.admin", Password, superuser: true);
        await browser.CreateUserAsync("toast.target", Password);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("toast.admin", Password);
        await page.WaitForURLAsync("**/dashboard", Slow);
        await page.GotoAsync("/system/users");
        await page.WaitForInteractiveAsync();
        await page.FillAsync("#user-search", "toast.target");
        // The grid settles on the search (debounced) before a row's menu is opened: a later re-render would close it.
        await page.WaitForSelectorAsync("[data-user='toast.admin']", new() { State = WaitForSelectorState.Detached });
        await OpenRowMenuAsync(page, "toast.target");
        await page.ClickAsync(".mud-popover-open .user-edit");
        await page.WaitForSelectorAsync("#user-save");

        // An avatar over the limit is refused with a toast while the dialog stays open.
        await page.SetInputFilesAsync(".mud-dialog input[type='file']", new FilePayload { Name = "big.png", MimeType = "image/png", Buffer = new byte[600 * 1024] });
        var toast = page.Locator(".mud-snackbar").First;
        await toast.WaitForAsync();

        var toastBox = await toast.BoundingBoxAsync();
        var actions = await page.Locator(".mud-dialog .mud-dialog-actions").BoundingBoxAsync();
        Assert.NotNull(toastBox);
        Assert.NotNull(actions);
        Assert.False(Overlap(toastBox!, actions!), $"toast {Describe(toastBox!)} covers the dialog's actions {Describe(actions!)}");
        Assert.True(await page.Locator("#user-save").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EscapeOnADirtyDialog_AsksFirst_StayingKeepsTheEdits_LeavingCloses()
    {
        await browser.CreateUserAsync("escape.admin", Password, superuser: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("escape.admin", Password);
        await page.WaitForURLAsync("**/dashboard", Slow);
        await page.GotoAsync("/report/datasources");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#datasource-new");
        await page.FillAsync("#datasource-name", "half typed");
        await page.PressAsync("#datasource-name", "Tab");

        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("#confirm-cancel");
        await page.WaitForSelectorAsync("#confirm-cancel", new() { State = WaitForSelectorState.Detached });
        Assert.Equal("half typed", await page.InputValueAsync("#datasource-name"));

        await page.Keyboard.PressAsync("Escape");
        await page.ClickAsync("#confirm-ok");
        await page.WaitForSelectorAsync("#datasource-name", new() { State = WaitForSelectorState.Detached });
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Opens a user row's menu. The grid can redraw once more after the search has filtered it, which closes a menu opened
    /// a moment before (seen without this wait): the menu counts as open when its items show, and is opened again otherwise.
    /// </summary>
    private static async Task OpenRowMenuAsync(IPage page, string userName)
    {
        var items = page.Locator(".mud-popover-open .user-edit");
        for (var attempt = 0; attempt < 3 && !await items.IsVisibleAsync(); attempt++)
        {
            await page.ClickAsync($"[data-user='{userName}'] button");
            try
            {
                await items.WaitForAsync(new() { Timeout = 5_000 });
            }
            catch (TimeoutException)
            {
                // Closed by a redraw: open it again.
            }
        }
    }

    private static bool Overlap(LocatorBoundingBoxResult a, LocatorBoundingBoxResult b) =>
        a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;

    private static string Describe(LocatorBoundingBoxResult box) => $"({box.X}, {box.Y}, {box.Width}×{box.Height})";

    private async Task<long> UserIdAsync(string userName)
    {
        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    /// <summary>A published type with one required text field and one approval step assigned to <paramref name="approver"/>.</summary>
    private async Task<string> PublishSimpleTypeAsync(string code, long approver)
    {
        await using var scope = ActorScopes.CreateSystemScope(browser.Portal.Services);
        var definitions = scope.ServiceProvider.GetRequiredService<IApprovalDefinitionService>();
        var id = (await definitions.CreateAsync(new DefinitionInput(code, "Double click", null))).Value;
        var version = (await definitions.GetAsync(id)).Value.Version;
        var form = new ApprovalForm([new FormField("purpose", "Purpose", FieldType.Text, Required: true, Order: 1)]);
        var process = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("check", "Check", ApprovalMode.Single, [AssigneeRule.Users(approver)]), new EndNode("end")],
            [new ProcessEdge("start", "check"), new ProcessEdge("check", "end")]);
        Assert.True((await definitions.SaveDesignAsync(id, process, form, version)).IsSuccess);
        Assert.True((await definitions.PublishAsync(id)).IsSuccess);
        return code;
    }
}
