using Bunit;
using System.Text.RegularExpressions;
using Ops.Domain.Scheduler;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Scheduler.Components;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Common;

/// <summary>Times render in the viewer's zone with its marker, whatever zone the server process runs in.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class TimeRenderingTests : PortalTestContext
{
    // 19:00 UTC is 03:00 the next morning in Shanghai: the case the issue reported as "next fire 19:00".
    private static readonly DateTimeOffset NextFire = new(2026, 12, 7, 19, 0, 0, TimeSpan.Zero);

    private static JobDetail Job(string zone) => new(
        1, new JobInput("nightly", null, JobType.Http, "0 0 3 * * ?", zone, "{}"), false, null, NextFire, 1, NextFire, NextFire);

    [Fact]
    public void JobCard_NextFire_RendersInTheViewersZoneWithMarker_WhileTheProcessZoneDiffers()
    {
        using var process = new ProcessTimeZone("America/Los_Angeles");
        Services.GetRequiredService<ViewerTime>().UseBrowserZone("Asia/Shanghai");

        var card = Render<JobSummary>(p => p.Add(c => c.Job, Job("Asia/Shanghai")));

        var nextFire = card.Find("#job-next-fire");
        Assert.Equal("2026-12-08 03:00:00 UTC+08:00 Asia/Shanghai", Normalize(nextFire.TextContent));
        Assert.Contains("2026-12-07 19:00:00 UTC", nextFire.QuerySelector("time")!.GetAttribute("title"));
    }

    [Fact]
    public void JobCard_CronInAnotherZone_ShowsTheCronsReadingBesideTheViewers()
    {
        Services.GetRequiredService<ViewerTime>().UseBrowserZone("Asia/Shanghai");

        var card = Render<JobSummary>(p => p.Add(c => c.Job, Job("America/New_York")));

        Assert.Equal("2026-12-08 03:00:00 UTC+08:00 Asia/Shanghai (2026-12-07 14:00:00 UTC-05:00 America/New_York)",
            Normalize(card.Find("#job-next-fire").TextContent));
    }

    [Fact]
    public void When_RedrawsWhenTheZoneBecomesKnown()
    {
        var viewer = Services.GetRequiredService<ViewerTime>();
        var shown = Render<When>(p => p.Add(c => c.At, NextFire).Add(c => c.Format, WhenFormat.Minute));
        Assert.Equal("2026-12-07 19:00", Normalize(shown.Find("time").TextContent));

        viewer.UseBrowserZone("Asia/Shanghai");

        shown.WaitForAssertion(() => Assert.Equal("2026-12-08 03:00", Normalize(shown.Find("time").TextContent)));
    }

    /// <summary>Keeps the class closed: a component that reads the server's zone or clock fails here.</summary>
    [Fact]
    public void Components_NeverUseTheServersZoneOrClock()
    {
        var root = Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal");
        var forbidden = new Regex(@"ToLocalTime\(|DateTime\.Now|DateTime\.Today|DateTimeOffset\.Now|GetLocalNow\(|TimeZoneInfo\.Local|\.LocalTimeZone|\sFormat=""yyyy", RegexOptions.CultureInvariant);
        var offenders = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => forbidden.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Show times through ViewerTime / <When>:\n" + string.Join('\n', offenders));
    }

    /// <summary>Reviewed places that may read the machine's clock directly, with the reason. None so far.</summary>
    private static readonly IReadOnlyDictionary<string, string> ClockAllowed = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The clock comes from the injected TimeProvider everywhere, so tests can drive it (pages, services, jobs).</summary>
    [Fact]
    public void PortalAndInfrastructure_ReadTheClockOnlyThroughTimeProvider()
    {
        var clock = new Regex(@"\bDateTime(Offset)?\.(UtcNow|Now|Today)\b", RegexOptions.CultureInvariant);
        var offenders = new[] { "Ops.Portal", "Ops.Infrastructure" }
            .Select(project => Path.Combine(PageExtensions.RepositoryRoot(), project))
            .SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                .Select(f => (File: f, Relative: Path.GetRelativePath(Path.GetDirectoryName(root)!, f).Replace('\\', '/'))))
            .Where(x => !x.Relative.Split('/').Any(part => part is "obj" or "bin" or "Migrations"))
            .Where(x => !ClockAllowed.ContainsKey(x.Relative))
            .SelectMany(x => File.ReadLines(x.File).Select((line, i) => (x.Relative, line, i)))
            .Where(x => clock.IsMatch(x.line))
            .Select(x => $"{x.Relative}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "Read the time from the injected TimeProvider (or allow the place here, with a reason):\n" + string.Join('\n', offenders));
    }

    private static string Normalize(string text) => Regex.Replace(text, @"\s+", " ").Trim();
}
