using Ops.Portal.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>ViewerTime: stored UTC instants shown in the viewer's zone, typed days read in it, the server's zone never used.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class ViewerTimeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 7, 4, 30, 15, TimeSpan.Zero);

    private static ViewerTime Viewer(string? browser = null, string? profile = null)
    {
        var viewer = new ViewerTime(new ManualClock(Noon));
        viewer.UseBrowserZone(browser);
        viewer.UseProfileZone(profile);
        return viewer;
    }

    [Fact]
    public void Format_UtcInstant_ReadsInAsiaShanghai()
    {
        var viewer = Viewer(browser: "Asia/Shanghai");

        Assert.Equal("2026-12-07 12:30", viewer.Format(Noon));
        Assert.Equal("2026-12-07 12:30:15", viewer.Format(Noon, WhenFormat.Second));
        Assert.Equal("2026-12-07", viewer.Format(Noon, WhenFormat.Date));
        Assert.Equal("UTC+08:00 Asia/Shanghai", viewer.Caption());
        Assert.Equal("2026-12-07 12:30:15 UTC+08:00 Asia/Shanghai · 2026-12-07 04:30:15 UTC", viewer.Describe(Noon));
    }

    [Fact]
    public void Format_NewYork_FollowsDaylightSavingAcrossTheSwitch()
    {
        var viewer = Viewer(browser: "America/New_York");

        // 2026-03-08 02:00 EST the clocks jump to 03:00 EDT.
        Assert.Equal("2026-03-08 01:59", viewer.Format(new DateTimeOffset(2026, 3, 8, 6, 59, 0, TimeSpan.Zero)));
        Assert.Equal("2026-03-08 03:00", viewer.Format(new DateTimeOffset(2026, 3, 8, 7, 0, 0, TimeSpan.Zero)));
        Assert.Equal("UTC-05:00 America/New_York", viewer.Caption(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("UTC-04:00 America/New_York", viewer.Caption(new DateTimeOffset(2026, 7, 15, 12, 0, 0, TimeSpan.Zero)));

        // A day picked in summer and in winter starts at the viewer's midnight of that day.
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 4, 0, 0, TimeSpan.Zero), viewer.StartOfDay(new DateTime(2026, 7, 15)));
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 5, 0, 0, TimeSpan.Zero), viewer.StartOfDay(new DateTime(2026, 1, 15)));
        // A time the spring switch skips reads with the offset before it; a repeated autumn time as its first occurrence.
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 30, 0, TimeSpan.Zero), viewer.FromViewer(new DateTime(2026, 3, 8, 2, 30, 0)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), viewer.FromViewer(new DateTime(2026, 11, 1, 1, 30, 0)));
    }

    [Fact]
    public void Zone_EmptyProfile_FollowsTheBrowser_AndNoZoneAtAllIsUtc()
    {
        Assert.Equal("UTC", Viewer().Zone.Id);
        Assert.Equal("Asia/Shanghai", Viewer(browser: "Asia/Shanghai", profile: "").Zone.Id);
        Assert.Equal("Europe/Berlin", Viewer(browser: "Asia/Shanghai", profile: "Europe/Berlin").Zone.Id);
        Assert.Equal("Asia/Shanghai", Viewer(browser: "Asia/Shanghai", profile: "Not/AZone").Zone.Id);

        var viewer = Viewer(browser: "Asia/Shanghai", profile: "Europe/Berlin");
        var changes = 0;
        viewer.Changed += () => changes++;
        viewer.UseProfileZone(null);
        Assert.Equal("Asia/Shanghai", viewer.Zone.Id);
        viewer.UseBrowserZone("Mars/Olympus_Mons");
        Assert.Equal("Asia/Shanghai", viewer.Zone.Id);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void InZone_ShowsACronsOwnZone_OnlyWhenItReadsDifferently()
    {
        var viewer = Viewer(browser: "Asia/Shanghai");

        Assert.Null(viewer.InZone(Noon, "Asia/Shanghai"));
        Assert.Null(viewer.InZone(Noon, "Asia/Chongqing"));
        Assert.Equal("2026-12-07 04:30:15 UTC+00:00 UTC", viewer.InZone(Noon, "UTC"));
    }

    [Fact]
    public void Conversion_IgnoresTheProcessZone()
    {
        using var process = new ProcessTimeZone("America/Los_Angeles");
        var viewer = Viewer(browser: "Asia/Shanghai");

        Assert.Equal("2026-12-07 12:30", viewer.Format(Noon));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 16, 0, 0, TimeSpan.Zero), viewer.StartOfDay(new DateTime(2026, 12, 7)));
        Assert.Equal("20261207-1230", viewer.FileStamp());
        Assert.Equal(new DateTime(2026, 12, 7), viewer.Today);
        // Charts get the viewer's wall-clock time written as UTC, so the browser's zone plays no part either.
        Assert.Equal(Noon.AddHours(8).ToUnixTimeMilliseconds(), ViewerTime.ChartMilliseconds(Noon, viewer.Zone));
    }
}
