using Microsoft.Playwright;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download) against the real portal served by
/// Kestrel on a loopback port, on its own SQLite database. Shared by the end-to-end journeys.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "OPS_TEST_CHROMIUM";

    private IPlaywright? _playwright;

    public OpsWebFactory Portal { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable(ChromiumVariable) ?? "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            // The fixture cannot skip; each test checks Available and skips or fails.
            return;
        }

        BaseUrl = Portal.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public bool Available => _playwright is not null;

    public async Task CreateUserAsync(string userName, string password, bool superuser = false)
    {
        await using var scope = Ops.Infrastructure.Common.ActorScopes.CreateSystemScope(Portal.Services);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
        var result = await users.CreateAsync(new Ops.Infrastructure.Auth.OpsUser { UserName = userName, IsActive = true, IsSuperuser = superuser, LockoutEnabled = true }, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// As if the user had already made their first, forced password change (issue 14.9): for journeys about
    /// something else that sign in as a user an admin created.
    /// </summary>
    public async Task PasswordAlreadyChangedAsync(long userId)
    {
        await using var scope = Ops.Infrastructure.Common.ActorScopes.CreateSystemScope(Portal.Services);
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        user!.MustChangePassword = false;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
    }

    /// <summary>A fresh browser context (own cookies) in the given language and, when named, the given IANA time zone.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", string? timeZoneId = null)
    {
        if (!Available)
        {
            if (Environment.GetEnvironmentVariable(TestDatabase.RequireAllVariable) == "1")
            {
                Assert.Fail("Chromium is missing: ./test.sh installs Debian's chromium package.");
            }

            Assert.Skip("Chromium is not installed; run ./test.sh.");
        }

        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = timeZoneId,
            ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        await Portal.DisposeAsync();
    }
}

// Browser journeys run on their own, after the parallel tests: timing-sensitive steps (live
// updates within a second, TOTP windows) should not compete with them for two cores.
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

public static class PageExtensions
{
    /// <summary>Signs in through the login form and waits until the shell is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string user, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#Input\\.Login", user);
        await page.FillAsync("#Input\\.Password", password);
        await page.ClickAsync("#login-submit");
    }

    /// <summary>
    /// Signing out ends the session, which also ends the open circuit; either may navigate first,
    /// so this polls the address instead of waiting for one navigation.
    /// </summary>
    public static Task WaitForSignInPageAsync(this IPage page) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"), new() { Timeout = 20_000 });

    /// <summary>
    /// Waits for the address to match; when it does not, the failure says what the page showed instead
    /// (its address, toasts, field errors and the error boundary), so a red CI run explains itself.
    /// It polls the address rather than calling <c>WaitForURLAsync</c>: that one checks the address, then
    /// subscribes to navigations, and a Blazor <c>NavigateTo</c> landing between the two is never seen
    /// (CI once timed out "still at" the very address it waited for).
    /// </summary>
    public static async Task WaitForUrlOrSayWhyAsync(this IPage page, Func<string, bool> url, float timeout = 45_000)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!url(page.Url))
        {
            if (waited.Elapsed.TotalMilliseconds > timeout)
            {
                var shown = await page.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('.mud-snackbar, .mud-input-helper-text.mud-input-error, .mud-alert, #error-boundary')].map(e => e.innerText.trim()).filter(t => t).join(' | ')");
                throw new TimeoutException($"Still at {page.Url} after {timeout} ms; the page showed: {shown}");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Clicks sent before the circuit connects are lost; the layout marks when it is live.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.WaitForSelectorAsync("#ops-shell[data-interactive='true']");

    /// <summary>
    /// Collects every Content-Security-Policy violation the page reports from now on: Chromium's own
    /// console errors and the document's <c>securitypolicyviolation</c> events.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CollectCspViolationsAsync(this IPage page)
    {
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                violations.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        await page.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));");
        return new ViolationList(violations);
    }

    private sealed class ViolationList(System.Collections.Concurrent.ConcurrentQueue<string> queue) : IReadOnlyList<string>
    {
        public string this[int index] => queue.ElementAt(index);

        public int Count => queue.Count;

        public IEnumerator<string> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ops.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Ops.sln not found above the test output.");
    }
}
