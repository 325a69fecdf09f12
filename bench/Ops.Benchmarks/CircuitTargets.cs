using System.Diagnostics;
using Microsoft.Playwright;

namespace Ops.Benchmarks;

/// <summary>
/// One app the circuits bench measures: how to start it, how to get a browser into it, how to open a page
/// (opening a route and waiting until its circuit is live), and the click that re-renders part of its layout (with the element whose change marks the click as rendered).
/// </summary>
internal sealed record CircuitTarget(
    string Name,
    ChildApp App,
    string Route,
    Func<IBrowserContext, Task> SignInAsync,
    Func<IPage, string, Task> OpenAsync,
    string ClickRoute,
    string ClickSelector,
    string ChangedSelector,
    string Directory);

internal static class CircuitTargets
{
    private const string AdminPassword = "circuits bench passphrase";

    /// <summary>The portal's own build (the bench builds it as a reference) on a fresh SQLite database with the seeded admin.</summary>
    public static async Task<CircuitTarget> PortalAsync(string route)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ops-circuits-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var assembly = Path.Combine(HeapProbe.RepositoryRoot(), "Ops.Portal", "bin", configuration, "net10.0", "Ops.Portal.dll");
        var app = await ChildApp.StartAsync(assembly, directory, new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Ops"] = $"Data Source={Path.Combine(directory, "ops.db")}",
            ["Logging__Directory"] = Path.Combine(directory, "logs"),
            ["Auth__PasswordHashIterations"] = "1000",
            ["OPS_ADMIN_PASSWORD"] = AdminPassword,
        }, "/health");
        return new CircuitTarget("portal", app, route, SignInAsync, OpenPortalPageAsync,
            "/dashboard", "header.mud-appbar button.mud-icon-button", ".mud-drawer", directory);
    }

    /// <summary>
    /// The stock template, made and built in a temp folder now. <c>--all-interactive</c>: the portal renders every page
    /// (layout included) on one interactive root, as that template does; without it "/" is static and opens no circuit.
    /// </summary>
    public static async Task<CircuitTarget> TemplateAsync(string route)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ops-circuits-template-{Guid.NewGuid():N}");
        await RunAsync(Path.GetTempPath(), "new", "blazor", "--interactivity", "Server", "--all-interactive", "-n", "TemplateApp", "-o", directory);
        await RunAsync(directory, "build", "-c", "Release", "-v", "q", "-nologo");
        var app = await ChildApp.StartAsync(Path.Combine(directory, "bin", "Release", "net10.0", "TemplateApp.dll"), directory, new Dictionary<string, string>(), "/");
        return new CircuitTarget("template", app, route, _ => Task.CompletedTask, OpenTemplatePageAsync,
            "/counter", "button.btn-primary", "p[role=status]", directory);
    }

    private static async Task SignInAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Login", "admin");
        await page.FillAsync("#Input\\.Password", AdminPassword);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await page.CloseAsync();
    }

    /// <summary>The layout marks when the circuit is live.</summary>
    private static async Task OpenPortalPageAsync(IPage page, string route)
    {
        await page.GotoAsync(route);
        await page.WaitForSelectorAsync("#ops-shell[data-interactive='true']");
    }

    /// <summary>The template has no marker of its own: its circuit is live once the server has sent a render batch.</summary>
    private static async Task OpenTemplatePageAsync(IPage page, string route)
    {
        var rendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            if (frame.Binary is { } bytes && bytes.AsSpan().IndexOf("JS.RenderBatch"u8) >= 0)
            {
                rendered.TrySetResult();
            }
        };
        await page.GotoAsync(route);
        await rendered.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static Task RunAsync(string directory, params string[] arguments) => Dotnet.RunAsync(directory, null, arguments);
}
