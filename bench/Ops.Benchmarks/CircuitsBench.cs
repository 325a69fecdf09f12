using System.Globalization;
using Microsoft.Playwright;

namespace Ops.Benchmarks;

/// <summary>What one app cost for its circuits, and its layout click.</summary>
internal sealed record CircuitFigures(string Name, string Route, int Circuits, long RssBefore, long RssAfter, HeapSnapshot HeapBefore, HeapSnapshot HeapAfter, IReadOnlyList<double> Clicks)
{
    public double RssPerCircuit => (RssAfter - RssBefore) / (double)Circuits;

    public double HeapPerCircuit => (HeapAfter.HeapBytes - HeapBefore.HeapBytes) / (double)Circuits;

    public double ClickP95 => Clicks.Order().ElementAt((int)Math.Ceiling(Clicks.Count * 0.95) - 1);

    public double ClickP50 => Clicks.Order().ElementAt(Clicks.Count / 2);
}

/// <summary>
/// Memory per circuit (issue 17): the portal and, beside it, the stock Blazor Server template, each a process of its own;
/// Chromium opens N pages of a route per app, each with its own live circuit; a full GC in each server (through
/// dotnet-gcdump) before and after; resident memory and live managed heap per circuit, and the ratio. Then p95 of a click
/// that re-renders part of the layout (the portal's menu toggle, the template's counter), with the circuits still open.
/// </summary>
internal static class CircuitsBench
{
    private const int Clicks = 50;
    private const int ParallelOpens = 4;

    public static async Task RunAsync(int circuits, string portalRoute, string templateRoute)
    {
        Console.WriteLine(Calibration.Describe());
        var chromium = Environment.GetEnvironmentVariable("OPS_TEST_CHROMIUM") ?? "/usr/bin/chromium";
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--renderer-process-limit=8", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
        });
        var portal = await CircuitTargets.PortalAsync(portalRoute);
        var template = await CircuitTargets.TemplateAsync(templateRoute);
        var keep = Environment.GetEnvironmentVariable("BENCH_KEEP") == "1";
        try
        {
            var figures = new List<CircuitFigures>();
            foreach (var target in new[] { portal, template })
            {
                figures.Add(await MeasureAsync(browser, target, circuits));
                Print(figures[^1]);
            }

            var (p, t) = (figures[0], figures[1]);
            Console.WriteLine($"portal ÷ template per circuit: resident {p.RssPerCircuit / t.RssPerCircuit:F1}×, managed heap {p.HeapPerCircuit / t.HeapPerCircuit:F1}×; click p95 {p.ClickP95 / t.ClickP95:F1}×");
            Console.WriteLine(Calibration.Describe());
            if (keep)
            {
                Console.WriteLine($"heap snapshots kept: {p.HeapAfter.DumpPath}, {t.HeapAfter.DumpPath} (open with dotnet-gcdump report or PerfView)");
            }
        }
        finally
        {
            foreach (var target in new[] { portal, template })
            {
                await target.App.DisposeAsync();
                if (!keep)
                {
                    Directory.Delete(target.Directory, recursive: true);
                }
            }
        }
    }

    private static async Task<CircuitFigures> MeasureAsync(IBrowser browser, CircuitTarget target, int circuits)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = target.App.Address, Locale = "en-US", ViewportSize = new ViewportSize { Width = 1366, Height = 800 },
        });
        context.SetDefaultTimeout(60_000);
        await target.SignInAsync(context);

        // Warm-up, left open and so inside both snapshots: the route once, the click page with a few clicks.
        await target.OpenAsync(await context.NewPageAsync(), target.Route);
        var clickPage = await context.NewPageAsync();
        await target.OpenAsync(clickPage, target.ClickRoute);
        for (var i = 0; i < 5; i++)
        {
            await ClickAsync(clickPage, target);
        }

        var heapBefore = await HeapProbe.CollectAsync(target.App.Id, Path.Combine(target.Directory, "before.gcdump"));
        var rssBefore = target.App.ResidentBytes();
        using (var gate = new SemaphoreSlim(ParallelOpens))
        {
            await Task.WhenAll(Enumerable.Range(0, circuits).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    await target.OpenAsync(await context.NewPageAsync(), target.Route);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var heapAfter = await HeapProbe.CollectAsync(target.App.Id, Path.Combine(target.Directory, "after.gcdump"));
        var rssAfter = target.App.ResidentBytes();
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_HOLD"), CultureInfo.InvariantCulture, out var hold))
        {
            // Time to take a full dump (dotnet-dump collect -p <pid>) with the circuits open.
            Console.WriteLine($"  {target.Name} process {target.App.Id} holds {circuits} circuits for {hold} s");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        var clicks = new List<double>(Clicks);
        for (var i = 0; i < Clicks; i++)
        {
            clicks.Add(await ClickAsync(clickPage, target));
        }

        return new CircuitFigures(target.Name, target.Route, circuits, rssBefore, rssAfter, heapBefore, heapAfter, clicks);
    }

    /// <summary>
    /// Time in the page from the click to the first change the server's render makes to the watched element. A short
    /// pause first, as a person leaves between clicks, so the previous render has settled.
    /// </summary>
    private static Task<double> ClickAsync(IPage page, CircuitTarget target) => page.EvaluateAsync<double>(
        """
        async ([click, changed]) => {
            await new Promise(r => setTimeout(r, 100));
            const target = document.querySelector(changed);
            const done = new Promise(resolve => {
                const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
                observer.observe(target, { attributes: true, childList: true, subtree: true, characterData: true });
            });
            const started = performance.now();
            document.querySelector(click).click();
            await done;
            return performance.now() - started;
        }
        """, new[] { target.ClickSelector, target.ChangedSelector });

    private static void Print(CircuitFigures f)
    {
        static string MiB(double bytes) => (bytes / 1048576).ToString("F1", CultureInfo.InvariantCulture);
        static string KiB(double bytes) => (bytes / 1024).ToString("F0", CultureInfo.InvariantCulture);
        Console.WriteLine($"{f.Name} {f.Route}, {f.Circuits} circuits (after a forced full GC):");
        Console.WriteLine($"  resident      {MiB(f.RssBefore),8} → {MiB(f.RssAfter),8} MiB   per circuit {KiB(f.RssPerCircuit),6} KiB");
        Console.WriteLine($"  managed heap  {MiB(f.HeapBefore.HeapBytes),8} → {MiB(f.HeapAfter.HeapBytes),8} MiB   per circuit {KiB(f.HeapPerCircuit),6} KiB");
        Console.WriteLine($"  click ({f.Clicks.Count}×)  p50 {f.ClickP50:F1} ms   p95 {f.ClickP95:F1} ms");
        if (f.HeapAfter.TypedShare < 0.5)
        {
            // The runtime dropped most of the heap's node events (lossy before .NET 11): rows that cover a few per cent mislead.
            Console.WriteLine($"  by type: the gcdump's rows cover {f.HeapAfter.TypedShare:P0} of the heap (lossy before .NET 11); BENCH_HOLD=<s> and dotnet-dump collect + dumpheap -stat give the full picture");
            return;
        }

        Console.WriteLine("  heap growth per circuit by type (own bytes, not retained):");
        foreach (var (type, bytes, count) in HeapProbe.Growth(f.HeapBefore, f.HeapAfter, f.Circuits, 15))
        {
            Console.WriteLine($"    {KiB(bytes),7} KiB  {count,8:F1} objects  {type}");
        }
    }
}
